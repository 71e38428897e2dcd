/**
 * A schema-driven fuzzer: every query and mutation, called as every role (and signed out) with
 * odd but well-typed values — ids that are not ids and random ids of things that do not exist,
 * NUL and other control characters, huge and empty strings, extreme numbers, dates that do not
 * exist — plus documents that are malformed on purpose (fragment cycles, unknown fragments, over the depth and
 * complexity limits). Whatever the answer, it is never an internal error nor an HTTP 5xx, and
 * calls as signed out or as an apprentice change no table.
 */
import { randomUUID } from 'node:crypto';
import { Client, Stack, startStack, USERS, UserKey } from './harness';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface Field {
  name: string;
  args: InputValue[];
}

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const required = (t: TypeRef) => t.kind === 'NON_NULL';

const CONTROL = ['\u0000', 'a\u0000b', '\u0001\u0002', '\u001b[31m', '\u007f', 'x\u0008y'];
const SCALARS: Record<string, (() => unknown)[]> = {
  ID: [
    () => 'not-an-id',
    () => randomUUID(),
    () => '00000000-0000-4000-8000-000000000000',
    () => "1' OR '1'='1",
    () => '',
    () => '\u0000',
    () => randomUUID(),
  ],
  String: [
    () => '',
    () => 'x'.repeat(20_000),
    () => '2026-02-30',
    () => '<script>alert(1)</script>',
    () => '../../etc/passwd',
    ...CONTROL.map((c) => () => c),
    () => randomUUID(),
  ],
  Int: [() => -2147483648, () => 2147483647, () => 0, () => -1],
  Float: [() => 1e308, () => -0.5, () => 0],
  Boolean: [() => true, () => false],
  DateTime: [() => 'yesterday', () => '9999-12-31T23:59:59Z', () => '\u0000'],
};
const VARIANTS = 10;
/** Calls that end the session or exist to write as signed out (signing in counts attempts). */
const SKIPPED = new Set(['signOut', 'revokeCalendarFeed']);
const WRITES_BY_DESIGN = new Set(['signIn', 'acceptInvitation']);
const ROLES: UserKey[] = ['anonymous', 'apprentice', 'digdir', 'ministry', 'admin'];

