import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The apprenticeship module's tables: each apprentice's contract details (kind, county, training
 * office, professional leader and instructors, the planned end as signed, probation's facts, the
 * plan for after), the start-up talk and assessment conversations, interruptions, trade-test
 * attempts, and each agency's settings for the early warnings.
 */
export class Apprenticeship1796300000000 implements MigrationInterface {
  name = 'Apprenticeship1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."apprenticeship_contract_kind" AS ENUM('APPRENTICE', 'CANDIDATE')`);
    await queryRunner.query(`CREATE TYPE "public"."apprenticeship_after_plan" AS ENUM('STAYS', 'OTHER_WORK', 'EDUCATION', 'OTHER')`);
    await queryRunner.query(
      `CREATE TABLE "apprenticeship_contract" ("apprentice_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "kind" "public"."apprenticeship_contract_kind" NOT NULL DEFAULT 'APPRENTICE', "county" character varying(60), "training_office_id" uuid, "signed_on" date, "birth_date" date, "original_end" date NOT NULL, "leader_id" uuid, "after_plan" "public"."apprenticeship_after_plan", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_003b321c1c298adef7f89763b72" PRIMARY KEY ("apprentice_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_apprenticeship_contract_agency" ON "apprenticeship_contract"  ("agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "apprenticeship_instructor" ("apprentice_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_b210d6b6e970938d046697c603f" PRIMARY KEY ("apprentice_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_apprenticeship_instructor_user" ON "apprenticeship_instructor"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."apprenticeship_talk_kind" AS ENUM('STARTUP', 'ASSESSMENT')`);
    await queryRunner.query(
      `CREATE TABLE "apprenticeship_talk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "apprentice_id" uuid NOT NULL, "kind" "public"."apprenticeship_talk_kind" NOT NULL, "held_on" date NOT NULL, "participants" character varying(500) NOT NULL DEFAULT '', "summary" text NOT NULL DEFAULT '', "goals" text NOT NULL DEFAULT '', "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be99aeed0da930b97fc617101ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_apprenticeship_talk_apprentice" ON "apprenticeship_talk"  ("apprentice_id", "held_on") `);
    await queryRunner.query(
      `CREATE TYPE "public"."apprenticeship_interruption_kind" AS ENUM('SICKNESS', 'PARENTAL_LEAVE', 'MILITARY_SERVICE', 'LAY_OFF', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "apprenticeship_interruption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "apprentice_id" uuid NOT NULL, "kind" "public"."apprenticeship_interruption_kind" NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "county_notified_on" date, "note" character varying(500) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_apprenticeship_interruption_period" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "PK_4ae37f00b9a30d76cc653a71322" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_apprenticeship_interruption_apprentice" ON "apprenticeship_interruption"  ("apprentice_id", "starts_on") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."trade_test_result" AS ENUM('PASSED_WITH_DISTINCTION', 'PASSED', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "trade_test" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "apprentice_id" uuid NOT NULL, "attempt" smallint NOT NULL, "registered_on" date NOT NULL, "test_date" date, "result" "public"."trade_test_result", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_trade_test_attempt" UNIQUE ("apprentice_id", "attempt"), CONSTRAINT "PK_87825e8e7fb47a497c323bd0d35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "apprenticeship_settings" ("agency_id" uuid NOT NULL, "trade_test_lead_months" smallint NOT NULL DEFAULT '3', "long_interruption_weeks" smallint NOT NULL DEFAULT '8', CONSTRAINT "CHK_apprenticeship_settings_range" CHECK ("trade_test_lead_months" BETWEEN 1 AND 12 AND "long_interruption_weeks" BETWEEN 1 AND 52), CONSTRAINT "PK_718bd94fe11ff401ccdff0d3fb5" PRIMARY KEY ("agency_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_contract" ADD CONSTRAINT "FK_003b321c1c298adef7f89763b72" FOREIGN KEY ("apprentice_id") REFERENCES "apprentice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_contract" ADD CONSTRAINT "FK_9e122af07d6e565839f450e9e95" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_contract" ADD CONSTRAINT "FK_3ce7c8d2499bb7770d7779563ff" FOREIGN KEY ("training_office_id") REFERENCES "training_office"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_contract" ADD CONSTRAINT "FK_95b58ca8f5e7aeec4d42eac1bf2" FOREIGN KEY ("leader_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_instructor" ADD CONSTRAINT "FK_4bfb9e35787519b668a0de1332b" FOREIGN KEY ("apprentice_id") REFERENCES "apprenticeship_contract"("apprentice_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_instructor" ADD CONSTRAINT "FK_34f53314f4506deaf780da7aa6c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_talk" ADD CONSTRAINT "FK_d8215b1291aacc8398db3294433" FOREIGN KEY ("apprentice_id") REFERENCES "apprenticeship_contract"("apprentice_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_talk" ADD CONSTRAINT "FK_499deab2b5cf9060ad203b7f115" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_interruption" ADD CONSTRAINT "FK_0a0203776971295d4e116ecbdff" FOREIGN KEY ("apprentice_id") REFERENCES "apprenticeship_contract"("apprentice_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trade_test" ADD CONSTRAINT "FK_dacf13511c6acbbf4e5b6eeda41" FOREIGN KEY ("apprentice_id") REFERENCES "apprenticeship_contract"("apprentice_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprenticeship_settings" ADD CONSTRAINT "FK_718bd94fe11ff401ccdff0d3fb5" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "apprenticeship_settings" DROP CONSTRAINT "FK_718bd94fe11ff401ccdff0d3fb5"`);
    await queryRunner.query(`ALTER TABLE "trade_test" DROP CONSTRAINT "FK_dacf13511c6acbbf4e5b6eeda41"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_interruption" DROP CONSTRAINT "FK_0a0203776971295d4e116ecbdff"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_talk" DROP CONSTRAINT "FK_499deab2b5cf9060ad203b7f115"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_talk" DROP CONSTRAINT "FK_d8215b1291aacc8398db3294433"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_instructor" DROP CONSTRAINT "FK_34f53314f4506deaf780da7aa6c"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_instructor" DROP CONSTRAINT "FK_4bfb9e35787519b668a0de1332b"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_contract" DROP CONSTRAINT "FK_95b58ca8f5e7aeec4d42eac1bf2"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_contract" DROP CONSTRAINT "FK_3ce7c8d2499bb7770d7779563ff"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_contract" DROP CONSTRAINT "FK_9e122af07d6e565839f450e9e95"`);
    await queryRunner.query(`ALTER TABLE "apprenticeship_contract" DROP CONSTRAINT "FK_003b321c1c298adef7f89763b72"`);
    await queryRunner.query(`DROP TABLE "apprenticeship_settings"`);
    await queryRunner.query(`DROP TABLE "trade_test"`);
    await queryRunner.query(`DROP TYPE "public"."trade_test_result"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprenticeship_interruption_apprentice"`);
    await queryRunner.query(`DROP TABLE "apprenticeship_interruption"`);
    await queryRunner.query(`DROP TYPE "public"."apprenticeship_interruption_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprenticeship_talk_apprentice"`);
    await queryRunner.query(`DROP TABLE "apprenticeship_talk"`);
    await queryRunner.query(`DROP TYPE "public"."apprenticeship_talk_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprenticeship_instructor_user"`);
    await queryRunner.query(`DROP TABLE "apprenticeship_instructor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprenticeship_contract_agency"`);
    await queryRunner.query(`DROP TABLE "apprenticeship_contract"`);
    await queryRunner.query(`DROP TYPE "public"."apprenticeship_after_plan"`);
    await queryRunner.query(`DROP TYPE "public"."apprenticeship_contract_kind"`);
  }
}
