import { GraphQLError } from 'graphql';
import { AppException } from '../app.exception';
import { formatGraphQLError } from '../format-error';

describe('GraphQL error formatting', () => {
  it('carries the code and message of an AppException', () => {
    const out = formatGraphQLError(
      { message: 'x', path: ['a'] },
      new GraphQLError('x', {
        path: ['a'],
        originalError: new AppException('CONFLICT', 'Exists already', { fields: { orgNumber: ['taken'] } }),
      }),
    );
    expect(out).toMatchObject({ message: 'Exists already', extensions: { code: 'CONFLICT', fields: { orgNumber: ['taken'] } } });
  });

  it('hides unexpected errors behind INTERNAL with no stack trace', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = formatGraphQLError(
      { message: 'relation "secret_table" does not exist', extensions: { stacktrace: ['at x.js:1'] } },
      new GraphQLError('boom', { path: ['a'], originalError: new Error('relation "secret_table" does not exist') }),
    );
    expect(out.extensions).toEqual({ code: 'INTERNAL' });
    expect(JSON.stringify(out)).not.toMatch(/secret_table|stacktrace/);
    spy.mockRestore();
  });

  it('maps malformed requests to VALIDATION_FAILED', () => {
    const out = formatGraphQLError(
      { message: 'Variable "$y" got invalid value', extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError('bad'),
    );
    expect(out.extensions).toMatchObject({ code: 'VALIDATION_FAILED', graphqlCode: 'BAD_USER_INPUT' });
  });
});
