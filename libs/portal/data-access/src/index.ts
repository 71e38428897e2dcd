export { GqlError, request } from './client';
export * from './hooks';
export type * from './generated/graphql';
