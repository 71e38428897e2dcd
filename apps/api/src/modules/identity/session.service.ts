import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import type { Response } from 'express';
import { Role } from '@laerenett/shared-domain';
import { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import type { Actor, AuthedRequest } from '../../common/request-context';
import { newToken, sha256 } from '../../common/tokens';
import { preparedQuery } from '../../database/prepared';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';

export const SESSION_COOKIE = 'laerenett_session';

export function toActor(u: UserEntity): Actor {
  return { id: u.id, email: u.email, name: u.name, role: u.role, areaId: u.areaId, agencyId: u.agencyId, language: u.language };
}

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Reads the cookie and puts the signed-in user (or null) on the request. */
  async attach(req: AuthedRequest): Promise<void> {
    req.actor = null;
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) return;
    const tokenHash = sha256(token);
    // One indexed lookup per request, prepared once per connection, because every request pays for it.
    const rows: {
      id: string;
      email: string;
      name: string;
      role: Role;
      area_id: string | null;
      agency_id: string | null;
      language: string;
    }[] = await preparedQuery(
      this.sessions.manager.connection,
      'session',
      `SELECT u.id, u.email, u.name, u.role, u.area_id, u.agency_id, u.language
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    );
    const u = rows[0];
    if (!u) return;
    req.actor = { id: u.id, email: u.email, name: u.name, role: u.role, areaId: u.area_id, agencyId: u.agency_id, language: u.language };
    req.sessionTokenHash = tokenHash;
  }

  async start(userId: string, res: Response): Promise<void> {
    const token = newToken();
    const ttlMs = this.config.auth.sessionTtlHours * 3600_000;
    await this.sessions.insert({ tokenHash: sha256(token), userId, expiresAt: new Date(this.clock.system().getTime() + ttlMs) });
    await this.sessions.delete({ userId, expiresAt: LessThan(this.clock.system()) });
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.auth.cookieSecure, maxAge: ttlMs, path: '/' });
  }

  async end(req: AuthedRequest, res: Response): Promise<void> {
    if (req.sessionTokenHash) await this.sessions.delete({ tokenHash: req.sessionTokenHash });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
