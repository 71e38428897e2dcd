// The module-boundaries rule refuses what it should and lets through what it should:
// `node tools/eslint/module-boundaries.test.mjs` (run by `nx run tools:test`). Throws on the first failure.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { moduleBoundaries, tableOwners } from './module-boundaries.mjs';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const pooling = 'apps/api/src/modules/pooling/pool-events.service.ts';
const poolingEntity = 'apps/api/src/modules/pooling/entities/pooled-event.entity.ts';
const common = 'apps/api/src/common/loaders.ts';
const test = 'apps/api/test/pooling.integration-spec.ts';

if (tableOwners().get('app_user') !== 'identity' || tableOwners().get('pooled_event') !== 'pooling')
  throw new Error('The table owners are not read from the entities');

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: pooling, code: 'const q = `SELECT * FROM pooled_event e JOIN event_shift s ON s.event_id = e.id`;' },
    { filename: pooling, code: "const q = 'SELECT name FROM user_directory WHERE id = $1';" },
    {
      filename: pooling,
      code: 'const q = `SELECT * FROM apprentice_contract p WHERE under_contract_on(p.contract_start, p.last_day, $1)`;',
    },
    { filename: pooling, code: "const note = 'Send a reminder';" },
    { filename: poolingEntity, code: "import { AgencyEntity } from '../../agencies/entities/agency.entity';" },
    { filename: pooling, code: "import { AgenciesService } from '../agencies/agencies.service';" },
    { filename: test, code: 'const q = `SELECT * FROM app_user JOIN agency ON true`;' },
  ],
  invalid: [
    { filename: pooling, code: 'const q = `SELECT u.name FROM app_user u WHERE u.id = $1`;', errors: [{ messageId: 'foreignTable' }] },
    {
      filename: pooling,
      code: "const q = 'SELECT 1 FROM pooled_event e JOIN gathering_rsvp r ON r.user_id = e.id';",
      errors: [{ messageId: 'foreignTable' }],
    },
    { filename: pooling, code: 'const q = `UPDATE apprentice SET status = $1`;', errors: [{ messageId: 'foreignTable' }] },
    { filename: pooling, code: 'const q = `INSERT INTO mail_message (id) VALUES ($1)`;', errors: [{ messageId: 'foreignTable' }] },
    { filename: pooling, code: "import { UserEntity } from '../identity/entities/user.entity';", errors: [{ messageId: 'foreignEntity' }] },
    {
      filename: common,
      code: "import { AreasService } from '../modules/areas/areas.service';",
      errors: [{ messageId: 'commonImportsModule' }],
    },
  ],
});
console.log('module-boundaries: the rule refuses reaches across modules and allows a module its own tables and published views');
