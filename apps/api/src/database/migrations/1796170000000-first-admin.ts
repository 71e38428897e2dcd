import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first administrator of an installation is invited from the command line, by no one. */
export class FirstAdmin1796170000000 implements MigrationInterface {
  name = 'FirstAdmin1796170000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitation" ALTER COLUMN "invited_by_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "invitation" WHERE "invited_by_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "invitation" ALTER COLUMN "invited_by_id" SET NOT NULL`);
  }
}
