/**
 * A query document that comes back runs compiled (graphql-jit; src/graphql/executor.ts) where its
 * first use ran on graphql-js. Every query of the portal (libs/portal/data-access), as every role
 * and signed out, answers the same the first time and the times after: the same HTTP status, the
 * same data and the same refusals, each error pointing at its field in the document. A bad
 * variable is refused alike. Never compiled: a query with a value written out in it (a string
 * could become code in graphql-jit's), with an input object or with a directive, and a mutation.
 * An operation that cannot be picked out of its document is refused with 400, as before.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kind, parse, print, visit, type ASTNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { CompilingExecutor } from '../src/graphql/executor';
import { Client, ids, Stack, startStack, USERS, UserKey } from './harness';

const OPERATIONS = parse(readFileSync(resolve(__dirname, '../../../libs/portal/data-access/src/operations.graphql'), 'utf8'));
const operations = (kind: 'query' | 'mutation') =>
  OPERATIONS.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === kind);
const FRAGMENTS = new Map(
  OPERATIONS.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
);
/** The operation as the portal sends it: with the fragments it spreads. */
function documentOf(op: OperationDefinitionNode): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: ASTNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const f = FRAGMENTS.get(spread.name.value)!;
        if (!used.has(f.name.value)) {
          used.set(f.name.value, f);
          collect(f);
        }
      },
    });
  collect(op);
  return [op, ...used.values()].map((d) => print(d)).join('\n');
}
const withDirective = (op: OperationDefinitionNode) => {
  let found = false;
  visit(op, {
    Directive() {
      found = true;
    },
  });
  return found;
};
const ROLES: UserKey[] = ['anonymous', 'admin', 'ministry', 'otherMinistry', 'digdir', 'statsbygg', 'apprentice'];

interface Answer {
  status: number;
  body: unknown;
}
type Located = {
  message: string;
  extensions?: { code?: string };
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
};
/**
 * What a client acts on: the status, the data and the refusals (their codes; with their messages
 * and paths where data came back). Where an error nulls the whole answer, graphql-js keeps the
 * error that settled first and graphql-jit the one it met first: two fields refused alike.
 */
