/** Writes apps/api/schema.gql from the code-first schema; with --check, fails if it is out of date. */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchemaSdl } from './graphql/schema-file';

const FILE = 'apps/api/schema.gql';

buildSchemaSdl()
  .then((sdl) => {
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(FILE, 'utf8');
      } catch {
        /* missing */
      }
      if (current !== sdl) {
        console.error(`${FILE} is out of date: run \`npm run schema\` and commit it.`);
        process.exit(1);
      }
      console.log(`${FILE} is current.`);
    } else {
      writeFileSync(FILE, sdl);
      console.log(`Wrote ${FILE}.`);
    }
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
