import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActionPlans1795328238006 implements MigrationInterface {
  name = 'ActionPlans1795328238006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."measure_status" AS ENUM('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')`);
    await queryRunner.query(
      `CREATE TABLE "plan_measure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "purpose" text NOT NULL DEFAULT '', "responsibility_ministry" text NOT NULL DEFAULT '', "responsibility_ok_stat" text NOT NULL DEFAULT '', "responsibility_agencies" text NOT NULL DEFAULT '', "implementation" text NOT NULL DEFAULT '', "status" "public"."measure_status" NOT NULL DEFAULT 'PLANNED', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3ff1127bfe53ecb6799ad54a832" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_plan_measure_plan" ON "plan_measure"  ("plan_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "action_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "year" integer NOT NULL, "main_goal" character varying(500) NOT NULL, "main_goal_detail" text NOT NULL DEFAULT '', "sub_goals" jsonb NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_action_plan_area_year" UNIQUE ("area_id", "year"), CONSTRAINT "CHK_action_plan_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_73de59f4ddad48bad469c1afdbd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "due_date" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_df6b7ddc4a25865914b8d61b74f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_plan_milestone_open_due" ON "plan_milestone"  ("due_date") WHERE "done_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_plan_milestone_measure" ON "plan_milestone"  ("measure_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."criterion_kind" AS ENUM('MANUAL', 'BILATERAL_MEETINGS', 'TARGETS_SET', 'FIRST_GATHERING', 'GATHERINGS_HELD', 'PARTICIPANTS_FROM_AGENCIES', 'EVENTS_REPORTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_criterion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "measure_id" uuid NOT NULL, "position" integer NOT NULL, "kind" "public"."criterion_kind" NOT NULL, "label" character varying(300) NOT NULL, "due_date" date, "threshold" integer, "checked" boolean NOT NULL DEFAULT false, "comment" text NOT NULL DEFAULT '', "checked_by_user_id" uuid, "checked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_plan_criterion_threshold" CHECK ("threshold" IS NULL OR "threshold" BETWEEN 1 AND 100), CONSTRAINT "PK_65b59df6ff0b82066fcf69fbde4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_plan_criterion_measure" ON "plan_criterion"  ("measure_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "bilateral_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "held_on" date NOT NULL, "participants" text NOT NULL DEFAULT '', "notes" text NOT NULL DEFAULT '', "target_set" integer, "help_requested" text NOT NULL DEFAULT '', "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_bilateral_meeting_plan_agency" UNIQUE ("plan_id", "agency_id"), CONSTRAINT "CHK_bilateral_meeting_target" CHECK ("target_set" IS NULL OR "target_set" BETWEEN 0 AND 10000), CONSTRAINT "PK_024ccf06c3298f04d4796584ede" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_bilateral_meeting_agency" ON "bilateral_meeting"  ("agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "plan_measure_owner" ("measure_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_1c16cc4db54891db98353cb502c" PRIMARY KEY ("measure_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_77fddeafcf26e82473092fd0f2" ON "plan_measure_owner"  ("measure_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_06345f2b830f3035fc09010b52" ON "plan_measure_owner"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "plan_measure" ADD CONSTRAINT "FK_2e6b009edb68ac2cf53bdf18e2a" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_plan" ADD CONSTRAINT "FK_314bc04cee44c1502657c735998" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_milestone" ADD CONSTRAINT "FK_327f4fd14977d4ed51868fd622a" FOREIGN KEY ("measure_id") REFERENCES "plan_measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_criterion" ADD CONSTRAINT "FK_be6f6fdff08544879ecb99babb5" FOREIGN KEY ("measure_id") REFERENCES "plan_measure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bilateral_meeting" ADD CONSTRAINT "FK_c5316b6f416f39e526879839623" FOREIGN KEY ("plan_id") REFERENCES "action_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bilateral_meeting" ADD CONSTRAINT "FK_533ec81ddb5370fd4c1e785b498" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_measure_owner" ADD CONSTRAINT "FK_77fddeafcf26e82473092fd0f2d" FOREIGN KEY ("measure_id") REFERENCES "plan_measure"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan_measure_owner" ADD CONSTRAINT "FK_06345f2b830f3035fc09010b520" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_measure_owner" DROP CONSTRAINT "FK_06345f2b830f3035fc09010b520"`);
    await queryRunner.query(`ALTER TABLE "plan_measure_owner" DROP CONSTRAINT "FK_77fddeafcf26e82473092fd0f2d"`);
    await queryRunner.query(`ALTER TABLE "bilateral_meeting" DROP CONSTRAINT "FK_533ec81ddb5370fd4c1e785b498"`);
    await queryRunner.query(`ALTER TABLE "bilateral_meeting" DROP CONSTRAINT "FK_c5316b6f416f39e526879839623"`);
    await queryRunner.query(`ALTER TABLE "plan_criterion" DROP CONSTRAINT "FK_be6f6fdff08544879ecb99babb5"`);
    await queryRunner.query(`ALTER TABLE "plan_milestone" DROP CONSTRAINT "FK_327f4fd14977d4ed51868fd622a"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP CONSTRAINT "FK_314bc04cee44c1502657c735998"`);
    await queryRunner.query(`ALTER TABLE "plan_measure" DROP CONSTRAINT "FK_2e6b009edb68ac2cf53bdf18e2a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_06345f2b830f3035fc09010b52"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77fddeafcf26e82473092fd0f2"`);
    await queryRunner.query(`DROP TABLE "plan_measure_owner"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bilateral_meeting_agency"`);
    await queryRunner.query(`DROP TABLE "bilateral_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_plan_criterion_measure"`);
    await queryRunner.query(`DROP TABLE "plan_criterion"`);
    await queryRunner.query(`DROP TYPE "public"."criterion_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_plan_milestone_measure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_plan_milestone_open_due"`);
    await queryRunner.query(`DROP TABLE "plan_milestone"`);
    await queryRunner.query(`DROP TABLE "action_plan"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_plan_measure_plan"`);
    await queryRunner.query(`DROP TABLE "plan_measure"`);
    await queryRunner.query(`DROP TYPE "public"."measure_status"`);
  }
}
