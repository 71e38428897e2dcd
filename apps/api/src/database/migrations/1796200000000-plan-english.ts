import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The action plan in English too: beside each Norwegian text a plan takes from the template, its
 * English (null where there is none: texts a coordinator wrote or edited). Plans made before
 * this have no English; their English PDF shows the Norwegian texts as before.
 */
export class PlanEnglish1796200000000 implements MigrationInterface {
  name = 'PlanEnglish1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_plan" ADD "main_goal_en" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "action_plan" ADD "main_goal_detail_en" text`);
    await queryRunner.query(`ALTER TABLE "action_plan" ADD "sub_goals_en" jsonb`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "title_en" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "description_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "purpose_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "responsibility_ministry_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "responsibility_ok_stat_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "responsibility_agencies_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_measure" ADD "implementation_en" text`);
    await queryRunner.query(`ALTER TABLE "plan_milestone" ADD "title_en" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "plan_criterion" ADD "label_en" character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan_criterion" DROP COLUMN "label_en"`);
    await queryRunner.query(`ALTER TABLE "plan_milestone" DROP COLUMN "title_en"`);
    for (const c of [
      'implementation_en',
      'responsibility_agencies_en',
      'responsibility_ok_stat_en',
      'responsibility_ministry_en',
      'purpose_en',
      'description_en',
      'title_en',
    ])
      await queryRunner.query(`ALTER TABLE "plan_measure" DROP COLUMN "${c}"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP COLUMN "sub_goals_en"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP COLUMN "main_goal_detail_en"`);
    await queryRunner.query(`ALTER TABLE "action_plan" DROP COLUMN "main_goal_en"`);
  }
}
