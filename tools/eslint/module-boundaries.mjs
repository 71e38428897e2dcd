// Lærenett's module boundaries for the API (apps/api/src):
//  - a module's SQL names only its own tables; another module's data is read through that
//    module's service API or a read-model view/function it publishes (see docs/architecture.md);
//  - outside its entities (which may hold foreign keys), a module imports no other module's
//    entities: it does not query another module's tables through TypeORM either;
//  - common/ depends on no module.
// Table ownership is read from the entities: `@Entity('name')` in modules/<module>/entities/.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modulesDir = join(root, 'apps/api/src/modules');

let owners;
/** table name → owning module */
export function tableOwners() {
  if (owners) return owners;
  owners = new Map();
  for (const mod of readdirSync(modulesDir)) {
    const dir = join(modulesDir, mod, 'entities');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_0-9]+)'/g)) owners.set(m[1], mod);
    }
  }
  return owners;
}

/** Where a file sits: { kind: 'module', module, entity } | { kind: 'common' } | null. */
function placeOf(filename) {
  const rel = relative(join(root, 'apps/api/src'), filename).split(sep);
  if (rel[0] === '..' || rel.includes('__tests__')) return null;
  if (rel[0] === 'common') return { kind: 'common' };
  if (rel[0] === 'modules' && rel.length > 2) return { kind: 'module', module: rel[1], entity: rel[2] === 'entities' };
  return null;
}

const SQL_TABLE = /\b(?:from|join|into|update|table|references)\s+(?:only\s+)?"?([a-z_][a-z_0-9]*)"?/gi;

/** The tables a piece of SQL names after FROM/JOIN/INTO/UPDATE/TABLE/REFERENCES. */
export function tablesIn(sql) {
  const out = [];
  for (const m of sql.matchAll(SQL_TABLE)) out.push(m[1].toLowerCase());
  return out;
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "A module's SQL names only its own tables; common/ and other modules do not import a module's entities." },
    schema: [],
    messages: {
      foreignTable:
        "The table '{{table}}' belongs to the {{owner}} module: read it through that module's service or a read-model view it publishes, not from {{module}}.",
      foreignEntity: "{{source}} belongs to the {{owner}} module: use that module's service, not its entities, from {{module}}.",
      commonImportsModule: 'common/ depends on no module: move this into the module, or pass what is needed in.',
    },
  },
  create(context) {
    const place = placeOf(context.filename);
    if (!place) return {};
    const tables = tableOwners();
    const checkSql = (node, text) => {
      if (place.kind !== 'module' || place.entity) return;
      for (const t of tablesIn(text)) {
        const owner = tables.get(t);
        if (owner && owner !== place.module)
          context.report({ node, messageId: 'foreignTable', data: { table: t, owner, module: place.module } });
      }
    };
    const checkImport = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(modulesDir, resolve(dirname(context.filename), source)).split(sep);
      if (target[0] === '..') return;
      if (place.kind === 'common') return context.report({ node, messageId: 'commonImportsModule' });
      if (target[0] !== place.module && target[1] === 'entities' && !place.entity)
        context.report({ node, messageId: 'foreignEntity', data: { source, owner: target[0], module: place.module } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') checkSql(node, node.value);
      },
      TemplateLiteral(node) {
        checkSql(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? '));
      },
      ImportDeclaration(node) {
        checkImport(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') checkImport(node, node.source.value);
      },
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
