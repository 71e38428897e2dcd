/**
 * A query document that comes back runs compiled (graphql-jit; src/graphql/executor.ts) where its
 * first use ran on graphql-js. Every query of the portal (libs/portal/data-access), as every role
 * and signed out, answers the same the first time and the times after: the same data, the same
 * errors (message, path, locations, code) and the same HTTP status. A bad variable is refused
 * alike; a query with an input object, and a mutation, are never compiled.
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
const ROLES: UserKey[] = ['anonymous', 'admin', 'ministry', 'otherMinistry', 'digdir', 'statsbygg', 'apprentice'];

interface Answer {
  status: number;
  body: unknown;
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

  const send = async (client: Client, query: string, variables: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };

  it('answers every query of the portal, as every role, the same compiled as on graphql-js', async () => {
    const before = executor.compiledCount;
    let documents = 0;
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
        for (const answer of again) expect({ name, role, ...answer }).toEqual({ name, role, ...first });
        compared.push(`${name}/${role}:${first.status}${(first.body as { errors?: unknown }).errors ? ':error' : ''}`);
      }
    }
    // Every document was compiled (none fell back to graphql-js), and the comparison covered answers and refusals.
    expect(executor.compiledCount - before).toBe(documents);
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
