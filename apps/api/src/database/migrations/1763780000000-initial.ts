import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763780000000 implements MigrationInterface {
  name = 'Initial1763780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ministry_area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(16) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9c1effd1b0da4b49ea1e24c642d" UNIQUE ("code"), CONSTRAINT "PK_121ec5417e9edc593aa44413887" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "training_office" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, CONSTRAINT "UQ_fba26ff4b9b87b48f3092600204" UNIQUE ("name"), CONSTRAINT "PK_bc88b1374e7d4dc10e17e8d62c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "trade" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name_nb" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, CONSTRAINT "UQ_565c44461c2592411041e3ee75b" UNIQUE ("code"), CONSTRAINT "PK_d4097908741dc408f8274ebdc53" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "org_number" character(9) NOT NULL, "employees" integer NOT NULL, "is_ministry" boolean NOT NULL DEFAULT false, "training_office_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_af9712728d8b2291ee56505964b" UNIQUE ("org_number"), CONSTRAINT "CHK_agency_org_number" CHECK ("org_number" ~ '^[0-9]{9}$'), CONSTRAINT "CHK_agency_employees" CHECK ("employees" >= 0), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_agency_area" ON "agency"  ("area_id") `);
    await queryRunner.query(`CREATE TYPE "public"."apprentice_status" AS ENUM('ACTIVE', 'COMPLETED', 'TERMINATED', 'INTERRUPTED')`);
    await queryRunner.query(
      `CREATE TABLE "apprentice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "trade_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(254) NOT NULL, "contract_start" date NOT NULL, "contract_end" date NOT NULL, "ended_on" date, "status" "public"."apprentice_status" NOT NULL DEFAULT 'ACTIVE', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_apprentice_ended" CHECK ("ended_on" IS NULL OR "ended_on" >= "contract_start"), CONSTRAINT "CHK_apprentice_contract" CHECK ("contract_end" > "contract_start"), CONSTRAINT "PK_b27a0b1a290b9d3fa27c7251e10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_apprentice_trade" ON "apprentice"  ("trade_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_apprentice_agency_period" ON "apprentice"  ("agency_id", "contract_start", "contract_end") `,
    );
    await queryRunner.query(
      `CREATE TABLE "trade_target" ("target_id" uuid NOT NULL, "trade_id" uuid NOT NULL, "count" integer NOT NULL, CONSTRAINT "CHK_trade_target_count" CHECK ("count" >= 0), CONSTRAINT "PK_0f0faaad5092a06ad7d0cd0c0e4" PRIMARY KEY ("target_id", "trade_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "year" integer NOT NULL, "total" integer NOT NULL, "note" text NOT NULL DEFAULT '', "set_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_target_agency_year" UNIQUE ("agency_id", "year"), CONSTRAINT "CHK_target_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "CHK_target_total" CHECK ("total" >= 0 AND "total" <= 500), CONSTRAINT "PK_9d962204b13c18851ea88fc72f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "minimum_rule" ("year" integer NOT NULL, "threshold" integer NOT NULL, "source" text NOT NULL DEFAULT '', CONSTRAINT "CHK_minimum_rule_threshold" CHECK ("threshold" > 0), CONSTRAINT "PK_51cb0e0b8c867ac82bf4a748d6d" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'MINISTRY_COORDINATOR', 'AGENCY_COORDINATOR', 'APPRENTICE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "password_hash" character varying(255), "role" "public"."user_role" NOT NULL, "area_id" uuid, "agency_id" uuid, "language" character varying(2) NOT NULL DEFAULT 'nb', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "CHK_user_scope" CHECK (("role" = 'ADMIN') OR ("role" = 'MINISTRY_COORDINATOR' AND "area_id" IS NOT NULL) OR ("role" IN ('AGENCY_COORDINATOR','APPRENTICE') AND "agency_id" IS NOT NULL AND "area_id" IS NOT NULL)), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_user_area" ON "app_user"  ("area_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_user_agency" ON "app_user"  ("agency_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9ccf6d901cef4067214284f327e" UNIQUE ("token_hash"), CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_session_user" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "area_id" uuid, "agency_id" uuid, "language" character varying(2) NOT NULL DEFAULT 'nb', "token_hash" character(64) NOT NULL, "invited_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b827d3749ffbb3b5ab5099afd64" UNIQUE ("token_hash"), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_failure" ("id" BIGSERIAL NOT NULL, "email" character varying(254) NOT NULL, "ip" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ad9835b7a6e51262f6fe5024de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failure_ip_at" ON "sign_in_failure"  ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failure_email_at" ON "sign_in_failure"  ("email", "at") `);
    await queryRunner.query(`CREATE TYPE "public"."mail_status" AS ENUM('QUEUED', 'SENT', 'FAILED')`);
    await queryRunner.query(
      `CREATE TABLE "mail_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" character varying(200) NOT NULL, "recipient" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text, "html" text, "attachments" jsonb, "status" "public"."mail_status" NOT NULL DEFAULT 'QUEUED', "attempts" integer NOT NULL DEFAULT '0', "message_id" character varying(300), "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_mail_purpose_recipient" UNIQUE ("purpose", "recipient"), CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_610ef13939d8ce62ad50ab43105" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_17c00ec4ff76040859b8b694b5c" FOREIGN KEY ("training_office_id") REFERENCES "training_office"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprentice" ADD CONSTRAINT "FK_2fb829c287235cd0f5b7edefa58" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "apprentice" ADD CONSTRAINT "FK_2e977e2467f6f6162098ba664ab" FOREIGN KEY ("trade_id") REFERENCES "trade"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trade_target" ADD CONSTRAINT "FK_156d5a7a51ca98e98f3c1f4413b" FOREIGN KEY ("target_id") REFERENCES "target"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trade_target" ADD CONSTRAINT "FK_7dcf074072dbe25a1df92322bdd" FOREIGN KEY ("trade_id") REFERENCES "trade"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "target" ADD CONSTRAINT "FK_a506b96d36562e14975f0ff1794" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`ALTER TABLE "target" DROP CONSTRAINT "FK_a506b96d36562e14975f0ff1794"`);
    await queryRunner.query(`ALTER TABLE "trade_target" DROP CONSTRAINT "FK_7dcf074072dbe25a1df92322bdd"`);
    await queryRunner.query(`ALTER TABLE "trade_target" DROP CONSTRAINT "FK_156d5a7a51ca98e98f3c1f4413b"`);
    await queryRunner.query(`ALTER TABLE "apprentice" DROP CONSTRAINT "FK_2e977e2467f6f6162098ba664ab"`);
    await queryRunner.query(`ALTER TABLE "apprentice" DROP CONSTRAINT "FK_2fb829c287235cd0f5b7edefa58"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_17c00ec4ff76040859b8b694b5c"`);
    await queryRunner.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_610ef13939d8ce62ad50ab43105"`);
    await queryRunner.query(`DROP TABLE "mail_message"`);
    await queryRunner.query(`DROP TYPE "public"."mail_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failure_email_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failure_ip_at"`);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
    await queryRunner.query(`DROP TABLE "invitation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_user"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_agency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_area"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP TABLE "minimum_rule"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`DROP TABLE "trade_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprentice_agency_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_apprentice_trade"`);
    await queryRunner.query(`DROP TABLE "apprentice"`);
    await queryRunner.query(`DROP TYPE "public"."apprentice_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_agency_area"`);
    await queryRunner.query(`DROP TABLE "agency"`);
    await queryRunner.query(`DROP TABLE "trade"`);
    await queryRunner.query(`DROP TABLE "training_office"`);
    await queryRunner.query(`DROP TABLE "ministry_area"`);
  }
}
