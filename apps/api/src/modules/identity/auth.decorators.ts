import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor, AuthedRequest } from '../../common/request-context';

export const ACCESS_KEY = 'laerenett:access';
export type Access = { public: true } | { roles: Role[] };

/** Anyone may call this, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);
/** Signed-in users with one of these roles may call this; scope is checked in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { roles } satisfies Access);
/** Any signed-in user. */
export const SignedIn = () =>
  SetMetadata(ACCESS_KEY, { roles: [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR, Role.APPRENTICE] } satisfies Access);

export function requestOf(ctx: ExecutionContext): AuthedRequest {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => requestOf(ctx).actor ?? null);