function seen(answer: Answer) {
  const body = answer.body as { data?: unknown; errors?: Located[] };
  const errors = body.errors ?? [];
  const refusals = (f: (e: Located) => string) => [...new Set(errors.map(f))].sort();
  return {
    status: answer.status,
    data: body.data,
    codes: refusals((e) => String(e.extensions?.code)),
    ...(body.data ? { refusals: refusals((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}: ${e.message}`) } : {}),
  };
}
/** Every error of a compiled answer points at a field of the document, by line and column and by path. */
function locatedIn(document: string, answer: Answer) {
  const lines = document.split('\n');
  for (const e of (answer.body as { errors?: Located[] }).errors ?? []) {
    if (!e.path) continue;
    const at = e.locations?.[0];
    const field = String(e.path.filter((p) => typeof p === 'string').at(-1));
    expect(at && lines[at.line - 1]?.slice(at.column - 1).startsWith(field)).toBe(true);
  }
}

describe('queries that come back run compiled', () => {
  let stack: Stack;
  let executor: CompilingExecutor;
  const clients = {} as Record<UserKey, Client>;
  let values: Record<string, unknown>;
  let idFor: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ worker: false, env: { GRAPHQL_COMPILE_AFTER: '1' } }); // as deployed: compiled from the second use
    executor = stack.api.get(CompilingExecutor, { strict: false });
    for (const role of ROLES) {
      clients[role] = new Client(stack.url);
      if (role !== 'anonymous') await clients[role].signIn(USERS[role]);
    }
    const i = await ids(stack.ds);
    const first = async (table: string) =>
      ((await stack.ds.query(`SELECT id FROM ${table} ORDER BY id LIMIT 1`)) as { id: string }[])[0]?.id ?? randomUUID();
    const gathering = await first('gathering');
    // Each variable by its name, from the demo data; `id` by the operation it belongs to.
    values = {
      areaId: i.kdd,
      year: new Date().getFullYear(),
      agencyId: i.digdir,
      apprenticeId: i.digdirApprentice,
      eventId: await first('pooled_event'),
      token: 'not-a-token-of-anyone',
      history: true,
      includePast: true,
    };
    idFor = {
      AgencyPage: i.digdir,
      AgencyApprentices: i.digdir,
      GatheringAnswers: gathering,
      GatheringCancelReach: gathering,
      GatheringDetail: gathering,
      SummaryVersion: await first('summary_version'),
      FollowUpCase: await first('follow_up_case'),
    };
  });
  afterAll(() => stack.stop());

  const send = async (client: Client, query: string, variables: Record<string, unknown>, operationName?: string): Promise<Answer> => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return { status: res.status, body: await res.json() };
  };

  it('answers every query of the portal, as every role, the same compiled as on graphql-js', async () => {
    const before = executor.compiledCount;
    let documents = 0;
    let uncompiled = 0;
    const compared: string[] = [];
    for (const op of operations('query')) {
      const name = op.name!.value;
      const variables: Record<string, unknown> = {};
      let runnable = true;
      for (const v of op.variableDefinitions ?? []) {
        const key = v.variable.name.value;
        const value = key === 'id' ? idFor[name] : values[key];
        if (value !== undefined) variables[key] = value;
        else if (v.type.kind === Kind.NON_NULL_TYPE) runnable = false; // an input object (the schedule preview's)
      }
      if (!runnable) continue;
      for (const role of ROLES) {
        // A document of its own per role (a comment changes its hash), so each role's first use is on graphql-js.
        const query = `${documentOf(op)}\n# ${role}`;
        const first = await send(clients[role], query, variables);
        const again = [await send(clients[role], query, variables), await send(clients[role], query, variables)];
        documents++;
        if (withDirective(op)) uncompiled++;
        for (const answer of again) {
          expect({ name, role, ...seen(answer) }).toEqual({ name, role, ...seen(first) });
          locatedIn(query, answer);
        }
        compared.push(`${name}/${role}:${first.status}${(first.body as { errors?: unknown }).errors ? ':error' : ''}`);
      }
    }
    // Every document was compiled but those with a directive, and the comparison covered answers and refusals.
    expect(executor.compiledCount - before).toBe(documents - uncompiled);
    expect(uncompiled).toBe(ROLES.length); // AgencyPage's @include: left to graphql-js
    expect(documents).toBeGreaterThan(40 * ROLES.length);
    expect(compared.filter((c) => c.endsWith(':error')).length).toBeGreaterThan(50);
    expect(compared.filter((c) => !c.endsWith(':error')).length).toBeGreaterThan(100);
  });

  it('refuses a bad variable the same way (400, VALIDATION_FAILED) compiled as on graphql-js', async () => {
    const dashboard = documentOf(operations('query').find((o) => o.name!.value === 'Dashboard')!);
    const answers = [];
    for (let n = 0; n < 3; n++) answers.push(await send(clients.ministry, dashboard, { areaId: values['areaId'], year: 'this year' }));
    expect(answers[0].status).toBe(400);
    expect((answers[0].body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The same document with good values is answered (compiled by now).
    const ok = await send(clients.ministry, dashboard, { areaId: values['areaId'], year: values['year'] });
    expect(ok.status).toBe(200);
    expect((ok.body as { data: { dashboard: { rows: unknown[] } } }).data.dashboard.rows.length).toBeGreaterThan(0);
  });

  it("leaves a query with an input object on graphql-js, which fills in the input's defaults", async () => {
    const preview = documentOf(operations('query').find((o) => o.name!.value === 'GatheringSchedulePreview')!);
    // No holidayRule: the input type's default applies.
    const input = { rrule: 'FREQ=MONTHLY;BYDAY=-1TH', firstDate: '2030-01-01', startTime: '09:00', endTime: '11:00', horizonMonths: 3 };
    const written = `query { gatheringSchedulePreview(input: { rrule: "${input.rrule}", firstDate: "${input.firstDate}", startTime: "09:00", endTime: "11:00", horizonMonths: 3 }) { date outcome } }`;
    const before = executor.compiledCount;
    for (const [query, variables] of [
      [preview, { input }],
      [written, {}],
    ] as const) {
      const answers = [];
      for (let n = 0; n < 3; n++) answers.push(await send(clients.ministry, query, variables));
      const first = answers[0].body as { data: { gatheringSchedulePreview: { date: string }[] } };
      expect(first.data.gatheringSchedulePreview.map((d) => d.date)).toEqual(['2030-01-31', '2030-02-28', '2030-03-28']);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
    expect(executor.compiledCount).toBe(before);
  });

  it('never compiles a document with a value written out in it, so no string in a document becomes code', async () => {
    const marker = `laerenettCompiled${Date.now()}`;
    const g = globalThis as Record<string, unknown>;
    // graphql-jit writes a string of this form, written out as an argument, into its generated code as `new Date(…)`.
    const payload = `__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d((()=>{globalThis.${marker}=1;return 0})())`;
    const documents = [
      `query { agency(id: "${payload}") { id } }`,
      `query { agency(id: ${'"""'}${payload}${'"""'}) { id } }`,
      `query($id: ID! = "${payload}") { agency(id: $id) { id } }`,
    ];
    const before = executor.compiledCount;
    for (const who of ['anonymous', 'ministry'] as const) {
      for (const doc of documents) {
        const answers = [];
        for (let n = 0; n < 3; n++) answers.push(await send(clients[who], doc, {}));
        expect((answers[0].body as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
        expect(answers[2]).toEqual(answers[0]);
      }
    }
    expect(g[marker]).toBeUndefined();
    expect(executor.compiledCount).toBe(before);
  });

  it('refuses an operation it cannot pick out (400), however often it is sent', async () => {
    const cases: [string, string | undefined][] = [
      ['query A { trades { id } } query B { trades { id } }', undefined],
      ['query A { trades { id } }', 'C'],
      ['{ trades { id } }', 'X'],
    ];
    for (const [doc, operationName] of cases) {
      for (let n = 0; n < 3; n++) {
        const r = await send(clients.ministry, doc, {}, operationName);
        expect([doc, operationName, n, r.status]).toEqual([doc, operationName, n, 400]);
        expect((r.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
      }
    }
  });

  it('never compiles a mutation', async () => {
    const createFeed = documentOf(operations('mutation').find((o) => o.name!.value === 'CreateCalendarFeed')!);
    const before = executor.compiledCount;
    const answers = [];
    for (let n = 0; n < 3; n++) answers.push(await send(clients.anonymous, createFeed, {}));
    expect((answers[0].body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answers[2]).toEqual(answers[0]);
    expect(executor.compiledCount).toBe(before);
  });
});
