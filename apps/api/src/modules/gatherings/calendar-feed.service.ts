import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { newToken, sha256 } from '../../common/tokens';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { GatheringsException } from './gatherings.exception';
import { gatheringIcs } from './utils/ics.util';

/**
 * Each member's private, subscribable calendar of their gatherings. The URL carries a secret
 * (only its hash is stored); making a new one or revoking stops the old URL at once.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor): Promise<{ url: string; createdAt: Date }> {
    const token = newToken();
    await this.ds.query(
      `INSERT INTO calendar_feed (user_id, token_hash) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [actor.id, sha256(token)],
    );
    const f = await this.ds.getRepository(CalendarFeedEntity).findOneByOrFail({ userId: actor.id });
    return { url: `${this.config.app.publicUrl}/api/calendar/${token}.ics`, createdAt: f.createdAt };
  }

  async revoke(actor: Actor): Promise<boolean> {
    await this.ds.query(`DELETE FROM calendar_feed WHERE user_id = $1`, [actor.id]);
    return true;
  }

  status(actor: Actor) {
    return this.ds.getRepository(CalendarFeedEntity).findOne({ where: { userId: actor.id } });
  }

  /** The feed: gatherings sent out to the person (or cancelled) from three months back to a year ahead. */
  async feed(token: string): Promise<string> {
    const rows: { id: string; role: Role; area_id: string | null }[] =
      typeof token === 'string' && token.length >= 20 && token.length <= 200
        ? await this.ds.query(
            `SELECT u.id, u.role, u.area_id FROM calendar_feed f JOIN user_directory u ON u.id = f.user_id WHERE f.token_hash = $1`,
            [sha256(token)],
          )
        : [];
    const user = rows[0];
    if (!user || !user.area_id)
      throw new GatheringsException(
        ErrorCode.NOT_FOUND,
        'This calendar address is not valid (it may have been replaced or revoked); make a new one in Lærenett',
      );
    const now = this.clock.now();
    const gatherings: {
      id: string;
      sequence: number;
      status: string;
      title: string;
      theme: string;
      agenda: string;
      place: string;
      video_url: string;
      starts_at: Date;
      ends_at: Date;
    }[] = await this.ds.query(
      `SELECT g.id, g.sequence, g.status, g.title, g.theme, g.agenda, g.place, g.video_url, g.starts_at, g.ends_at FROM gathering g
        WHERE g.area_id = $1 AND g.status IN ('PUBLISHED', 'CANCELLED') AND ($2 <> 'APPRENTICE' OR g.audience <> 'STAFF')
          AND g.starts_at BETWEEN $3::timestamptz - interval '3 months' AND $3::timestamptz + interval '12 months'
        ORDER BY g.starts_at`,
      [user.area_id, user.role, now],
    );
    return gatheringIcs(
      gatherings.map((g) => ({
        id: g.id,
        sequence: g.sequence,
        cancelled: g.status === 'CANCELLED',
        title: g.title,
        description: [g.theme, g.agenda].filter(Boolean).join('\n\n'),
        location: g.place || g.video_url,
        url: `${this.config.app.publicUrl}/samlinger`,
        startsAt: new Date(g.starts_at),
        endsAt: new Date(g.ends_at),
      })),
      { method: 'PUBLISH', organizer: { name: 'Lærenett', email: 'noreply@laerenett.no' }, name: 'Lærenett – nettverkssamlinger' },
      now,
    );
  }
}
