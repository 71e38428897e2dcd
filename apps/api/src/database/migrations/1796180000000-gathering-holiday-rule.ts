import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each gathering series says what it does with a date that is no day for a gathering: move it within its week, or skip it. */
export class GatheringHolidayRule1796180000000 implements MigrationInterface {
  name = 'GatheringHolidayRule1796180000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."gathering_holiday_rule" AS ENUM('MOVE', 'SKIP')`);
    await queryRunner.query(`ALTER TABLE "gathering_series" ADD "holiday_rule" "public"."gathering_holiday_rule" NOT NULL DEFAULT 'MOVE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gathering_series" DROP COLUMN "holiday_rule"`);
    await queryRunner.query(`DROP TYPE "public"."gathering_holiday_rule"`);
  }
}