describe('fuzzing every operation', () => {
  let stack: Stack;
  let types: Map<string, { kind: string; inputFields: InputValue[] | null; enumValues: { name: string }[] | null }>;
  let ops: { op: 'query' | 'mutation'; field: Field }[];

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    // Introspection is open outside production; the admin reads the schema once.
    const admin = await new Client(stack.url).signIn(USERS.admin);
    const r = await admin.gql(`{ __schema {
      queryType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
      mutationType { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
      types { name kind inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } enumValues { name } } } }`);
    const s = r.data!['__schema'];
    types = new Map(s.types.map((t: any) => [t.name, t]));
    ops = [
      ...s.queryType.fields.map((f: Field) => ({ op: 'query' as const, field: f })),
      ...s.mutationType.fields.map((f: Field) => ({ op: 'mutation' as const, field: f })),
    ].filter((o) => !SKIPPED.has(o.field.name));
  });
  afterAll(() => stack?.stop());

  function value(t: TypeRef, variant: number, depth = 0): unknown {
    const n = named(t);
    if (t.kind === 'LIST' || (t.kind === 'NON_NULL' && t.ofType?.kind === 'LIST'))
      return [value(t.kind === 'LIST' ? (t.ofType as TypeRef) : (t.ofType!.ofType as TypeRef), variant, depth + 1)];
    const def = types.get(n.name as string)!;
    if (def.kind === 'SCALAR') {
      const options = SCALARS[n.name as string] ?? [() => 'x'];
      return options[variant % options.length]();
    }
    if (def.kind === 'ENUM') return def.enumValues![variant % def.enumValues!.length].name;
    if (def.kind === 'INPUT_OBJECT') {
      if (depth > 3) return null;
      return Object.fromEntries(
        def
          .inputFields!.filter((f) => required(f.type) || variant % 2 === 0)
          .map((f) => [f.name, value(f.type, variant + f.name.length, depth + 1)]),
      );
    }
    return null;
  }

  const typeString = (t: TypeRef): string =>
    t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : (t.name as string);

  /** POSTs a document and returns the HTTP status with the errors that are not the client's fault. */
  async function call(client: Client, query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json().catch(() => ({}))) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const bad = (body.errors ?? []).filter(
      (e) => !e.extensions?.code || e.extensions.code === 'INTERNAL' || e.extensions.code === 'INTERNAL_SERVER_ERROR',
    );
    return { status: res.status, errors: body.errors ?? [], bad };
  }

  async function tableCounts(): Promise<Record<string, number>> {
    const tables: { t: string }[] = await stack.ds.query(
      `SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('public') ORDER BY 1`,
    );
    const counts: { t: string; n: number }[] = await stack.ds.query(
      tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL '),
    );
    return Object.fromEntries(counts.map((c) => [c.t, c.n]));
  }

  const clientFor = (who: UserKey) =>
    who === 'anonymous' ? Promise.resolve(new Client(stack.url)) : new Client(stack.url).signIn(USERS[who]);

  async function fuzzAs(who: UserKey, only: (name: string) => boolean = () => true, signedIn?: Client) {
    const client = signedIn ?? (await clientFor(who));
    const failures: string[] = [];
    let calls = 0;
    for (const { op, field } of ops.filter((o) => only(o.field.name))) {
      for (let variant = 0; variant < VARIANTS; variant++) {
        const vars = Object.fromEntries(field.args.map((a) => [a.name, value(a.type, variant + a.name.length)]));
        const decl = field.args.length ? `(${field.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
        const args = field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        let r = await call(client, `${op} Fuzz${decl} { ${field.name}${args} { __typename } }`, vars);
        if (r.errors.some((e) => /must not have a selection|must have a selection/.test(e.message)))
          r = await call(client, `${op} Fuzz${decl} { ${field.name}${args} }`, vars);
        calls++;
        if (r.status >= 500) failures.push(`${who} ${field.name} #${variant}: HTTP ${r.status}`);
        for (const e of r.bad) failures.push(`${who} ${field.name} #${variant}: ${e.extensions?.code ?? 'no code'} ${e.message}`);
      }
    }
    return { calls, failures };
  }

  it('never answers an internal error or a 5xx to any role, whatever the input', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const who of ROLES) {
      const r = await fuzzAs(who);
      calls += r.calls;
      failures.push(...r.failures);
    }
    expect(calls).toBeGreaterThan(ROLES.length * 100 * VARIANTS * 0.9);
    expect(failures).toEqual([]);
  }, 600_000);

  it('changes no table when called signed out or as an apprentice', async () => {
    // Signed in first: signing in makes a session, which is the one write they may cause.
    const who = ['anonymous', 'apprentice'] as const;
    const clients = await Promise.all(who.map(clientFor));
    const before = await tableCounts();
    for (const [k, w] of who.entries()) {
      const r = await fuzzAs(w, (name) => !WRITES_BY_DESIGN.has(name), clients[k]);
      expect(r.failures).toEqual([]);
    }
    expect(await tableCounts()).toEqual(before);
  }, 600_000);

  it('refuses malformed documents with a 400 and a code, signed out and in', async () => {
    const docs = [
      // A fragment cycle: refused by validation, never a stack overflow.
      `query { agencies { ...A } } fragment A on Agency { id ...B } fragment B on Agency { id ...A }`,
      `query { agencies { ...A } } fragment A on Agency { id ...A }`,
      // A spread of a fragment the document does not define: refused by validation, not an internal error.
      `query { agencies { ...Missing } }`,
      `query { agencies { id ...A } } fragment A on Agency { ...Missing }`,
      // Over the complexity limit: 100 aliases of a large list.
      `query { ${Array.from({ length: 100 }, (_, i) => `d${i}: dashboard { rows { agencyId } }`).join(' ')} }`,
      // Not GraphQL at all.
      `query { agencies { id }`,
      `{ "not": "graphql" }`,
    ];
    for (const who of ['anonymous', 'ministry'] as const) {
      const client = who === 'anonymous' ? new Client(stack.url) : await new Client(stack.url).signIn(USERS[who]);
      for (const doc of docs) {
        const r = await call(client, doc);
        expect([doc.slice(0, 60), who, r.status]).toEqual([doc.slice(0, 60), who, 400]);
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.bad).toEqual([]);
      }
    }
  });
});
