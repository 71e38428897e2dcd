import { EntityManager } from 'typeorm';
import { addDays, addMonths, COUNTIES } from '@laerenett/shared-domain';

/**
 * The demo's apprenticeships in the KDD area: every apprentice under contract gets the contract's
 * details (county, training office, the agency's first coordinator as professional leader), a
 * start-up talk and, after six months, an assessment — except every third, whose assessment is
 * overdue; one apprentice has had an interruption that moved the end, and the newest completed
 * contract has a passed trade test. The demo apprentice with a user (Emma) is left for the story
 * of her own start-up talk.
 */
export async function seedApprenticeships(m: EntityManager, today: string): Promise<void> {
  const rows: {
    id: string;
    agency_id: string;
    user_id: string | null;
    contract_start: string;
    contract_end: string;
    training_office_id: string | null;
  }[] = await m.query(
    `SELECT p.id, p.agency_id, p.user_id, p.contract_start::text, p.contract_end::text, g.training_office_id
         FROM apprentice p JOIN agency g ON g.id = p.agency_id JOIN ministry_area a ON a.id = g.area_id
        WHERE a.code = 'KDD' AND p.status = 'ACTIVE' AND p.contract_start <= $1 AND p.contract_end >= $1
        ORDER BY g.name, p.name`,
    [today],
  );
  const leaders: { id: string; agency_id: string }[] = await m.query(
    `SELECT DISTINCT ON (agency_id) id, agency_id FROM app_user WHERE role = 'AGENCY_COORDINATOR' AND agency_id IS NOT NULL ORDER BY agency_id, created_at, email`,
  );
  const leaderOf = new Map(leaders.map((l) => [l.agency_id, l.id]));
  let interrupted = false;
  for (const [k, p] of rows.entries()) {
    await m.query(
      `INSERT INTO apprenticeship_contract (apprentice_id, agency_id, county, training_office_id, signed_on, original_end, leader_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        p.id,
        p.agency_id,
        COUNTIES[k % 4 === 3 ? 13 : [7, 1, 13][k % 3]],
        p.training_office_id,
        addDays(p.contract_start, -60),
        p.contract_end,
        leaderOf.get(p.agency_id) ?? null,
      ],
    );
    if (p.user_id) continue;
    const startup = addDays(p.contract_start, 14);
    if (startup <= today)
      await m.query(
        `INSERT INTO apprenticeship_talk (apprentice_id, kind, held_on, participants, summary, goals) VALUES ($1, 'STARTUP', $2, $3, $4, $5)`,
        [
          p.id,
          startup,
          'Lærling, faglig leder',
          'Forventninger, rutiner og opplæringsplan gjennomgått.',
          'Bli kjent med arbeidsoppgavene og fadderen.',
        ],
      );
    const assessment = addMonths(p.contract_start, 6);
    if (assessment <= today && k % 3 !== 2)
      await m.query(
        `INSERT INTO apprenticeship_talk (apprentice_id, kind, held_on, participants, summary, goals) VALUES ($1, 'ASSESSMENT', $2, $3, $4, $5)`,
        [p.id, addDays(assessment, -7), 'Lærling, faglig leder, instruktør', 'God framgang i faget.', 'Flere selvstendige oppgaver.'],
      );
    // One interruption, ended, notified to the county: the planned end moves by its 42 days.
    if (!interrupted && addDays(p.contract_start, 200) <= today) {
      interrupted = true;
      const from = addDays(p.contract_start, 150);
      await m.query(
        `INSERT INTO apprenticeship_interruption (apprentice_id, kind, starts_on, ends_on, county_notified_on, note) VALUES ($1, 'SICKNESS', $2, $3, $4, '')`,
        [p.id, from, addDays(from, 41), addDays(from, 3)],
      );
      await m.query(`UPDATE apprentice SET contract_end = $2 WHERE id = $1`, [p.id, addDays(p.contract_end, 42)]);
    }
  }
  // The newest completed contract in the area: its trade test, passed.
  const [done]: { id: string; agency_id: string; contract_end: string; ended_on: string; training_office_id: string | null }[] =
    await m.query(
      `SELECT p.id, p.agency_id, p.contract_end::text, p.ended_on::text, g.training_office_id
       FROM apprentice p JOIN agency g ON g.id = p.agency_id JOIN ministry_area a ON a.id = g.area_id
      WHERE a.code = 'KDD' AND p.status = 'COMPLETED' AND p.ended_on IS NOT NULL ORDER BY p.ended_on DESC, p.name LIMIT 1`,
    );
  if (done) {
    await m.query(
      `INSERT INTO apprenticeship_contract (apprentice_id, agency_id, county, training_office_id, original_end, leader_id, after_plan) VALUES ($1, $2, 'Oslo', $3, $4, $5, 'STAYS')`,
      [done.id, done.agency_id, done.training_office_id, done.contract_end, leaderOf.get(done.agency_id) ?? null],
    );
    await m.query(`INSERT INTO trade_test (apprentice_id, attempt, registered_on, test_date, result) VALUES ($1, 1, $2, $3, 'PASSED')`, [
      done.id,
      addMonths(done.contract_end, -3),
      done.ended_on,
    ]);
  }
}
