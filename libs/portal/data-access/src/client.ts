import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error with the API's stable code (VALIDATION_FAILED, FORBIDDEN, …). */
export class GqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

const printed = new WeakMap<object, string>();

/** POSTs an operation to /graphql with the session cookie. */
export async function request<R, V>(doc: TypedDocumentNode<R, V>, variables?: V): Promise<R> {
  let query = printed.get(doc);
  if (!query) printed.set(doc, (query = print(doc)));
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch {
    throw new GqlError('Network error', 'NETWORK');
  }
  const body = (await res.json().catch(() => ({}))) as {
    data?: R;
    errors?: { message: string; extensions?: { code?: string; fields?: Record<string, string[]> } }[];
  };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new GqlError(e.message, e.extensions?.code ?? 'INTERNAL', e.extensions?.fields ?? {});
  }
  return body.data as R;
}
