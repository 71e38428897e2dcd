import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the gatherings module publishes about who took part (docs/architecture.md), one rule for
 * the network page, the action plan and the December summary (the domain's `tookPart`):
 *
 * - `held_gatherings(area, year, as_of)`: the area's published gatherings of the year whose day
 *   (in Oslo) has come by `as_of`, with whether anyone was checked in;
 * - `gathering_participants(area, year, as_of)`: who took part in them — those checked in, or,
 *   at a gathering where nobody was checked in, those who said yes;
 * - `gathering_commitments`: the published gatherings each person said yes to, with their times
 *   (the pool refuses a shift that clashes with one).
 */
export class GatheringParticipation1796215000000 implements MigrationInterface {
  name = 'GatheringParticipation1796215000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "held_gatherings"(area uuid, year int, as_of date)
         RETURNS TABLE (id uuid, title varchar, audience gathering_audience, day date, any_check_in boolean)
         LANGUAGE sql STABLE AS $$
           SELECT g.id, g.title, g.audience, (g.starts_at AT TIME ZONE 'Europe/Oslo')::date,
                  EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL)
             FROM gathering g
            WHERE g.area_id = area AND g.status = 'PUBLISHED'
              AND g.starts_at >= make_timestamptz(year, 1, 1, 0, 0, 0, 'Europe/Oslo')
              AND g.starts_at < make_timestamptz(year + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')
              AND (g.starts_at AT TIME ZONE 'Europe/Oslo')::date <= as_of
         $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "gathering_participants"(area uuid, year int, as_of date)
         RETURNS TABLE (gathering_id uuid, agency_id uuid, user_id uuid)
         LANGUAGE sql STABLE AS $$
           SELECT r.gathering_id, r.agency_id, r.user_id
             FROM held_gatherings(area, year, as_of) g JOIN gathering_rsvp r ON r.gathering_id = g.id
            WHERE r.checked_in_at IS NOT NULL OR (NOT g.any_check_in AND r.state = 'YES')
         $$`,
    );
    await queryRunner.query(
      `CREATE VIEW "gathering_commitments" AS
         SELECT r.user_id, g.id AS gathering_id, g.area_id, g.starts_at, g.ends_at
           FROM gathering_rsvp r JOIN gathering g ON g.id = r.gathering_id
          WHERE r.state = 'YES' AND g.status = 'PUBLISHED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "gathering_commitments"`);
    await queryRunner.query(`DROP FUNCTION "gathering_participants"(uuid, int, date)`);
    await queryRunner.query(`DROP FUNCTION "held_gatherings"(uuid, int, date)`);
  }
}
