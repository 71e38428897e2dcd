import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import { canGivePoolFeedback, isAdmin } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { PooledEventEntity } from './entities/pooled-event.entity';
import { PoolEventModel, PoolRecordEntryModel, PoolRecordModel } from './models/pooling.models';
import { PoolEventsService } from './pool-events.service';
import { PoolHelpersService } from './pool-helpers.service';
import { conflict, PoolingException } from './pooling.exception';

/** What the pool keeps afterwards: the host's feedback on an event, and each apprentice's record of pool work. */
@Injectable()
export class PoolRecordsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: PoolEventsService,
    private readonly helpers: PoolHelpersService,
    private readonly clock: Clock,
  ) {}

  async setFeedback(actor: Actor, eventId: string, feedback: string): Promise<PoolEventModel> {
    const e = await this.events.findManaged(actor, eventId, 'Only the agency holding the event, or the ministry, gives feedback on it');
    const [{ first }] = (await this.ds.query(`SELECT min(starts_at) AS first FROM event_shift WHERE event_id = $1`, [e.id])) as {
      first: Date | null;
    }[];
    if (!canGivePoolFeedback(actor, e, first, this.clock.ms()))
      throw conflict('NOT_HELD', 'Feedback is written once the event is in the pool and its first shift has begun');
    await this.ds.getRepository(PooledEventEntity).update({ id: e.id }, { feedback: feedback.trim() });
    return this.events.event(actor, e.id);
  }

  /**
   * The shifts an apprentice was present at, with hours and competence goals (the help given, as
   * pooling publishes it in `pool_help_given`): theirs, their agency's, or an admin's to see.
   */
  async record(actor: Actor, userIdArg?: string): Promise<PoolRecordModel> {
    const userId = userIdArg ?? actor.id;
    const u = await this.helpers.apprentice(this.ds.manager, userId);
    const allowed =
      u && (actor.id === userId || isAdmin(actor) || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === u.agency_id));
    if (!u || !allowed)
      throw new PoolingException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to their record');
    const entries: PoolRecordEntryModel[] = await this.ds.query(
      `SELECT h.event_title AS "eventTitle", a.name AS "agencyName", x.starts_at AS "startsAt", x.ends_at AS "endsAt", x.tasks,
              h.hours::float AS hours, x.competence_goals AS "competenceGoals"
         FROM pool_help_given h JOIN shift_signup s ON s.id = h.signup_id JOIN event_shift x ON x.id = s.shift_id
         JOIN agency_directory a ON a.id = h.host_agency_id
        WHERE h.user_id = $1
        ORDER BY x.starts_at`,
      [userId],
    );
    return { userId, name: u.name, totalHours: Math.round(entries.reduce((t, e) => t + e.hours, 0) * 100) / 100, entries };
  }
}
