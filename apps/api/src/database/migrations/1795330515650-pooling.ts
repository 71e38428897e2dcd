import { MigrationInterface, QueryRunner } from 'typeorm';

export class Pooling1795330515650 implements MigrationInterface {
  name = 'Pooling1795330515650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."pool_event_kind" AS ENUM('EVENT', 'SEMINAR', 'COURSE', 'PROJECT', 'ELECTION', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."pool_event_status" AS ENUM('SUBMITTED', 'RETURNED', 'APPROVED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "pooled_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "created_by_user_id" uuid, "title" character varying(200) NOT NULL, "kind" "public"."pool_event_kind" NOT NULL, "place" character varying(300) NOT NULL DEFAULT '', "starts_on" date NOT NULL, "ends_on" date NOT NULL, "description" text NOT NULL DEFAULT '', "signup_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."pool_event_status" NOT NULL DEFAULT 'SUBMITTED', "review_comment" text NOT NULL DEFAULT '', "reviewed_at" TIMESTAMP WITH TIME ZONE, "feedback" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_pooled_event_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_4df0d61fb05407d594b78d2bb04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_pooled_event_area_status" ON "pooled_event"  ("area_id", "status", "starts_on") `);
    await queryRunner.query(
      `CREATE TABLE "event_shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tasks" text NOT NULL DEFAULT '', "places" integer NOT NULL, "trade_ids" uuid array NOT NULL DEFAULT '{}', "competence_goals" text NOT NULL DEFAULT '', CONSTRAINT "CHK_event_shift_places" CHECK ("places" BETWEEN 1 AND 500), CONSTRAINT "CHK_event_shift_time" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_66470410ce22bd7c3729fe3f8fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_event_shift_event" ON "event_shift"  ("event_id", "starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."signup_state" AS ENUM('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')`);
    await queryRunner.query(`CREATE TYPE "public"."signup_origin" AS ENUM('SIGNUP', 'ASSIGNED', 'PROPOSAL')`);
    await queryRunner.query(`CREATE TYPE "public"."attendance" AS ENUM('PRESENT', 'NO_SHOW')`);
    await queryRunner.query(
      `CREATE TABLE "shift_signup" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shift_id" uuid NOT NULL, "user_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "state" "public"."signup_state" NOT NULL, "origin" "public"."signup_origin" NOT NULL DEFAULT 'SIGNUP', "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text NOT NULL DEFAULT '', "attendance" "public"."attendance", "hours" numeric(5,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_shift_signup_shift_user" UNIQUE ("shift_id", "user_id"), CONSTRAINT "CHK_shift_signup_hours" CHECK ("hours" IS NULL OR ("hours" >= 0 AND "hours" <= 24)), CONSTRAINT "PK_da094cd9aeb20afa601e87cd1d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_shift_signup_agency_state" ON "shift_signup"  ("agency_id", "state") `);
    await queryRunner.query(`CREATE INDEX "IDX_shift_signup_user" ON "shift_signup"  ("user_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "pool_helper" ("user_id" uuid NOT NULL, "offering" boolean NOT NULL DEFAULT true, "max_hours_per_month" integer NOT NULL DEFAULT '16', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_pool_helper_hours" CHECK ("max_hours_per_month" BETWEEN 1 AND 160), CONSTRAINT "PK_a53a6e077d12a69520bc0d1a5dc" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competence_subject" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT '', CONSTRAINT "UQ_competence_subject_area_name" UNIQUE ("area_id", "name"), CONSTRAINT "PK_e07f94722815ca144a5e73de512" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competence_apprentice" ("subject_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_eb2108b9c2815fcfce36933dbdc" PRIMARY KEY ("subject_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."help_request_status" AS ENUM('OPEN', 'TAKEN', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TABLE "help_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "requester_user_id" uuid NOT NULL, "description" text NOT NULL, "status" "public"."help_request_status" NOT NULL DEFAULT 'OPEN', "taken_by_user_id" uuid, "taken_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "closing_note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_166d671334639318e1d6fc6cb8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_help_request_subject_status" ON "help_request"  ("subject_id", "status") `);
    await queryRunner.query(
      `ALTER TABLE "pooled_event" ADD CONSTRAINT "FK_cd7ba043c4cb22e296d0c90962c" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_shift" ADD CONSTRAINT "FK_dbc5312354476c7aa60983a8413" FOREIGN KEY ("event_id") REFERENCES "pooled_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_signup" ADD CONSTRAINT "FK_c09f219e4bf05928333fc63ef50" FOREIGN KEY ("shift_id") REFERENCES "event_shift"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_signup" ADD CONSTRAINT "FK_cb58f4d398f1ce88f269af2dacb" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_signup" ADD CONSTRAINT "FK_0f0e74819fbc07da79fb8257a43" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pool_helper" ADD CONSTRAINT "FK_a53a6e077d12a69520bc0d1a5dc" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_subject" ADD CONSTRAINT "FK_ba01593f4dc8df7c0508c659ba9" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_apprentice" ADD CONSTRAINT "FK_8a1eb779cee55e9690d5e55343c" FOREIGN KEY ("subject_id") REFERENCES "competence_subject"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competence_apprentice" ADD CONSTRAINT "FK_996674fb0b6697827a08af555e9" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "FK_414f33fc2671205aa166409f1c1" FOREIGN KEY ("subject_id") REFERENCES "competence_subject"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "FK_296777b7e4d0e50a0e3bd047640" FOREIGN KEY ("requester_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "FK_296777b7e4d0e50a0e3bd047640"`);
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "FK_414f33fc2671205aa166409f1c1"`);
    await queryRunner.query(`ALTER TABLE "competence_apprentice" DROP CONSTRAINT "FK_996674fb0b6697827a08af555e9"`);
    await queryRunner.query(`ALTER TABLE "competence_apprentice" DROP CONSTRAINT "FK_8a1eb779cee55e9690d5e55343c"`);
    await queryRunner.query(`ALTER TABLE "competence_subject" DROP CONSTRAINT "FK_ba01593f4dc8df7c0508c659ba9"`);
    await queryRunner.query(`ALTER TABLE "pool_helper" DROP CONSTRAINT "FK_a53a6e077d12a69520bc0d1a5dc"`);
    await queryRunner.query(`ALTER TABLE "shift_signup" DROP CONSTRAINT "FK_0f0e74819fbc07da79fb8257a43"`);
    await queryRunner.query(`ALTER TABLE "shift_signup" DROP CONSTRAINT "FK_cb58f4d398f1ce88f269af2dacb"`);
    await queryRunner.query(`ALTER TABLE "shift_signup" DROP CONSTRAINT "FK_c09f219e4bf05928333fc63ef50"`);
    await queryRunner.query(`ALTER TABLE "event_shift" DROP CONSTRAINT "FK_dbc5312354476c7aa60983a8413"`);
    await queryRunner.query(`ALTER TABLE "pooled_event" DROP CONSTRAINT "FK_cd7ba043c4cb22e296d0c90962c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_help_request_subject_status"`);
    await queryRunner.query(`DROP TABLE "help_request"`);
    await queryRunner.query(`DROP TYPE "public"."help_request_status"`);
    await queryRunner.query(`DROP TABLE "competence_apprentice"`);
    await queryRunner.query(`DROP TABLE "competence_subject"`);
    await queryRunner.query(`DROP TABLE "pool_helper"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_shift_signup_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_shift_signup_agency_state"`);
    await queryRunner.query(`DROP TABLE "shift_signup"`);
    await queryRunner.query(`DROP TYPE "public"."attendance"`);
    await queryRunner.query(`DROP TYPE "public"."signup_origin"`);
    await queryRunner.query(`DROP TYPE "public"."signup_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_shift_event"`);
    await queryRunner.query(`DROP TABLE "event_shift"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_pooled_event_area_status"`);
    await queryRunner.query(`DROP TABLE "pooled_event"`);
    await queryRunner.query(`DROP TYPE "public"."pool_event_status"`);
    await queryRunner.query(`DROP TYPE "public"."pool_event_kind"`);
  }
}
