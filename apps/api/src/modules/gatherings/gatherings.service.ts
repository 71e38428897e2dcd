import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import {
  ErrorCode,
  HolidayRule,
  networkCriteria,
  osloInstant,
  osloLocal,
  participationAsOf,
  proposeOccurrences,
  Role,
  ScheduledDate,
  scheduleDates,
  scheduleProblem,
} from '@laerenett/shared-domain';
import { canReadArea } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { ApprenticesService } from '../apprentices/apprentices.service';
import { NetworksService } from '../networks/networks.service';
import { CreateGatheringSeriesInput, GatheringScheduleInput, UpdateGatheringInput } from './dto/gathering.inputs';
import { GatheringAudience, GatheringSeriesEntity } from './entities/gathering-series.entity';
import { GatheringEntity, GatheringStatus } from './entities/gathering.entity';
import { GatheringActionEntity } from './entities/gathering-action.entity';
import { GatheringsException } from './gatherings.exception';
import { fanOutJob } from './jobs/fan-out.job';
import { GATHERING_PARTICIPANTS, HELD_GATHERINGS } from './read-model';
import { OutboxService } from '../queue/outbox.service';

const notFound = () => new GatheringsException(ErrorCode.NOT_FOUND, 'The gathering was not found, or you do not have access to it');
const invalid = (field: string, message: string) =>
  new GatheringsException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

