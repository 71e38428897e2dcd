import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: jobs recorded with the change that calls for them (job_outbox), and
 * for mail, when each mail's delivery job was put on the queue. Mail already sent or failed
 * counts as enqueued; mail still waiting is left for the relay (enqueueing it again is harmless).
 */
export class OutboxAndEnqueued1796162769786 implements MigrationInterface {
  name = 'OutboxAndEnqueued1796162769786';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" character varying(100) NOT NULL, "name" character varying(100) NOT NULL, "data" jsonb NOT NULL, "job_id" character varying(200) NOT NULL, "opts" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_485bc67ec1b6f9cea8df5c4ef57" UNIQUE ("job_id"), CONSTRAINT "PK_c3ba45dab51e3016acef18d0433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_job_outbox_pending" ON "job_outbox"  ("created_at") WHERE "enqueued_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "mail_message" ADD "enqueued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "mail_message" SET "enqueued_at" = "created_at" WHERE "status" <> 'QUEUED'`);
    await queryRunner.query(
      `CREATE INDEX "IDX_mail_message_not_enqueued" ON "mail_message"  ("created_at") WHERE "status" = 'QUEUED' AND "enqueued_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_mail_message_not_enqueued"`);
    await queryRunner.query(`ALTER TABLE "mail_message" DROP COLUMN "enqueued_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_job_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "job_outbox"`);
  }
}
