/**
 * Renders a component as the portal does (query client, router, i18n) against a stand-in for
 * the API at the network edge: `fetch('/graphql')` is answered by the test's `api` function,
 * which sees each operation's name and variables. What the component sends is recorded.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, RenderResult } from '@testing-library/react';
import { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';

export interface Sent {
  operation: string;
  variables: Record<string, unknown>;
}

/** Answers an operation with its data, or throws a GraphQL error: `{ code, message }`. */
export type Api = (operation: string, variables: Record<string, unknown>) => unknown;

export class ApiError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly fields: Record<string, string[]> = {},
  ) {}
}

export function renderPage(ui: ReactElement, opts: { api: Api; path?: string; route?: string }): RenderResult & { sent: Sent[] } {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    sent.push({ operation, variables: body.variables });
    try {
      const data = await opts.api(operation, body.variables);
      return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return new Response(JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code, fields: e.fields } }] }), {
        headers: { 'content-type': 'application/json' },
      });
    }
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const path = opts.path ?? '/';
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[opts.route ?? path]}>
        <Routes>
          <Route path={path} element={ui} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return Object.assign(result, { sent });
}
