import { EntityManager } from 'typeorm';
import { addDays, terminationPhase } from '@laerenett/shared-domain';

interface Person {
  id: string;
  agency_id: string;
  name: string;
  contract_start: string;
  ended_on: string | null;
  leader_id: string | null;
}

const part = (role: string, userId: string) => ({ role, userId });

/**
 * The demo's follow-up cases in the KDD area, in different states: at Digdir an open case with
 * the talk, the meeting (the ombud taking part, the county's adviser informed) and an agreed plan
 * whose action and next meeting are coming up, and a resolved one; at Statsbygg an open case with
 * only the concern talk, and the case that ended in the spring's termination. None is on the demo
 * apprentice with a user (Emma), whose story opens her own; the ministry's users see none of them,
 * only the counts.
 */
export async function seedFollowUp(m: EntityManager, today: string): Promise<void> {
  const pick = async (agency: string, status: string, n: number): Promise<Person[]> =>
    m.query(
      `SELECT p.id, p.agency_id, p.name, p.contract_start::text, p.ended_on::text, c.leader_id
         FROM apprentice p JOIN agency g ON g.id = p.agency_id LEFT JOIN apprenticeship_contract c ON c.apprentice_id = p.id
        WHERE g.name = $1 AND p.status = $2 AND p.user_id IS NULL AND p.contract_start <= $3::date - 60
        ORDER BY p.contract_start, p.name LIMIT $4`,
      [agency, status, today, n],
    );
  const coordinator = async (agencyId: string): Promise<string> =>
    (
      await m.query(`SELECT id FROM app_user WHERE agency_id = $1 AND role = 'AGENCY_COORDINATOR' ORDER BY created_at, email LIMIT 1`, [
        agencyId,
      ])
    )[0].id;
  const open = async (
    p: Person,
    by: string,
    openedOn: string,
    concerns: string[],
    text: string | null,
    closed?: Record<string, unknown>,
  ) => {
    const [c]: { id: string }[] = await m.query(
      `INSERT INTO follow_up_case (apprentice_id, agency_id, opened_by, opened_on, concerns, concern_text, status, closed_on, termination_phase, termination_causes, afterwards)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        p.id,
        p.agency_id,
        by,
        openedOn,
        concerns,
        text,
        closed?.['status'] ?? 'OPEN',
        closed?.['closedOn'] ?? null,
        closed?.['phase'] ?? null,
        closed?.['causes'] ?? [],
        closed?.['afterwards'] ?? null,
      ],
    );
    return c.id;
  };
  let seq = 0;
  const step = async (
    caseId: string,
    by: string,
    kind: string,
    date: string,
    record: Record<string, unknown>,
    note: string | null = null,
    actions: { description: string; owner: string | null; ownerName?: string; deadline: string }[] = [],
  ) => {
    const [s]: { id: string }[] = await m.query(
      `INSERT INTO follow_up_step (case_id, seq, kind, date, record, internal_note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [caseId, ++seq, kind, date, { externalParticipants: [], nextMeetingOn: null, ...record }, note, by],
    );
    for (const [position, a] of actions.entries())
      await m.query(
        `INSERT INTO follow_up_action (case_id, step_id, position, description, owner_user_id, owner_name, deadline) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [caseId, s.id, position, a.description, a.owner, a.owner ? null : (a.ownerName ?? null), a.deadline],
      );
  };

  // Digdir: an open case up to an agreed plan, and a resolved one.
  const [planned, resolved] = await pick('Digitaliseringsdirektoratet', 'ACTIVE', 2);
  if (planned && resolved) {
    const lead = planned.leader_id ?? (await coordinator(planned.agency_id));
    const both = [part('APPRENTICE', planned.id), part('PROFESSIONAL_LEADER', lead)];
    const id = await open(planned, lead, addDays(today, -40), ['HIGH_ABSENCE', 'SICKNESS'], 'Mye sykefravær siden september');
    seq = 0;
    await step(
      id,
      lead,
      'CONCERN_TALK',
      addDays(today, -35),
      { participants: both, summary: 'Samtale om fraværet og hvordan lærlingen har det.' },
      'Lærlingen nevnte vansker hjemme.',
    );
    await step(id, lead, 'FOLLOW_UP_MEETING', addDays(today, -21), {
      participants: both,
      externalParticipants: [{ role: 'OMBUD', name: 'Lærlingombudet i Oslo' }],
      summary: 'Avklaringsmøte med ombudet til stede. Lærlingen tok med en venn.',
      countyAdviserInformed: { on: addDays(today, -24), how: 'PHONE' },
      trustedPersonInvited: true,
    });
    await step(
      id,
      lead,
      'FOLLOW_UP_PLAN',
      addDays(today, -14),
      {
        participants: both,
        summary: 'Plan for gradvis opptrapping og ukentlige samtaler.',
        nextMeetingOn: addDays(today, 10),
        interruption: null,
        agreement: { agreedOn: addDays(today, -14), agreedBy: both },
      },
      null,
      [
        { description: 'Ukentlig samtale med faglig leder', owner: lead, deadline: addDays(today, 7) },
        { description: 'Time hos fastlegen', owner: null, ownerName: 'Fastlegen', deadline: addDays(today, 3) },
      ],
    );
    const lead2 = resolved.leader_id ?? (await coordinator(resolved.agency_id));
    const both2 = [part('APPRENTICE', resolved.id), part('PROFESSIONAL_LEADER', lead2)];
    const done = await open(resolved, lead2, addDays(today, -50), ['LACK_OF_PROGRESS'], null, {
      status: 'RESOLVED',
      closedOn: addDays(today, -20),
    });
    seq = 0;
    await step(done, lead2, 'CONCERN_TALK', addDays(today, -45), {
      participants: both2,
      summary: 'Lærlingen trenger tettere oppfølging i faget.',
    });
    await step(done, lead2, 'RESOLUTION', addDays(today, -20), { participants: both2, summary: 'Framgangen er god igjen.' });
  }

  // Statsbygg: an open case with the concern talk, and the case behind the spring's termination.
  const [talked] = await pick('Statsbygg', 'ACTIVE', 1);
  if (talked) {
    const lead = talked.leader_id ?? (await coordinator(talked.agency_id));
    const id = await open(talked, lead, addDays(today, -10), ['SOCIAL_ADAPTATION'], 'Trives dårlig i arbeidslaget');
    seq = 0;
    await step(id, lead, 'CONCERN_TALK', addDays(today, -7), {
      participants: [part('APPRENTICE', talked.id), part('PROFESSIONAL_LEADER', lead)],
      summary: 'Samtale om arbeidsmiljøet; ny samtale om to uker.',
      nextMeetingOn: addDays(today, 7),
    });
  }
  const [ended] = await pick('Statsbygg', 'TERMINATED', 1);
  if (ended?.ended_on) {
    const lead = await coordinator(ended.agency_id);
    const both = [part('APPRENTICE', ended.id), part('PROFESSIONAL_LEADER', lead)];
    const decided = addDays(ended.ended_on, -9);
    const causes = ['WORK_ENVIRONMENT', 'WRONG_TRADE'];
    const id = await open(ended, lead, addDays(ended.ended_on, -50), ['LACK_OF_PROGRESS', 'HIGH_ABSENCE'], null, {
      status: 'TERMINATED',
      closedOn: decided,
      phase: terminationPhase(ended.contract_start, ended.ended_on),
      causes,
      afterwards: 'SCHOOL',
    });
    seq = 0;
    await step(id, lead, 'CONCERN_TALK', addDays(ended.ended_on, -45), {
      participants: both,
      summary: 'Bekymring for framgang og fravær.',
    });
    await step(id, lead, 'FOLLOW_UP_MEETING', addDays(ended.ended_on, -30), {
      participants: both,
      summary: 'Lærlingen ønsker å bytte fag.',
      countyAdviserInformed: { on: addDays(ended.ended_on, -31), how: 'EMAIL' },
      trustedPersonInvited: true,
    });
    await step(id, lead, 'TERMINATION', decided, {
      participants: both,
      summary: 'Oppsigelse ved enighet; lærlingen begynner på skole.',
      mode: 'BY_AGREEMENT',
      terminatedOn: ended.ended_on,
      causes,
      causeText: null,
      afterwards: 'SCHOOL',
      sentToCountyOn: decided,
      countyDecidedOn: null,
      agreement: { agreedOn: decided, agreedBy: both },
    });
  }
}