const addMonths = (date: string, months: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

@Injectable()
export class GatheringsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly networks: NetworksService,
    private readonly apprentices: ApprenticesService,
    private readonly clock: Clock,
  ) {}

  /** Gatherings for an audience are run by the ministry coordinator and the leads of that network. */
  private async manageable(actor: Actor, areaId: string, audience: GatheringAudience): Promise<void> {
    if (!(await this.networks.canRunNetwork(actor, areaId, audience))) {
      if (!canReadArea(actor, areaId) && actor.areaId !== areaId)
        throw new GatheringsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
      throw new GatheringsException(ErrorCode.FORBIDDEN, "Only the network's leads and the ministry coordinator plan its gatherings");
    }
  }

  /** Who may see a gathering: the area's coordinators, and members of its audience. */
  canSee(actor: Actor, g: GatheringEntity): boolean {
    if (canReadArea(actor, g.areaId)) return true;
    if (actor.areaId !== g.areaId) return false;
    if (actor.role === Role.APPRENTICE) return g.audience !== GatheringAudience.STAFF;
    return true;
  }

  async get(actor: Actor, id: string): Promise<GatheringEntity> {
    const g = await this.ds.getRepository(GatheringEntity).findOne({ where: { id } });
    if (!g || !this.canSee(actor, g)) throw notFound();
    return g;
  }

  async list(actor: Actor, areaIdArg: string | undefined, from: string | undefined, includeCancelled: boolean): Promise<GatheringEntity[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(canReadArea(actor, areaId) || actor.areaId === areaId))
      throw new GatheringsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    // Planned gatherings not yet sent out are shown to those who plan them: per network.
    const leads = canReadArea(actor, areaId) ? null : await this.networks.leadKinds(actor, areaId);
    const qb = this.ds
      .getRepository(GatheringEntity)
      .createQueryBuilder('g')
      .where('g.area_id = :areaId', { areaId })
      .orderBy('g.starts_at', 'ASC')
      .take(500);
    if (from) qb.andWhere('g.starts_at >= :from', { from: osloInstant(from, '00:00') });
    if (!includeCancelled) qb.andWhere(`g.status <> 'CANCELLED'`);
    // Only the planners see plans that are not sent out yet.
    if (leads)
      qb.andWhere(
        `(g.status <> 'PLANNED' OR (g.audience = 'BOTH' AND cardinality(:leads::text[]) > 0) OR g.audience::text = ANY(:leads::text[]))`,
        { leads },
      );
    if (actor.role === Role.APPRENTICE) qb.andWhere(`g.audience <> 'STAFF'`);
    return qb.getMany();
  }

  /**
   * The dates a schedule gives from its first date (or today, if that is later) over its horizon,
   * each kept, moved or skipped by its holiday rule. What the preview shows is what is saved.
   */
  schedule(input: GatheringScheduleInput): {
    rule: { rrule: string; firstDate: string; startTime: string; endTime: string; holidayRule: HolidayRule };
    dates: ScheduledDate[];
  } {
    const rule = {
      rrule: input.rrule.trim(),
      firstDate: input.firstDate,
      startTime: input.startTime,
      endTime: input.endTime,
      holidayRule: input.holidayRule ?? HolidayRule.MOVE,
    };
    if (Number.isNaN(osloInstant(rule.firstDate, '12:00').getTime()))
      throw invalid('firstDate', 'The first date does not exist; choose a date in the calendar');
    const problem = scheduleProblem(rule);
    if (problem) throw invalid(/time|end/i.test(problem) ? 'endTime' : 'rrule', problem);
    const today = todayInOslo(this.clock.now());
    const from = rule.firstDate > today ? rule.firstDate : today;
    return { rule, dates: scheduleDates(rule, from, addMonths(from, input.horizonMonths), 60) };
  }

  async createSeries(actor: Actor, input: CreateGatheringSeriesInput): Promise<{ series: GatheringSeriesEntity; dates: ScheduledDate[] }> {
    const areaId = input.areaId ?? actor.areaId;
    if (!areaId) throw invalid('areaId', 'Choose the ministry area (areaId)');
    await this.manageable(actor, areaId, input.audience);
    const { rule, dates } = this.schedule(input);
    const held = dates.filter((d) => d.date && d.startsAt && d.endsAt);
    if (held.length === 0) {
      const why =
        rule.holidayRule === HolidayRule.SKIP
          ? 'every date falls on a holiday, a weekend, the Christmas holiday or July and is skipped'
          : 'every date falls in a week with no working day';
      throw invalid(
        'rrule',
        `The rule gives no gatherings in the coming ${input.horizonMonths} months: ${why}. Choose another rhythm or first date${rule.holidayRule === HolidayRule.SKIP ? ', or move such dates instead of skipping them' : ''}`,
      );
    }
    await this.networks.forArea(areaId);
    const series = await this.ds.transaction(async (m) => {
      const series = await m.save(
        m.create(GatheringSeriesEntity, { ...rule, areaId, audience: input.audience, title: input.title.trim(), createdById: actor.id }),
      );
      await m.insert(
        GatheringEntity,
        held.map((o) => ({
          areaId,
          seriesId: series.id,
          ruleDate: o.ruleDate,
          audience: input.audience,
          title: series.title,
          startsAt: o.startsAt as Date,
          endsAt: o.endsAt as Date,
        })),
      );
      return series;
    });
    return { series, dates };
  }

  async listSeries(actor: Actor, areaIdArg: string | undefined): Promise<GatheringSeriesEntity[]> {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(canReadArea(actor, areaId) || actor.areaId === areaId))
      throw new GatheringsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    return this.ds.getRepository(GatheringSeriesEntity).find({ where: { areaId }, order: { createdAt: 'ASC' } });
  }

  /** Pausing removes the series' future gatherings that are not sent out or changed by hand. */
  async pauseSeries(actor: Actor, id: string, paused: boolean): Promise<GatheringSeriesEntity> {
    const s = await this.ds.getRepository(GatheringSeriesEntity).findOne({ where: { id } });
    if (!s) throw new GatheringsException(ErrorCode.NOT_FOUND, 'The series was not found, or you do not have access to it');
    await this.manageable(actor, s.areaId, s.audience);
    await this.ds.transaction(async (m) => {
      await m.update(GatheringSeriesEntity, { id }, { paused });
      if (paused) {
        await m.delete(GatheringEntity, {
          seriesId: id,
          status: GatheringStatus.PLANNED,
          detached: false,
          startsAt: MoreThanOrEqual(this.clock.now()),
        });
      } else {
        const from = todayInOslo(this.clock.now());
        const proposed = proposeOccurrences(s, from, addMonths(from, 12), 60);
        if (proposed.length) {
          await m
            .createQueryBuilder()
            .insert()
            .into(GatheringEntity)
            .values(
              proposed.map((o) => ({
                areaId: s.areaId,
                seriesId: s.id,
                ruleDate: o.ruleDate,
                audience: s.audience,
                title: s.title,
                startsAt: o.startsAt,
                endsAt: o.endsAt,
              })),
            )
            .orIgnore()
            .execute();
        }
      }
    });
    return { ...s, paused };
  }

  async update(actor: Actor, id: string, input: UpdateGatheringInput): Promise<GatheringEntity> {
    const g = await this.get(actor, id);
    await this.manageable(actor, g.areaId, g.audience);
    if (g.status === GatheringStatus.CANCELLED)
      throw new GatheringsException(ErrorCode.CONFLICT, 'The gathering is cancelled; create a new one instead');
    const local = { start: osloLocal(g.startsAt), end: osloLocal(g.endsAt) };
    const date = input.date ?? local.start.date;
    const startTime = input.startTime ?? local.start.time;
    const endTime = input.endTime ?? local.end.time;
    if (endTime <= startTime) throw invalid('endTime', 'The gathering must end after it starts');
    const startsAt = osloInstant(date, startTime);
    const endsAt = osloInstant(date, endTime);
    if (Number.isNaN(startsAt.getTime())) throw invalid('date', 'The date does not exist');
    if (input.hostAgencyId) {
      const ok: unknown[] = await this.ds.query(`SELECT 1 FROM agency_directory WHERE id = $1 AND area_id = $2`, [
        input.hostAgencyId,
        g.areaId,
      ]);
      if (!ok.length) throw invalid('hostAgencyId', 'The host agency must be an agency of the area');
    }
    const next: Partial<GatheringEntity> = {
      title: input.title?.trim() ?? g.title,
      theme: input.theme?.trim() ?? g.theme,
      agenda: input.agenda ?? g.agenda,
      place: input.place?.trim() ?? g.place,
      videoUrl: input.videoUrl ?? g.videoUrl,
      hostAgencyId: input.hostAgencyId ?? g.hostAgencyId,
      capacity: input.capacity === undefined ? g.capacity : input.capacity || null,
      seatsPerAgency: input.seatsPerAgency === undefined ? g.seatsPerAgency : input.seatsPerAgency || null,
      minutes: input.minutes ?? g.minutes,
      startsAt,
      endsAt,
      detached: true,
    };
    // What invitees have in their calendars changed: send an update with a higher SEQUENCE.
    const invitationChanged =
      g.status === GatheringStatus.PUBLISHED &&
      (startsAt.getTime() !== g.startsAt.getTime() ||
        endsAt.getTime() !== g.endsAt.getTime() ||
        next.place !== g.place ||
        next.videoUrl !== g.videoUrl ||
        next.title !== g.title ||
        next.theme !== g.theme ||
        next.agenda !== g.agenda);
    if (invitationChanged) next.sequence = g.sequence + 1;
    const job = invitationChanged ? fanOutJob({ gatheringId: id, sequence: next.sequence as number, kind: 'update' }) : null;
    await this.ds.transaction(async (m) => {
      await m.update(GatheringEntity, { id }, next);
      if (job) await this.outbox.record(m, [job]);
    });
    if (job) await this.outbox.flush([job.jobId]);
    return this.ds.getRepository(GatheringEntity).findOneByOrFail({ id });
  }

  async publish(actor: Actor, id: string): Promise<GatheringEntity> {
    const g = await this.get(actor, id);
    await this.manageable(actor, g.areaId, g.audience);
    if (g.status !== GatheringStatus.PLANNED)
      throw new GatheringsException(
        ErrorCode.CONFLICT,
        g.status === GatheringStatus.PUBLISHED ? 'The gathering is already published' : 'The gathering is cancelled',
      );
    if (g.endsAt.getTime() < this.clock.ms())
      throw new GatheringsException(ErrorCode.VALIDATION_FAILED, 'The gathering is in the past; move it before publishing');
    const job = fanOutJob({ gatheringId: id, sequence: g.sequence, kind: 'invite' });
    const claimed = await this.ds.transaction(async (m) => {
      const r = await m.update(
        GatheringEntity,
        { id, status: GatheringStatus.PLANNED },
        { status: GatheringStatus.PUBLISHED, detached: true },
      );
      if (r.affected) await this.outbox.record(m, [job]);
      return !!r.affected;
    });
    if (claimed) await this.outbox.flush([job.jobId]);
    return this.ds.getRepository(GatheringEntity).findOneByOrFail({ id });
  }

  /** A gathering the actor plans (its network's leads, the ministry coordinator), or NOT_FOUND / FORBIDDEN. */
  async getManageable(actor: Actor, id: string): Promise<GatheringEntity> {
    const g = await this.get(actor, id);
    await this.manageable(actor, g.areaId, g.audience);
    return g;
  }

  async cancel(actor: Actor, id: string): Promise<GatheringEntity> {
    const g = await this.get(actor, id);
    await this.manageable(actor, g.areaId, g.audience);
    if (g.status === GatheringStatus.CANCELLED) return g;
    const wasPublished = g.status === GatheringStatus.PUBLISHED;
    const job = wasPublished ? fanOutJob({ gatheringId: id, sequence: g.sequence + 1, kind: 'cancel' }) : null;
    await this.ds.transaction(async (m) => {
      await m.update(GatheringEntity, { id }, { status: GatheringStatus.CANCELLED, sequence: g.sequence + 1, detached: true });
      if (job) await this.outbox.record(m, [job]);
    });
    if (job) await this.outbox.flush([job.jobId]);
    return this.ds.getRepository(GatheringEntity).findOneByOrFail({ id });
  }

  /**
   * The action plan's network criteria for the area's year, by the same rules as the plan and the
   * December summary: the gatherings held by `participationAsOf(year, today)` (held_gatherings),
   * the agencies that took part in them (gathering_participants: checked in, or said yes where
   * nobody was checked in), and the agencies with apprentices under contract on that same day.
   */
  async criteria(actor: Actor, areaIdArg: string | undefined, year: number) {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId || !(canReadArea(actor, areaId) || actor.areaId === areaId))
      throw new GatheringsException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
    const asOf = participationAsOf(year, todayInOslo(this.clock.now()));
    const [held, participants, agenciesWithApprentices] = await Promise.all([
      this.ds.query(`SELECT id, day::text AS day FROM ${HELD_GATHERINGS}($1::uuid, $2::int, $3::date) ORDER BY day`, [
        areaId,
        year,
        asOf,
      ]) as Promise<{ id: string; day: string }[]>,
      this.ds.query(
        `SELECT DISTINCT gathering_id, agency_id FROM ${GATHERING_PARTICIPANTS}($1::uuid, $2::int, $3::date) WHERE agency_id IS NOT NULL`,
        [areaId, year, asOf],
      ) as Promise<{ gathering_id: string; agency_id: string }[]>,
      this.apprentices.agenciesWithApprenticesOn(areaId, asOf),
    ]);
    return networkCriteria({
      year,
      gatherings: held.map((g) => ({
        date: g.day,
        participantAgencyIds: participants.filter((p) => p.gathering_id === g.id).map((p) => p.agency_id),
      })),
      agenciesWithApprentices,
      asOf,
    });
  }

  async actions(actor: Actor, gatheringId: string): Promise<GatheringActionEntity[]> {
    await this.get(actor, gatheringId);
    return this.ds.getRepository(GatheringActionEntity).find({ where: { gatheringId }, order: { createdAt: 'ASC' } });
  }

  async addAction(
    actor: Actor,
    gatheringId: string,
    input: { text: string; owner: string; dueDate?: string | null },
  ): Promise<GatheringActionEntity> {
    const g = await this.get(actor, gatheringId);
    await this.manageable(actor, g.areaId, g.audience);
    return this.ds
      .getRepository(GatheringActionEntity)
      .save({ gatheringId, text: input.text.trim(), owner: input.owner.trim(), dueDate: input.dueDate ?? null });
  }

  async setActionDone(actor: Actor, id: string, done: boolean): Promise<GatheringActionEntity> {
    const a = await this.ds.getRepository(GatheringActionEntity).findOne({ where: { id } });
    if (!a) throw new GatheringsException(ErrorCode.NOT_FOUND, 'The action was not found, or you do not have access to it');
    const g = await this.get(actor, a.gatheringId);
    await this.manageable(actor, g.areaId, g.audience);
    await this.ds.getRepository(GatheringActionEntity).update({ id }, { done });
    return { ...a, done };
  }
}
