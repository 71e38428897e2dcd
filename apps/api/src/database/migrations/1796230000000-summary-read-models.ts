import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the targets and pooling modules publish for other modules' SQL (the December summary and
 * the action plan read them; docs/architecture.md). Each view is declared, with its row type, in
 * its module's `read-model.ts`; a later migration that changes a column a view shows recreates
 * the view with it.
 *
 * - targets: `agency_target` (an agency's target for a year), `agency_trade_target` (its split by trade);
 * - pooling: `pool_event_directory` (the events reported to the pool, any status),
 *   `pool_help_given` (each approved sign-up the host marked present, with the hours: those
 *   recorded, else the shift's length), `competence_roster` (who is a competence apprentice in
 *   which subject).
 */
export class SummaryReadModels1796230000000 implements MigrationInterface {
  name = 'SummaryReadModels1796230000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW "agency_target" AS SELECT agency_id, year, total FROM "target"`);
    await queryRunner.query(
      `CREATE VIEW "agency_trade_target" AS
         SELECT t.agency_id, t.year, tt.trade_id, tt.count FROM "trade_target" tt JOIN "target" t ON t.id = tt.target_id`,
    );
    await queryRunner.query(
      `CREATE VIEW "pool_event_directory" AS SELECT id, area_id, agency_id, title, status, starts_on, ends_on FROM "pooled_event"`,
    );
    await queryRunner.query(
      `CREATE VIEW "pool_help_given" AS
         SELECT s.id AS signup_id, e.id AS event_id, e.title AS event_title, e.area_id, e.agency_id AS host_agency_id,
                s.user_id, s.agency_id, x.starts_at,
                coalesce(s.hours, round((extract(epoch FROM x.ends_at - x.starts_at) / 3600)::numeric, 2)) AS hours
           FROM "shift_signup" s JOIN "event_shift" x ON x.id = s.shift_id JOIN "pooled_event" e ON e.id = x.event_id
          WHERE s.state = 'APPROVED' AND s.attendance = 'PRESENT'`,
    );
    await queryRunner.query(
      `CREATE VIEW "competence_roster" AS
         SELECT c.subject_id, s.name AS subject_name, s.area_id, c.user_id
           FROM "competence_apprentice" c JOIN "competence_subject" s ON s.id = c.subject_id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "competence_roster"`);
    await queryRunner.query(`DROP VIEW "pool_help_given"`);
    await queryRunner.query(`DROP VIEW "pool_event_directory"`);
    await queryRunner.query(`DROP VIEW "agency_trade_target"`);
    await queryRunner.query(`DROP VIEW "agency_target"`);
  }
}
