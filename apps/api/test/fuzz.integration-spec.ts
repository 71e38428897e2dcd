/**
 * A small schema-driven fuzzer: every query and mutation, called by a coordinator with odd but
 * well-typed values (ids that are not ids, huge and empty strings, extreme numbers, dates that do
 * not exist). Whatever the answer, it must never be an INTERNAL error: bad input gets a clear error.
 */
import { Client, Stack, startStack, USERS } from './harness';

interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface InputValue { name: string; type: TypeRef }
interface Field { name: string; args: InputValue[] }

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const required = (t: TypeRef) => t.kind === 'NON_NULL';

const SCALARS: Record<string, unknown[]> = {
  ID: ['not-an-id', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", ''],
  String: ['', 'x'.repeat(20_000), '2026-02-30', '<script>alert(1)</script>', '../../etc/passwd', '\u0000'],
  Int: [-2147483648, 2147483647, 0, -1],
  Float: [1e308, -0.5],
  Boolean: [true, false],
  DateTime: ['yesterday', '9999-12-31T23:59:59Z'],
};

describe('fuzzing every operation', () => {
  let stack: Stack;
  let client: Client;
  let types: Map<string, { kind: string; inputFields: InputValue[] | null; enumValues: { name: string }[] | null }>;
  let ops: { op: 'query' | 'mutation'; field: Field }[];

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    client = await new Client(stack.url).signIn(USERS.ministry);
    const r = await client.gql(`{ __schema {
      queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
      mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
      types { name kind inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } enumValues { name } } } }`);
    const s = r.data!['__schema'];
    types = new Map(s.types.map((t: any) => [t.name, t]));
    ops = [...s.queryType.fields.map((f: Field) => ({ op: 'query' as const, field: f })), ...s.mutationType.fields.map((f: Field) => ({ op: 'mutation' as const, field: f }))].filter(
      (o) => !['signOut', 'revokeCalendarFeed'].includes(o.field.name),
    );
  });
  afterAll(() => stack?.stop());

  function value(t: TypeRef, variant: number, depth = 0): unknown {
    const n = named(t);
    if (t.kind === 'LIST' || (t.kind === 'NON_NULL' && t.ofType?.kind === 'LIST')) return [value(t.kind === 'LIST' ? (t.ofType as TypeRef) : (t.ofType!.ofType as TypeRef), variant, depth + 1)];
    const def = types.get(n.name as string)!;
    if (def.kind === 'SCALAR') {
      const options = SCALARS[n.name as string] ?? ['x'];
      return options[variant % options.length];
    }
    if (def.kind === 'ENUM') return def.enumValues![variant % def.enumValues!.length].name;
    if (def.kind === 'INPUT_OBJECT') {
      if (depth > 3) return null;
      return Object.fromEntries(def.inputFields!.filter((f) => required(f.type) || variant % 2 === 0).map((f) => [f.name, value(f.type, variant + f.name.length, depth + 1)]));
    }
    return null;
  }

  const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : (t.name as string));

  it('never answers INTERNAL, whatever the input', async () => {
    const internal: string[] = [];
    let calls = 0;
    for (const { op, field } of ops) {
      for (let variant = 0; variant < 6; variant++) {
        const vars = Object.fromEntries(field.args.map((a) => [a.name, value(a.type, variant + a.name.length)]));
        const decl = field.args.length ? `(${field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
        const call = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        const r = await client.gql(`${op} Fuzz${decl} { ${field.name}${call} { __typename } }`, vars);
        const r2 = r.errors?.some((e) => /must not have a selection|must have a selection/.test(e.message)) ? await client.gql(`${op} Fuzz${decl} { ${field.name}${call} }`, vars) : r;
        calls++;
        for (const e of r2.errors ?? []) if (e.extensions?.code === 'INTERNAL' || !e.extensions?.code) internal.push(`${field.name} #${variant}: ${e.message}`);
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(internal).toEqual([]);
  }, 180_000);
});
