import { MigrationInterface, QueryRunner } from 'typeorm';

export class Gatherings1795321269854 implements MigrationInterface {
  name = 'Gatherings1795321269854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."network_kind" AS ENUM('STAFF', 'APPRENTICE')`);
    await queryRunner.query(
      `CREATE TABLE "network" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "kind" "public"."network_kind" NOT NULL, "reminder_days" integer NOT NULL DEFAULT '3', CONSTRAINT "UQ_network_area_kind" UNIQUE ("area_id", "kind"), CONSTRAINT "CHK_network_reminder_days" CHECK ("reminder_days" BETWEEN 0 AND 30), CONSTRAINT "PK_8f8264c2d37cbbd8282ee9a3c97" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "network_lead" ("network_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a6cdbe2d5b932e09230b6e529c" PRIMARY KEY ("network_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "network_member" ("network_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_46fd080a71f1f450fc5db4d8915" PRIMARY KEY ("network_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_network_member_user" ON "network_member"  ("user_id") `);
    await queryRunner.query(`CREATE TYPE "public"."gathering_audience" AS ENUM('STAFF', 'APPRENTICE', 'BOTH')`);
    await queryRunner.query(
      `CREATE TABLE "gathering_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "audience" "public"."gathering_audience" NOT NULL, "title" character varying(200) NOT NULL, "rrule" character varying(500) NOT NULL, "first_date" date NOT NULL, "start_time" character varying(5) NOT NULL, "end_time" character varying(5) NOT NULL, "paused" boolean NOT NULL DEFAULT false, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a541ace9fe51c179930e2201a39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_gathering_series_area" ON "gathering_series"  ("area_id") `);
    await queryRunner.query(`CREATE TYPE "public"."gathering_status" AS ENUM('PLANNED', 'PUBLISHED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "gathering" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "series_id" uuid, "rule_date" date, "detached" boolean NOT NULL DEFAULT false, "audience" "public"."gathering_audience" NOT NULL, "title" character varying(200) NOT NULL, "theme" character varying(200) NOT NULL DEFAULT '', "agenda" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(300) NOT NULL DEFAULT '', "video_url" character varying(500) NOT NULL DEFAULT '', "host_agency_id" uuid, "capacity" integer, "seats_per_agency" integer, "status" "public"."gathering_status" NOT NULL DEFAULT 'PLANNED', "sequence" integer NOT NULL DEFAULT '0', "minutes" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_gathering_series_rule_date" UNIQUE ("series_id", "rule_date"), CONSTRAINT "CHK_gathering_seats" CHECK ("seats_per_agency" IS NULL OR "seats_per_agency" > 0), CONSTRAINT "CHK_gathering_capacity" CHECK ("capacity" IS NULL OR "capacity" > 0), CONSTRAINT "CHK_gathering_time" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_4ae08ea2046e81e1646e924d6d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_gathering_area_starts" ON "gathering"  ("area_id", "starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."rsvp_state" AS ENUM('YES', 'NO', 'WAITLIST')`);
    await queryRunner.query(
      `CREATE TABLE "gathering_rsvp" ("gathering_id" uuid NOT NULL, "user_id" uuid NOT NULL, "agency_id" uuid, "state" "public"."rsvp_state" NOT NULL, "accessibility_needs" character varying(500) NOT NULL DEFAULT '', "dietary_needs" character varying(500) NOT NULL DEFAULT '', "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c0eeb9c078648d57c21848310b0" PRIMARY KEY ("gathering_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_gathering_rsvp_state" ON "gathering_rsvp"  ("gathering_id", "state", "answered_at") `);
    await queryRunner.query(
      `ALTER TABLE "network" ADD CONSTRAINT "FK_38ffcb4ac47cd06b7c07a64d2b8" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_lead" ADD CONSTRAINT "FK_94f596cd36d32650f3dc20b5857" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_lead" ADD CONSTRAINT "FK_ec057cdc6593ac25d0c158cb208" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_member" ADD CONSTRAINT "FK_c734596c8b5c2b5b687c13f8cf6" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_member" ADD CONSTRAINT "FK_d3b099490e5a25f6c3de4124d47" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering_series" ADD CONSTRAINT "FK_e3af529d58c7e128542af090b2a" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering" ADD CONSTRAINT "FK_33ccde9b6eaf50d67c02cc710ae" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering" ADD CONSTRAINT "FK_a541ace9fe51c179930e2201a39" FOREIGN KEY ("series_id") REFERENCES "gathering_series"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering" ADD CONSTRAINT "FK_cb743e7abe63f697898363ff870" FOREIGN KEY ("host_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering_rsvp" ADD CONSTRAINT "FK_a098fcfa628f5e04f86a4031b09" FOREIGN KEY ("gathering_id") REFERENCES "gathering"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering_rsvp" ADD CONSTRAINT "FK_3a31510312789ea963458d34f81" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gathering_rsvp" DROP CONSTRAINT "FK_3a31510312789ea963458d34f81"`);
    await queryRunner.query(`ALTER TABLE "gathering_rsvp" DROP CONSTRAINT "FK_a098fcfa628f5e04f86a4031b09"`);
    await queryRunner.query(`ALTER TABLE "gathering" DROP CONSTRAINT "FK_cb743e7abe63f697898363ff870"`);
    await queryRunner.query(`ALTER TABLE "gathering" DROP CONSTRAINT "FK_a541ace9fe51c179930e2201a39"`);
    await queryRunner.query(`ALTER TABLE "gathering" DROP CONSTRAINT "FK_33ccde9b6eaf50d67c02cc710ae"`);
    await queryRunner.query(`ALTER TABLE "gathering_series" DROP CONSTRAINT "FK_e3af529d58c7e128542af090b2a"`);
    await queryRunner.query(`ALTER TABLE "network_member" DROP CONSTRAINT "FK_d3b099490e5a25f6c3de4124d47"`);
    await queryRunner.query(`ALTER TABLE "network_member" DROP CONSTRAINT "FK_c734596c8b5c2b5b687c13f8cf6"`);
    await queryRunner.query(`ALTER TABLE "network_lead" DROP CONSTRAINT "FK_ec057cdc6593ac25d0c158cb208"`);
    await queryRunner.query(`ALTER TABLE "network_lead" DROP CONSTRAINT "FK_94f596cd36d32650f3dc20b5857"`);
    await queryRunner.query(`ALTER TABLE "network" DROP CONSTRAINT "FK_38ffcb4ac47cd06b7c07a64d2b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_gathering_rsvp_state"`);
    await queryRunner.query(`DROP TABLE "gathering_rsvp"`);
    await queryRunner.query(`DROP TYPE "public"."rsvp_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_gathering_area_starts"`);
    await queryRunner.query(`DROP TABLE "gathering"`);
    await queryRunner.query(`DROP TYPE "public"."gathering_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_gathering_series_area"`);
    await queryRunner.query(`DROP TABLE "gathering_series"`);
    await queryRunner.query(`DROP TYPE "public"."gathering_audience"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_network_member_user"`);
    await queryRunner.query(`DROP TABLE "network_member"`);
    await queryRunner.query(`DROP TABLE "network_lead"`);
    await queryRunner.query(`DROP TABLE "network"`);
    await queryRunner.query(`DROP TYPE "public"."network_kind"`);
  }
}
