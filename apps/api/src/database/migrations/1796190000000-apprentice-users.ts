import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An apprentice who signs in is the apprentice in the agency's list: the record holds its user,
 * and an invitation for an apprentice names the record. Existing users are linked to the record
 * of their agency with the same e-mail address.
 */
export class ApprenticeUsers1796190000000 implements MigrationInterface {
  name = 'ApprenticeUsers1796190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "apprentice" ADD "user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "invitation" ADD "apprentice_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_apprentice_user" ON "apprentice" ("user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "apprentice" ADD CONSTRAINT "FK_apprentice_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // One record per user: the newest contract of that agency with the user's address.
    await queryRunner.query(`
      UPDATE apprentice p SET user_id = m.user_id
        FROM (SELECT DISTINCT ON (u.id) u.id AS user_id, p2.id AS apprentice_id
                FROM app_user u JOIN apprentice p2 ON p2.agency_id = u.agency_id AND lower(p2.email) = lower(u.email)
               WHERE u.role = 'APPRENTICE'
               ORDER BY u.id, p2.contract_start DESC) m
       WHERE p.id = m.apprentice_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "apprentice" DROP CONSTRAINT "FK_apprentice_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprentice_user"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "apprentice_id"`);
    await queryRunner.query(`ALTER TABLE "apprentice" DROP COLUMN "user_id"`);
  }
}
