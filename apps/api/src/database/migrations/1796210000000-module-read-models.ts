import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models modules publish for each other (docs/architecture.md): a module's SQL names
 * only its own tables, and reads another module's data through these views, whose columns are
 * that module's promise. Each is declared, with its row type, in its module's `read-model.ts`.
 *
 * - identity: `user_directory` (no password hashes);
 * - agencies: `agency_directory`;
 * - areas: `area_directory`, `trade_directory`;
 * - apprentices: `apprentice_contract` with `last_day` (an early end wins), and
 *   `under_contract_on(first_day, last_day, day)`, the one SQL form of the domain's
 *   `isUnderContractOn` (an inlinable SQL function, so indexes on the dates still serve).
 *
 * A later migration that changes a column a view shows recreates the view with it.
 */
export class ModuleReadModels1796210000000 implements MigrationInterface {
  name = 'ModuleReadModels1796210000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "user_directory" AS SELECT id, email, name, role, area_id, agency_id, language, created_at FROM "app_user"`,
    );
    await queryRunner.query(
      `CREATE VIEW "agency_directory" AS SELECT id, area_id, name, org_number, employees, is_ministry, training_office_id FROM "agency"`,
    );
    await queryRunner.query(`CREATE VIEW "area_directory" AS SELECT id, code, name FROM "ministry_area"`);
    await queryRunner.query(`CREATE VIEW "trade_directory" AS SELECT id, code, name_nb, name_en FROM "trade"`);
    await queryRunner.query(
      `CREATE FUNCTION "under_contract_on"(first_day date, last_day date, day date) RETURNS boolean
         LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT first_day <= day AND last_day >= day $$`,
    );
    await queryRunner.query(
      `CREATE VIEW "apprentice_contract" AS
         SELECT id, agency_id, trade_id, user_id, name, email, status, contract_start, contract_end, ended_on,
                LEAST(ended_on, contract_end) AS last_day
           FROM "apprentice"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "apprentice_contract"`);
    await queryRunner.query(`DROP FUNCTION "under_contract_on"(date, date, date)`);
    await queryRunner.query(`DROP VIEW "trade_directory"`);
    await queryRunner.query(`DROP VIEW "area_directory"`);
    await queryRunner.query(`DROP VIEW "agency_directory"`);
    await queryRunner.query(`DROP VIEW "user_directory"`);
  }
}
