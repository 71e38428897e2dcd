import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identity module publishes the invitations not yet accepted (docs/architecture.md), so that
 * the apprentices module can tell which apprentices have an invitation waiting without reading
 * the identity module's table: `open_invitation` (no token hash, no inviter). Declared with its
 * row type in `modules/identity/read-model.ts`.
 */
export class OpenInvitations1796240000000 implements MigrationInterface {
  name = 'OpenInvitations1796240000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "open_invitation" AS
         SELECT id, email, role, area_id, agency_id, apprentice_id, expires_at, created_at FROM "invitation" WHERE accepted_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "open_invitation"`);
  }
}
