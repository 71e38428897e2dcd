import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/config';
import type { UserDirectoryRow } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { PooledEventEntity } from './entities/pooled-event.entity';
import { ShiftSignupEntity } from './entities/shift-signup.entity';
import { approvalNeededMail, decisionMail, newPoolEventMail, returnedPoolEventMail } from './templates/pool-mails';

type Recipient = Pick<UserDirectoryRow, 'email' | 'name' | 'language'>;

/**
 * Whom the pool tells what, recorded inside the caller's transaction (the caller dispatches the
 * returned mail ids once it has committed).
 */
@Injectable()
export class PoolMailService {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private url(path: string) {
    return `${this.config.app.publicUrl}${path}`;
  }

  /** Agencies are told of new events in the pool: every agency coordinator of the area. */
  async approved(m: EntityManager, e: PooledEventEntity): Promise<string[]> {
    const people: Recipient[] = await m.query(
      `SELECT u.email, u.name, u.language FROM user_directory u JOIN agency_directory a ON a.id = u.agency_id WHERE a.area_id = $1 AND u.role = 'AGENCY_COORDINATOR'`,
      [e.areaId],
    );
    const [agency] = (await m.query(`SELECT name FROM agency_directory WHERE id = $1`, [e.agencyId])) as { name: string }[];
    return this.mail.recordMany(
      people.map((p) => ({
        ...newPoolEventMail(mailLanguage(p.language), {
          name: p.name,
          title: e.title,
          agency: agency.name,
          startsOn: e.startsOn,
          url: this.url(`/arrangementer/${e.id}`),
        }),
        purpose: `pool-event:${e.id}:approved`,
        to: p.email,
      })),
      m,
    );
  }

  /** The one who registered the event is told it was sent back, and why. */
  async returned(m: EntityManager, e: PooledEventEntity, comment: string, reviewedAt: Date): Promise<string[]> {
    if (!e.createdByUserId) return [];
    const [creator] = (await m.query(`SELECT email, name, language FROM user_directory WHERE id = $1`, [e.createdByUserId])) as Recipient[];
    if (!creator) return [];
    return [
      await this.mail.record(
        {
          ...returnedPoolEventMail(mailLanguage(creator.language), {
            name: creator.name,
            title: e.title,
            comment,
            url: this.url(`/arrangementer/${e.id}`),
          }),
          purpose: `pool-event:${e.id}:returned:${reviewedAt.getTime()}`,
          to: creator.email,
        },
        m,
      ),
    ];
  }

  /** Tells the apprentice's agency that a sign-up waits for approval. */
  async askApproval(m: EntityManager, signup: ShiftSignupEntity): Promise<string[]> {
    const [info] = (await m.query(
      `SELECT u.name AS apprentice, e.title, x.starts_at FROM shift_signup s JOIN user_directory u ON u.id = s.user_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id WHERE s.id = $1`,
      [signup.id],
    )) as { apprentice: string; title: string; starts_at: Date }[];
    const leaders: Recipient[] = await m.query(
      `SELECT email, name, language FROM user_directory WHERE agency_id = $1 AND role = 'AGENCY_COORDINATOR'`,
      [signup.agencyId],
    );
    const purpose = `signup:${signup.id}:approve:${this.clock.ms()}`;
    return this.mail.recordMany(
      leaders.map((l) => ({
        ...approvalNeededMail(mailLanguage(l.language), {
          name: l.name,
          apprentice: info.apprentice,
          title: info.title,
          startsAt: info.starts_at,
          url: this.url('/arrangementer'),
        }),
        purpose,
        to: l.email,
      })),
      m,
    );
  }

  /** The apprentice is told whether their place was approved or declined. */
  async tellDecision(m: EntityManager, signupId: string, approved: boolean, note: string): Promise<string[]> {
    const [info] = (await m.query(
      `SELECT u.email, u.name, u.language, e.title, x.starts_at FROM shift_signup s JOIN user_directory u ON u.id = s.user_id JOIN event_shift x ON x.id = s.shift_id JOIN pooled_event e ON e.id = x.event_id WHERE s.id = $1`,
      [signupId],
    )) as (Recipient & { title: string; starts_at: Date })[];
    return [
      await this.mail.record(
        {
          ...decisionMail(mailLanguage(info.language), {
            name: info.name,
            title: info.title,
            startsAt: info.starts_at,
            approved,
            note,
            url: this.url('/mine-vakter'),
          }),
          purpose: `signup:${signupId}:${approved ? 'approved' : 'declined'}:${this.clock.ms()}`,
          to: info.email,
        },
        m,
      ),
    ];
  }
}
