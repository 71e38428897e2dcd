/** Migration helpers for the command line and the tests. */
import { DataSource } from 'typeorm';

/** SQL the entities would need beyond what the migrations created. Empty means no drift. */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}

export async function generateMigrationSource(ds: DataSource, name: string, timestamp = Date.now()): Promise<string | null> {
  const log = await ds.driver.createSchemaBuilder().log();
  if (log.upQueries.length === 0) return null;
  const className = `${name}${timestamp}`;
  const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  // An enum type shared by several tables (enumName) is created once and dropped after its last table.
  const ups = log.upQueries.map((x) => x.query).filter((x, i, all) => !/^CREATE TYPE /.test(x) || all.indexOf(x) === i);
  const downs = log.downQueries
    .reverse()
    .map((x) => x.query)
    .filter((x, i, all) => !/^DROP TYPE /.test(x) || all.lastIndexOf(x) === i);
  const up = ups.map((x) => `    await queryRunner.query(${q(x)});`).join('\n');
  const down = downs.map((x) => `    await queryRunner.query(${q(x)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
}
