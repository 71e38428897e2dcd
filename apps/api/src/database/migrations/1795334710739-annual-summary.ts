import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualSummary1795334710739 implements MigrationInterface {
  name = 'AnnualSummary1795334710739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "summary_cycle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "opens_on" date NOT NULL, "agency_deadline" date NOT NULL, "compile_from" date NOT NULL, "compile_to" date NOT NULL, "send_by" date NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_summary_cycle_area_year" UNIQUE ("area_id", "year"), CONSTRAINT "CHK_summary_cycle_order" CHECK ("opens_on" < "agency_deadline" AND "agency_deadline" <= "compile_from" AND "compile_from" <= "compile_to" AND "compile_to" <= "send_by"), CONSTRAINT "PK_8f8091a66f41c474ea946b3c17b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "year" integer NOT NULL, "year_in_review" text NOT NULL DEFAULT '', "what_worked" text NOT NULL DEFAULT '', "challenges" text NOT NULL DEFAULT '', "next_year_trade_ids" uuid array NOT NULL, "next_year_trades_note" text NOT NULL DEFAULT '', "target_next_year" integer, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by_user_id" uuid, "submitted_figures" jsonb, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopen_reason" text NOT NULL DEFAULT '', "updated_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_agency_report_agency_year" UNIQUE ("agency_id", "year"), CONSTRAINT "CHK_agency_report_target" CHECK ("target_next_year" IS NULL OR ("target_next_year" >= 0 AND "target_next_year" <= 500)), CONSTRAINT "PK_2d38fd902c1b639d99e4bfacc2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_agency_report_area_year" ON "agency_report"  ("area_id", "year") `);
    await queryRunner.query(`CREATE TYPE "public"."compilation_trigger" AS ENUM('MANUAL', 'AUTO')`);
    await queryRunner.query(`CREATE TYPE "public"."compilation_status" AS ENUM('QUEUED', 'RUNNING', 'COMPLETE', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "summary_compilation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "trigger" "public"."compilation_trigger" NOT NULL, "status" "public"."compilation_status" NOT NULL DEFAULT 'QUEUED', "step" character varying(40) NOT NULL DEFAULT 'queued', "done" integer NOT NULL DEFAULT '0', "total" integer NOT NULL DEFAULT '0', "current_item" character varying(200) NOT NULL DEFAULT '', "requested_by_user_id" uuid, "version_id" uuid, "attempts" integer NOT NULL DEFAULT '0', "error" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bdf8c147e8e1d35173c08139fe0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_summary_compilation_auto" ON "summary_compilation"  ("area_id", "year") WHERE "trigger" = 'AUTO'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_summary_compilation_area_year" ON "summary_compilation"  ("area_id", "year", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "summary_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "compilation_id" uuid NOT NULL, "data" jsonb NOT NULL, "pdf_nb" bytea NOT NULL, "pdf_en" bytea NOT NULL, "xlsx" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_user_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE, "sent_by_user_id" uuid, CONSTRAINT "UQ_summary_version_compilation" UNIQUE ("compilation_id"), CONSTRAINT "UQ_summary_version_number" UNIQUE ("area_id", "year", "version"), CONSTRAINT "PK_b7286315c93c2b8aa153408878f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_summary_version_sent" ON "summary_version"  ("area_id", "year") WHERE "sent_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "summary_cycle" ADD CONSTRAINT "FK_d3918317866dfc77a34a49e973d" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_report" ADD CONSTRAINT "FK_50a91ce2401436fbf9e706333b7" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "summary_compilation" ADD CONSTRAINT "FK_e3bcf1d15f40a3726077990c21d" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "summary_version" ADD CONSTRAINT "FK_f23c10ee6f498f048d1013ae477" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "summary_version" ADD CONSTRAINT "FK_4978c63a647f384dd389b322911" FOREIGN KEY ("compilation_id") REFERENCES "summary_compilation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "summary_version" DROP CONSTRAINT "FK_4978c63a647f384dd389b322911"`);
    await queryRunner.query(`ALTER TABLE "summary_version" DROP CONSTRAINT "FK_f23c10ee6f498f048d1013ae477"`);
    await queryRunner.query(`ALTER TABLE "summary_compilation" DROP CONSTRAINT "FK_e3bcf1d15f40a3726077990c21d"`);
    await queryRunner.query(`ALTER TABLE "agency_report" DROP CONSTRAINT "FK_50a91ce2401436fbf9e706333b7"`);
    await queryRunner.query(`ALTER TABLE "summary_cycle" DROP CONSTRAINT "FK_d3918317866dfc77a34a49e973d"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_summary_version_sent"`);
    await queryRunner.query(`DROP TABLE "summary_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_summary_compilation_area_year"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_summary_compilation_auto"`);
    await queryRunner.query(`DROP TABLE "summary_compilation"`);
    await queryRunner.query(`DROP TYPE "public"."compilation_status"`);
    await queryRunner.query(`DROP TYPE "public"."compilation_trigger"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_agency_report_area_year"`);
    await queryRunner.query(`DROP TABLE "agency_report"`);
    await queryRunner.query(`DROP TABLE "summary_cycle"`);
  }
}
