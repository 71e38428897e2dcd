import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Response } from 'express';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import { canInvite, ErrorCode, Role } from '@laerenett/shared-domain';
import { AppConfig } from '../../config/config';
import type { Actor, AuthedRequest } from '../../common/request-context';
import { canManageAgency, canManageArea } from '../../common/access-policy';
import { newToken, sha256 } from '../../common/tokens';
import { Clock } from '../../common/clock';
import { AgenciesService } from '../agencies/agencies.service';
import { AreasService } from '../areas/areas.service';
import { MailService } from '../mail/mail.service';
import { invitationMail, MailLanguage } from '../mail/templates/render';
import { AcceptInvitationInput, InviteUserInput, SignInInput } from './dto/identity.inputs';
import { InvitationEntity } from './entities/invitation.entity';
import { SignInFailureEntity } from './entities/sign-in-attempt.entity';
import { UserEntity } from './entities/user.entity';
import { IdentityException } from './identity.exception';
import { ApprenticesService } from '../apprentices/apprentices.service';
import { SessionService, toActor } from './session.service';

const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

@Injectable()
export class IdentityService {
  /** Verifying against this keeps the time of a failed sign-in the same for unknown addresses. */
  private dummyHash: Promise<string> = hashPassword('not-a-real-password-0000');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SignInFailureEntity) private readonly failures: Repository<SignInFailureEntity>,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly apprentices: ApprenticesService,
    private readonly agencies: AgenciesService,
    private readonly areas: AreasService,
    private readonly clock: Clock,
  ) {}

  async signIn(input: SignInInput, req: AuthedRequest, res: Response): Promise<Actor> {
    const email = input.email.trim().toLowerCase();
    const ip = (req.ip ?? 'unknown').slice(0, 64);
    const since = new Date(this.clock.system().getTime() - this.config.auth.signInWindowMinutes * 60_000);
    const max = this.config.auth.signInMaxFailures;
    // Failures lock an account only for the address they came from, so nobody locks out someone
    // else (an office shares one address); an address with many failures is slowed down instead.
    const [byPair, byIp] = await Promise.all([
      this.failures.count({ where: { email, ip, at: MoreThan(since) } }),
      this.failures.count({ where: { ip, at: MoreThan(since) } }),
    ]);
    if (byPair >= max) {
      throw new IdentityException(
        ErrorCode.RATE_LIMITED,
        `Too many failed sign-ins. Wait ${this.config.auth.signInWindowMinutes} minutes and try again.`,
      );
    }
    if (byIp >= max) await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * (byIp - max + 1))));
    const user = await this.users.findOne({ where: { email } });
    const ok = user?.passwordHash
      ? await argon2.verify(user.passwordHash, input.password)
      : (await argon2.verify(await this.dummyHash, input.password), false);
    if (!user || !ok) {
      await this.failures.insert({ email, ip });
      throw new IdentityException(ErrorCode.INVALID_CREDENTIALS, 'The e-mail address or the password is wrong');
    }
    await this.failures.delete({ email, ip });
    await this.sessions.start(user.id, res);
    return toActor(user);
  }

  async signOut(req: AuthedRequest, res: Response): Promise<boolean> {
    await this.sessions.end(req, res);
    return true;
  }

  /** Checks that the inviter may give this role in this place, and fills in the area. */
  private async resolveScope(
    actor: Actor,
    input: InviteUserInput,
  ): Promise<{ areaId: string | null; agencyId: string | null; scope: string }> {
    if (!canInvite(actor.role, input.role))
      throw new IdentityException(ErrorCode.FORBIDDEN, 'Your role cannot invite users with that role');
    if (input.role === Role.ADMIN) return { areaId: null, agencyId: null, scope: 'Lærenett' };
    if (input.role === Role.MINISTRY_COORDINATOR) {
      if (!input.areaId)
        throw new IdentityException(ErrorCode.VALIDATION_FAILED, 'Choose the ministry area the coordinator is for (areaId)');
      const area = await this.areas.findArea(input.areaId);
      if (!area || !canManageArea(actor, area.id))
        throw new IdentityException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
      return { areaId: area.id, agencyId: null, scope: area.name };
    }
    if (!input.agencyId) throw new IdentityException(ErrorCode.VALIDATION_FAILED, 'Choose the agency the person belongs to (agencyId)');
    const agency = await this.agencies.find(input.agencyId);
    if (!agency || !canManageAgency(actor, agency))
      throw new IdentityException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');
    return { areaId: agency.areaId, agencyId: agency.id, scope: agency.name };
  }

  async invite(actor: Actor, input: InviteUserInput): Promise<InvitationEntity> {
    const email = input.email.trim().toLowerCase();
    const scope = await this.resolveScope(actor, input);
    if (await this.users.exists({ where: { email } }))
      throw new IdentityException(ErrorCode.CONFLICT, `${email} already has a user in Lærenett`);
    if (input.apprenticeId) {
      if (input.role !== Role.APPRENTICE || !scope.agencyId)
        throw new IdentityException(ErrorCode.VALIDATION_FAILED, 'Only an apprentice is invited from the list of apprentices', {
          fields: { apprenticeId: ['Only for the role APPRENTICE'] },
        });
      await this.apprentices.checkInvitable(input.apprenticeId, scope.agencyId);
    }
    const token = newToken();
    const expiresDays = this.config.auth.invitationTtlDays;
    const { invitation, mailId } = await this.ds.transaction(async (m) => {
      const invitation = await m.save(
        m.create(InvitationEntity, {
          email,
          name: input.name.trim(),
          role: input.role,
          areaId: scope.areaId,
          agencyId: scope.agencyId,
          apprenticeId: input.apprenticeId ?? null,
          language: input.language,
          tokenHash: sha256(token),
          invitedById: actor.id,
          expiresAt: new Date(this.clock.system().getTime() + expiresDays * 86_400_000),
        }),
      );
      const rendered = invitationMail(input.language as MailLanguage, {
        name: invitation.name,
        inviter: actor.name,
        role: input.role,
        scope: scope.scope,
        url: `${this.config.app.publicUrl}/invitasjon/${token}`,
        expiresDays,
      });
      const mailId = await this.mail.record({ ...rendered, purpose: `invitation:${invitation.id}`, to: email }, m);
      return { invitation, mailId };
    });
    await this.mail.dispatch([mailId]);
    return invitation;
  }

  private async openInvitation(token: string): Promise<InvitationEntity> {
    const inv = await this.ds.getRepository(InvitationEntity).findOne({ where: { tokenHash: sha256(token) } });
    if (!inv || inv.acceptedAt || inv.expiresAt.getTime() < this.clock.system().getTime()) {
      throw new IdentityException(
        ErrorCode.INVALID_TOKEN,
        'The invitation link is not valid: it may have been used already or have expired. Ask for a new invitation.',
      );
    }
    return inv;
  }

  async previewInvitation(token: string): Promise<{ email: string; name: string; role: Role; scope: string }> {
    const inv = await this.openInvitation(token);
    const place = inv.agencyId
      ? await this.agencies.find(inv.agencyId)
      : inv.areaId
        ? await this.areas.findArea(inv.areaId)
        : { name: 'Lærenett' };
    if (!place) throw new Error(`The invitation ${inv.id} names an agency or area that does not exist`);
    return { email: inv.email, name: inv.name, role: inv.role, scope: place.name };
  }

  async acceptInvitation(input: AcceptInvitationInput, res: Response): Promise<Actor> {
    const inv = await this.openInvitation(input.token);
    const passwordHash = await hashPassword(input.password);
    const user = await this.ds.transaction(async (m) => {
      const claimed = await m.update(InvitationEntity, { id: inv.id, acceptedAt: IsNull() }, { acceptedAt: this.clock.now() });
      if (!claimed.affected) throw new IdentityException(ErrorCode.INVALID_TOKEN, 'The invitation has already been used');
      if (await m.exists(UserEntity, { where: { email: inv.email } }))
        throw new IdentityException(ErrorCode.CONFLICT, `${inv.email} already has a user; sign in instead`);
      const user = await m.save(
        m.create(UserEntity, {
          email: inv.email,
          name: inv.name,
          role: inv.role,
          areaId: inv.areaId,
          agencyId: inv.agencyId,
          language: inv.language,
          passwordHash,
        }),
      );
      // An apprentice who signs up is the apprentice in the agency's records.
      if (user.role === Role.APPRENTICE && user.agencyId)
        await this.apprentices.linkUser(m, { id: user.id, email: user.email, agencyId: user.agencyId }, inv.apprenticeId);
      return user;
    });
    await this.sessions.start(user.id, res);
    return toActor(user);
  }

  async listInvitations(actor: Actor): Promise<InvitationEntity[]> {
    const qb = this.ds.getRepository(InvitationEntity).createQueryBuilder('i').orderBy('i.created_at', 'DESC').take(200);
    if (actor.role === Role.MINISTRY_COORDINATOR) qb.where('i.area_id = :a', { a: actor.areaId });
    else if (actor.role === Role.AGENCY_COORDINATOR) qb.where('i.agency_id = :a', { a: actor.agencyId });
    return qb.getMany();
  }
}
