import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ministry area has its staff network and its apprentice network from the start (they
 * used to be made on first read). Areas made before this get theirs now.
 */
export class NetworksWithAreas1796000000000 implements MigrationInterface {
  name = 'NetworksWithAreas1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "network" ("area_id", "kind") SELECT a."id", k."kind"::"public"."network_kind" FROM "ministry_area" a CROSS JOIN (VALUES ('STAFF'), ('APPRENTICE')) k("kind") ON CONFLICT ("area_id", "kind") DO NOTHING`,
    );
  }

  public async down(): Promise<void> {
    // The networks stay: they may hold members, leads and gatherings.
  }
}
