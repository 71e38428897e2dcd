import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up module's tables: cases, their steps (the internal note apart), the agreed actions,
 * the read log, the agencies' retention setting and the anonymous counts kept of erased cases.
 * Also what the apprenticeship module publishes for it (see apprenticeship/read-model.ts): who is
 * responsible for an apprentice (`apprenticeship_responsible`), and opening an interruption
 * (`open_apprenticeship_interruption`).
 */
export class FollowUp1796400000000 implements MigrationInterface {
  name = 'FollowUp1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."follow_up_status" AS ENUM('OPEN', 'RESOLVED', 'TERMINATED')`);
    await queryRunner.query(
      `CREATE TABLE "follow_up_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "apprentice_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "opened_by" uuid, "opened_on" date NOT NULL, "concerns" character varying(40) array NOT NULL, "concern_text" text, "status" "public"."follow_up_status" NOT NULL DEFAULT 'OPEN', "closed_on" date, "termination_phase" character varying(30), "termination_causes" character varying(30) array NOT NULL DEFAULT '{}', "afterwards" character varying(30), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_follow_up_case_closed" CHECK (("status" = 'OPEN') = ("closed_on" IS NULL)), CONSTRAINT "PK_69f8713609f0a1d3589532d8648" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_case_apprentice" ON "follow_up_case"  ("apprentice_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_case_agency" ON "follow_up_case"  ("agency_id", "status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_step_kind" AS ENUM('CONCERN_TALK', 'FOLLOW_UP_MEETING', 'FOLLOW_UP_PLAN', 'RESOLUTION', 'TERMINATION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "seq" smallint NOT NULL, "kind" "public"."follow_up_step_kind" NOT NULL, "date" date NOT NULL, "record" jsonb NOT NULL, "internal_note" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_follow_up_step_seq" UNIQUE ("case_id", "seq"), CONSTRAINT "PK_738b603ab5c97e373187fc5aabe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "step_id" uuid NOT NULL, "position" smallint NOT NULL, "description" text NOT NULL, "owner_user_id" uuid, "owner_name" character varying(200), "deadline" date NOT NULL, "done_on" date, CONSTRAINT "PK_6fed9fa349f171e94ce34ecacbd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_action_open" ON "follow_up_action"  ("deadline") WHERE "done_on" IS NULL`);
    await queryRunner.query(`CREATE TYPE "public"."follow_up_read_kind" AS ENUM('CASE', 'LIST', 'EXPORT')`);
    await queryRunner.query(
      `CREATE TABLE "follow_up_read_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "case_id" uuid NOT NULL, "reader_id" uuid, "reader_name" character varying(200) NOT NULL, "reader_role" character varying(30) NOT NULL, "what" "public"."follow_up_read_kind" NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1327a8cd091cd34709f65ddd24d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_read_log_agency" ON "follow_up_read_log"  ("agency_id", "read_at") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up_settings" ("agency_id" uuid NOT NULL, "retention_months" smallint NOT NULL DEFAULT '24', CONSTRAINT "CHK_follow_up_settings_range" CHECK ("retention_months" BETWEEN 1 AND 120), CONSTRAINT "PK_207dbebd545999e34dfdf6026f2" PRIMARY KEY ("agency_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_count" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "opened_year" smallint NOT NULL, "closed_year" smallint NOT NULL, "outcome" character varying(20) NOT NULL, "phase" character varying(30) NOT NULL DEFAULT '', "causes" character varying(30) array NOT NULL DEFAULT '{}', "afterwards" character varying(30) NOT NULL DEFAULT '', "cases" integer NOT NULL, CONSTRAINT "UQ_follow_up_count_key" UNIQUE ("area_id", "opened_year", "closed_year", "outcome", "phase", "causes", "afterwards"), CONSTRAINT "PK_eb7b6bd3e9b44b4732b48d17601" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_4a14d3ce587d76a306bf12c336a" FOREIGN KEY ("apprentice_id") REFERENCES "apprentice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_ad3918137b81294cd3e3f11ec5c" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_case" ADD CONSTRAINT "FK_73c236afc4b7262cf297f1ccb12" FOREIGN KEY ("opened_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_step" ADD CONSTRAINT "FK_4f647592e25b61a164959994990" FOREIGN KEY ("case_id") REFERENCES "follow_up_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_step" ADD CONSTRAINT "FK_6defef5333eb07269cb6fb49c65" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_action" ADD CONSTRAINT "FK_1e4d4c6eccd61d372807d17e19d" FOREIGN KEY ("case_id") REFERENCES "follow_up_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_action" ADD CONSTRAINT "FK_7f8f58ce3346934c79e2644a2a3" FOREIGN KEY ("step_id") REFERENCES "follow_up_step"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_action" ADD CONSTRAINT "FK_6c379904318ed9f708583ffe98b" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_read_log" ADD CONSTRAINT "FK_ac8426e1f3ab830056323810f31" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_read_log" ADD CONSTRAINT "FK_6582e139cae71860380c1e8ad90" FOREIGN KEY ("case_id") REFERENCES "follow_up_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_read_log" ADD CONSTRAINT "FK_ccc3fdc08444ff1b41c599acf8c" FOREIGN KEY ("reader_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_settings" ADD CONSTRAINT "FK_207dbebd545999e34dfdf6026f2" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_count" ADD CONSTRAINT "FK_9e37ff83938870a8c25fe3761be" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE VIEW "apprenticeship_responsible" AS
         SELECT apprentice_id, leader_id AS user_id, 'PROFESSIONAL_LEADER'::varchar AS role FROM apprenticeship_contract WHERE leader_id IS NOT NULL
         UNION ALL
         SELECT apprentice_id, user_id, 'INSTRUCTOR'::varchar AS role FROM apprenticeship_instructor`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "open_apprenticeship_interruption"(p_apprentice uuid, p_kind "public"."apprenticeship_interruption_kind", p_starts_on date, p_county_notified_on date, p_note varchar)
         RETURNS uuid LANGUAGE sql AS $$
           INSERT INTO apprenticeship_contract (apprentice_id, agency_id, original_end)
             SELECT id, agency_id, contract_end FROM apprentice WHERE id = p_apprentice
             ON CONFLICT (apprentice_id) DO NOTHING;
           INSERT INTO apprenticeship_interruption (apprentice_id, kind, starts_on, county_notified_on, note)
             VALUES (p_apprentice, p_kind, p_starts_on, p_county_notified_on, left(p_note, 500))
             RETURNING id;
         $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION "open_apprenticeship_interruption"(uuid, "public"."apprenticeship_interruption_kind", date, date, varchar)`,
    );
    await queryRunner.query(`DROP VIEW "apprenticeship_responsible"`);
    await queryRunner.query(`ALTER TABLE "follow_up_count" DROP CONSTRAINT "FK_9e37ff83938870a8c25fe3761be"`);
    await queryRunner.query(`ALTER TABLE "follow_up_settings" DROP CONSTRAINT "FK_207dbebd545999e34dfdf6026f2"`);
    await queryRunner.query(`ALTER TABLE "follow_up_read_log" DROP CONSTRAINT "FK_ccc3fdc08444ff1b41c599acf8c"`);
    await queryRunner.query(`ALTER TABLE "follow_up_read_log" DROP CONSTRAINT "FK_6582e139cae71860380c1e8ad90"`);
    await queryRunner.query(`ALTER TABLE "follow_up_read_log" DROP CONSTRAINT "FK_ac8426e1f3ab830056323810f31"`);
    await queryRunner.query(`ALTER TABLE "follow_up_action" DROP CONSTRAINT "FK_6c379904318ed9f708583ffe98b"`);
    await queryRunner.query(`ALTER TABLE "follow_up_action" DROP CONSTRAINT "FK_7f8f58ce3346934c79e2644a2a3"`);
    await queryRunner.query(`ALTER TABLE "follow_up_action" DROP CONSTRAINT "FK_1e4d4c6eccd61d372807d17e19d"`);
    await queryRunner.query(`ALTER TABLE "follow_up_step" DROP CONSTRAINT "FK_6defef5333eb07269cb6fb49c65"`);
    await queryRunner.query(`ALTER TABLE "follow_up_step" DROP CONSTRAINT "FK_4f647592e25b61a164959994990"`);
    await queryRunner.query(`ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_73c236afc4b7262cf297f1ccb12"`);
    await queryRunner.query(`ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_ad3918137b81294cd3e3f11ec5c"`);
    await queryRunner.query(`ALTER TABLE "follow_up_case" DROP CONSTRAINT "FK_4a14d3ce587d76a306bf12c336a"`);
    await queryRunner.query(`DROP TABLE "follow_up_count"`);
    await queryRunner.query(`DROP TABLE "follow_up_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_read_log_agency"`);
    await queryRunner.query(`DROP TABLE "follow_up_read_log"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_read_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_action_open"`);
    await queryRunner.query(`DROP TABLE "follow_up_action"`);
    await queryRunner.query(`DROP TABLE "follow_up_step"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_step_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_case_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_case_apprentice"`);
    await queryRunner.query(`DROP TABLE "follow_up_case"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_status"`);
  }
}
