import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedsActionsMentors1795322609707 implements MigrationInterface {
  name = 'FeedsActionsMentors1795322609707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3a0b1d1c7619ea19ff1affaaf70" UNIQUE ("token_hash"), CONSTRAINT "PK_29b8f216ae4f5fdd5bcc8de8112" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "gathering_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gathering_id" uuid NOT NULL, "text" character varying(500) NOT NULL, "owner" character varying(200) NOT NULL DEFAULT '', "due_date" date, "done" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d47fe9766c91d9d684def63365a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_gathering_action_gathering" ON "gathering_action"  ("gathering_id") `);
    await queryRunner.query(`CREATE TYPE "public"."mentor_kind" AS ENUM('APPRENTICE', 'LEADER')`);
    await queryRunner.query(
      `CREATE TABLE "mentor_pair" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "kind" "public"."mentor_kind" NOT NULL, "mentor_user_id" uuid NOT NULL, "mentee_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_mentor_pair_mentee" UNIQUE ("kind", "mentee_user_id"), CONSTRAINT "CHK_mentor_pair_distinct" CHECK ("mentor_user_id" <> "mentee_user_id"), CONSTRAINT "PK_6a7cff0378a0902f74c9a592563" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_mentor_pair_area" ON "mentor_pair"  ("area_id") `);
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gathering_action" ADD CONSTRAINT "FK_b1f0502cbc0615e428cee91409b" FOREIGN KEY ("gathering_id") REFERENCES "gathering"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_pair" ADD CONSTRAINT "FK_e7883d2b967216af1a7fd7413e8" FOREIGN KEY ("area_id") REFERENCES "ministry_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_pair" ADD CONSTRAINT "FK_cad65c05cc53f7c65c485299aeb" FOREIGN KEY ("mentor_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentor_pair" ADD CONSTRAINT "FK_47ab1944ad5a9ab577d849e8ab0" FOREIGN KEY ("mentee_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentor_pair" DROP CONSTRAINT "FK_47ab1944ad5a9ab577d849e8ab0"`);
    await queryRunner.query(`ALTER TABLE "mentor_pair" DROP CONSTRAINT "FK_cad65c05cc53f7c65c485299aeb"`);
    await queryRunner.query(`ALTER TABLE "mentor_pair" DROP CONSTRAINT "FK_e7883d2b967216af1a7fd7413e8"`);
    await queryRunner.query(`ALTER TABLE "gathering_action" DROP CONSTRAINT "FK_b1f0502cbc0615e428cee91409b"`);
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mentor_pair_area"`);
    await queryRunner.query(`DROP TABLE "mentor_pair"`);
    await queryRunner.query(`DROP TYPE "public"."mentor_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_gathering_action_gathering"`);
    await queryRunner.query(`DROP TABLE "gathering_action"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
