import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@laerenett/shared-domain';
import { AppException } from '../../graphql/app.exception';
import { ACCESS_KEY, Access, requestOf } from './auth.decorators';
import { SessionService } from './session.service';

/**
 * Default deny: an operation without @Public, @Roles or @SignedIn is refused for everyone.
 * The session cookie is resolved here once per request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = requestOf(ctx);
    // Resolved once per request, even when several root fields are guarded in parallel.
    req.actorResolved ??= this.sessions.attach(req);
    await req.actorResolved;
    if (!access) throw new AppException(ErrorCode.FORBIDDEN, 'This operation is not open to anyone');
    if ('public' in access) return true;
    if (!req.actor) throw new AppException(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
    if (!access.roles.includes(req.actor.role)) throw new AppException(ErrorCode.FORBIDDEN, 'Your role does not allow this');
    return true;
  }
}
