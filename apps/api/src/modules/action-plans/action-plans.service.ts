import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CriterionKind,
  englishAfterEdit,
  ErrorCode,
  evaluateCriterion,
  isIsoDate,
  MEASURE_TEXTS,
  MeasureStatus,
  milestoneStatus,
  PlanFacts,
  Role,
  subGoalsEnglishAfterEdit,
} from '@laerenett/shared-domain';
import { areaWork } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { ActionPlansException } from './action-plans.exception';
import {
  AddCriterionInput,
  AddMeasureInput,
  AddMilestoneInput,
  CheckCriterionInput,
  CreateActionPlanInput,
  MeasureFieldsInput,
  PlanSource,
  RecordBilateralMeetingInput,
  UpdateActionPlanInput,
  UpdateMeasureInput,
  UpdateMilestoneInput,
} from './dto/action-plan.inputs';
import { ActionPlanEntity } from './entities/action-plan.entity';
import { BilateralMeetingEntity } from './entities/bilateral-meeting.entity';
import { PlanCriterionEntity } from './entities/plan-criterion.entity';
import { PlanMeasureEntity } from './entities/plan-measure.entity';
import { PlanMilestoneEntity } from './entities/plan-milestone.entity';
import { ActionPlanModel, PlanMeasureModel, PlanPersonModel } from './models/action-plan.models';
import { datedTemplateMeasures, PILOT_PLAN_TEMPLATE, PlanMeasureTexts, templatePlanHead } from './templates/pilot-plan.template';

const areaNotFound = () =>
  new ActionPlansException(ErrorCode.NOT_FOUND, 'The ministry area was not found, or you do not have access to it');
const planNotFound = () => new ActionPlansException(ErrorCode.NOT_FOUND, 'The action plan was not found, or you do not have access to it');
const invalid = (field: string, message: string) =>
  new ActionPlansException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

/** A date that exists in the calendar (the pattern alone lets 2026-02-30 through). */
function realDate(field: string, value: string): string {
  if (!isIsoDate(value)) throw invalid(field, `${value} is not a date in the calendar`);
  return value;
}

/** The same day a number of years later; 29 February becomes 28 February. */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d, 12));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

type Access = 'manage' | 'read';

/** A measure's texts, each Norwegian text with its English. */
const measureTexts = (m: PlanMeasureEntity): PlanMeasureTexts =>
  Object.fromEntries(
    MEASURE_TEXTS.flatMap((k) => [
      [k, m[k]],
      [`${k}En`, m[`${k}En`]],
    ]),
  ) as PlanMeasureTexts;

/** A new plan's goals, each text with its English where there is one. */
type PlanHead = Pick<ActionPlanEntity, 'mainGoal' | 'mainGoalEn' | 'mainGoalDetail' | 'mainGoalDetailEn' | 'subGoals' | 'subGoalsEn'>;

interface MeasureSeed {
  fields: PlanMeasureTexts & { status: MeasureStatus };
  ownerIds: string[];
  milestones: { title: string; titleEn: string | null; dueDate: string }[];
  criteria: { kind: CriterionKind; label: string; labelEn: string | null; dueDate: string | null; threshold: number | null }[];
}

@Injectable()
export class ActionPlansService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The ministry coordinator of the area (and admins) manage the plan; the area's agency coordinators read it. */
  access(actor: Actor, areaId: string): Access {
    const work = areaWork(actor, areaId);
    if (!work) throw areaNotFound();
    return work;
  }

  private manage(actor: Actor, areaId: string): void {
    if (this.access(actor, areaId) !== 'manage')
      throw new ActionPlansException(
        ErrorCode.FORBIDDEN,
        "Only the ministry area's coordinator can change the action plan; agencies can read it",
      );
  }

  private areaOf(actor: Actor, areaIdArg: string | undefined): string {
    const areaId = areaIdArg ?? actor.areaId;
    if (!areaId) throw invalid('areaId', 'Choose a ministry area');
    return areaId;
  }

  async years(actor: Actor, areaIdArg?: string): Promise<number[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.access(actor, areaId);
    const rows = await this.ds.getRepository(ActionPlanEntity).find({ where: { areaId }, select: { year: true }, order: { year: 'DESC' } });
    return rows.map((r) => r.year);
  }

  async plan(actor: Actor, areaIdArg: string | undefined, year: number): Promise<ActionPlanModel | null> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.access(actor, areaId);
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { areaId, year } });
    return plan ? this.assemble(actor, plan) : null;
  }

  async planById(actor: Actor, id: string): Promise<ActionPlanModel> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { id } });
    if (!plan) throw planNotFound();
    try {
      this.access(actor, plan.areaId);
    } catch {
      throw planNotFound();
    }
    return this.assemble(actor, plan);
  }

  /** People who can own a measure: the area's ministry and agency coordinators. */
  async ownerCandidates(actor: Actor, areaIdArg?: string): Promise<PlanPersonModel[]> {
    const areaId = this.areaOf(actor, areaIdArg);
    this.access(actor, areaId);
    return this.ds.query(
      `SELECT u.id, u.name, a.name AS "agencyName" FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id
        WHERE u.area_id = $1 AND u.role IN ('MINISTRY_COORDINATOR', 'AGENCY_COORDINATOR')
        ORDER BY u.role DESC, u.name`,
      [areaId],
    );
  }

  async create(actor: Actor, input: CreateActionPlanInput): Promise<ActionPlanModel> {
    const areaId = this.areaOf(actor, input.areaId);
    this.manage(actor, areaId);
    const area: { name: string }[] = await this.ds.query(`SELECT name FROM ministry_area WHERE id = $1`, [areaId]);
    if (!area.length) throw areaNotFound();
    const id = await this.ds.transaction(async (m) => {
      // Serialise the creation of one area's plans so a double click cannot make two.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('action_plan:' || $1::text))`, [areaId]);
      if (await m.getRepository(ActionPlanEntity).exists({ where: { areaId, year: input.year } }))
        throw new ActionPlansException(ErrorCode.CONFLICT, `There is already an action plan for ${input.year}; open it instead`);
      let head: PlanHead;
      let measures: MeasureSeed[];
      const owners = actor.role === Role.MINISTRY_COORDINATOR ? [actor.id] : [];
      if (input.source === PlanSource.PREVIOUS_YEAR) {
        const prev = await m.getRepository(ActionPlanEntity).findOne({ where: { areaId, year: input.year - 1 } });
        if (!prev) throw invalid('source', `There is no plan for ${input.year - 1} to start from; start from the template instead`);
        const { mainGoal, mainGoalEn, mainGoalDetail, mainGoalDetailEn, subGoals, subGoalsEn } = prev;
        head = { mainGoal, mainGoalEn, mainGoalDetail, mainGoalDetailEn, subGoals, subGoalsEn };
        measures = await this.copyMeasures(m, prev.id, input.year - prev.year);
      } else if (input.source === PlanSource.TEMPLATE) {
        const t = PILOT_PLAN_TEMPLATE;
        head = templatePlanHead(t);
        measures = datedTemplateMeasures(t, input.year).map(({ fields, ...dated }) => ({
          fields: { ...fields, status: MeasureStatus.PLANNED },
          ownerIds: owners,
          ...dated,
        }));
      } else {
        const { mainGoal, mainGoalEn } = templatePlanHead(PILOT_PLAN_TEMPLATE);
        head = { mainGoal, mainGoalEn, mainGoalDetail: '', mainGoalDetailEn: null, subGoals: [], subGoalsEn: null };
        measures = [];
      }
      const plan = await m.getRepository(ActionPlanEntity).save({ areaId, year: input.year, ...head, createdByUserId: actor.id });
      let position = 0;
      for (const s of measures) {
        const measure = await m.getRepository(PlanMeasureEntity).save({ planId: plan.id, position: ++position, ...s.fields });
        if (s.ownerIds.length) await m.createQueryBuilder().relation(PlanMeasureEntity, 'owners').of(measure.id).add(s.ownerIds);
        if (s.milestones.length)
          await m.getRepository(PlanMilestoneEntity).insert(s.milestones.map((x) => ({ measureId: measure.id, ...x, doneAt: null })));
        if (s.criteria.length)
          await m.getRepository(PlanCriterionEntity).insert(s.criteria.map((c, i) => ({ measureId: measure.id, position: i + 1, ...c })));
      }
      return plan.id;
    });
    return this.planById(actor, id);
  }

  private async copyMeasures(m: EntityManager, planId: string, years: number): Promise<MeasureSeed[]> {
    const measures = await m
      .getRepository(PlanMeasureEntity)
      .find({ where: { planId }, relations: { owners: true }, order: { position: 'ASC' } });
    const live = measures.filter((x) => x.status !== MeasureStatus.DROPPED);
    const ids = live.map((x) => x.id);
    const milestones = ids.length
      ? await m.getRepository(PlanMilestoneEntity).find({ where: { measureId: In(ids) }, order: { dueDate: 'ASC' } })
      : [];
    const criteria = ids.length
      ? await m.getRepository(PlanCriterionEntity).find({ where: { measureId: In(ids) }, order: { position: 'ASC' } })
      : [];
    return live.map((x) => ({
      fields: { ...measureTexts(x), status: MeasureStatus.PLANNED },
      ownerIds: (x.owners ?? []).map((o) => o.id),
      milestones: milestones
        .filter((ms) => ms.measureId === x.id)
        .map((ms) => ({ title: ms.title, titleEn: ms.titleEn, dueDate: shiftYears(ms.dueDate, years) })),
      criteria: criteria
        .filter((c) => c.measureId === x.id)
        .map((c) => ({
          kind: c.kind,
          label: c.label,
          labelEn: c.labelEn,
          dueDate: c.dueDate ? shiftYears(c.dueDate, years) : null,
          threshold: c.threshold,
        })),
    }));
  }

  private async planFor(actor: Actor, planId: string): Promise<ActionPlanEntity> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { id: planId } });
    if (!plan) throw planNotFound();
    try {
      this.access(actor, plan.areaId);
    } catch {
      throw planNotFound();
    }
    this.manage(actor, plan.areaId);
    return plan;
  }

  private async measureFor(actor: Actor, measureId: string): Promise<{ measure: PlanMeasureEntity; plan: ActionPlanEntity }> {
    const measure = await this.ds.getRepository(PlanMeasureEntity).findOne({ where: { id: measureId } });
    if (!measure) throw new ActionPlansException(ErrorCode.NOT_FOUND, 'The measure was not found, or you do not have access to it');
    return { measure, plan: await this.planFor(actor, measure.planId) };
  }

  async update(actor: Actor, input: UpdateActionPlanInput): Promise<ActionPlanModel> {
    const plan = await this.planFor(actor, input.planId);
    const patch: Partial<ActionPlanEntity> = {};
    if (input.mainGoal !== undefined) patch.mainGoal = input.mainGoal.trim();
    if (input.mainGoalDetail !== undefined) patch.mainGoalDetail = input.mainGoalDetail.trim();
    if (input.subGoals !== undefined) patch.subGoals = input.subGoals.map((s) => s.trim()).filter((s) => s.length > 0);
    // An edited Norwegian text has lost its English: the English reader sees the edited text, not a stale translation.
    Object.assign(patch, englishAfterEdit(['mainGoal', 'mainGoalDetail'] as const, plan, patch));
    if (patch.subGoals) patch.subGoalsEn = subGoalsEnglishAfterEdit(plan.subGoals, plan.subGoalsEn, patch.subGoals);
    if (Object.keys(patch).length) await this.ds.getRepository(ActionPlanEntity).update({ id: plan.id }, patch);
    return this.planById(actor, plan.id);
  }

  private async checkOwners(m: EntityManager, areaId: string, ownerIds: string[]): Promise<string[]> {
    const unique = [...new Set(ownerIds.map((x) => x.toLowerCase()))];
    if (!unique.length) return unique;
    const found: { id: string }[] = await m.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND area_id = $2 AND role IN ('MINISTRY_COORDINATOR', 'AGENCY_COORDINATOR')`,
      [unique, areaId],
    );
    if (found.length !== unique.length)
      throw invalid('ownerIds', "An owner must be a coordinator in the ministry area's ministry or one of its agencies");
    return unique;
  }

  private measurePatch(input: MeasureFieldsInput): Partial<PlanMeasureEntity> {
    const patch: Partial<PlanMeasureEntity> = {};
    for (const k of MEASURE_TEXTS) {
      if (input[k] !== undefined) patch[k] = input[k].trim();
    }
    if (input.title !== undefined && patch.title!.length < 2) throw invalid('title', 'The title must be 2–200 characters');
    if (input.status !== undefined) patch.status = input.status;
    return patch;
  }

  async addMeasure(actor: Actor, input: AddMeasureInput): Promise<ActionPlanModel> {
    const plan = await this.planFor(actor, input.planId);
    const patch = this.measurePatch(input);
    await this.ds.transaction(async (m) => {
      const owners = await this.checkOwners(m, plan.areaId, input.ownerIds ?? []);
      const [{ next }] = await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM plan_measure WHERE plan_id = $1`, [plan.id]);
      const measure = await m.getRepository(PlanMeasureEntity).save({ planId: plan.id, position: Number(next), ...patch });
      if (owners.length) await m.createQueryBuilder().relation(PlanMeasureEntity, 'owners').of(measure.id).add(owners);
    });
    return this.planById(actor, plan.id);
  }

  async updateMeasure(actor: Actor, input: UpdateMeasureInput): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, input.measureId);
    const patch = this.measurePatch(input);
    // A Norwegian text that changed has lost its English: the English reader sees the edited text, not a stale translation.
    Object.assign(patch, englishAfterEdit(MEASURE_TEXTS, measure, patch));
    await this.ds.transaction(async (m) => {
      if (Object.keys(patch).length) await m.getRepository(PlanMeasureEntity).update({ id: measure.id }, patch);
      if (input.ownerIds !== undefined) {
        const owners = await this.checkOwners(m, plan.areaId, input.ownerIds);
        await m.query(`DELETE FROM plan_measure_owner WHERE measure_id = $1`, [measure.id]);
        if (owners.length) await m.createQueryBuilder().relation(PlanMeasureEntity, 'owners').of(measure.id).add(owners);
      }
    });
    return this.planById(actor, plan.id);
  }

  async deleteMeasure(actor: Actor, measureId: string): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, measureId);
    await this.ds.getRepository(PlanMeasureEntity).delete({ id: measure.id });
    return this.planById(actor, plan.id);
  }

  private checkPlanDate(field: string, date: string, plan: ActionPlanEntity): string {
    realDate(field, date);
    const year = Number(date.slice(0, 4));
    if (year < plan.year - 1 || year > plan.year + 1)
      throw invalid(field, `The date must fall in ${plan.year} (or the year before or after)`);
    return date;
  }

  async addMilestone(actor: Actor, input: AddMilestoneInput): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, input.measureId);
    await this.ds.getRepository(PlanMilestoneEntity).insert({
      measureId: measure.id,
      title: input.title.trim(),
      dueDate: this.checkPlanDate('dueDate', input.dueDate, plan),
      doneAt: null,
    });
    return this.planById(actor, plan.id);
  }

  private async milestoneFor(actor: Actor, id: string) {
    const milestone = await this.ds.getRepository(PlanMilestoneEntity).findOne({ where: { id } });
    if (!milestone) throw new ActionPlansException(ErrorCode.NOT_FOUND, 'The milestone was not found, or you do not have access to it');
    return { milestone, ...(await this.measureFor(actor, milestone.measureId)) };
  }

  async updateMilestone(actor: Actor, input: UpdateMilestoneInput): Promise<ActionPlanModel> {
    const { milestone, plan } = await this.milestoneFor(actor, input.milestoneId);
    const patch: Partial<PlanMilestoneEntity> = {};
    if (input.title !== undefined) patch.title = input.title.trim();
    Object.assign(patch, englishAfterEdit(['title'] as const, milestone, patch));
    if (input.dueDate !== undefined) patch.dueDate = this.checkPlanDate('dueDate', input.dueDate, plan);
    if (input.done !== undefined) patch.doneAt = input.done ? (milestone.doneAt ?? new Date()) : null;
    if (Object.keys(patch).length) await this.ds.getRepository(PlanMilestoneEntity).update({ id: milestone.id }, patch);
    return this.planById(actor, plan.id);
  }

  async deleteMilestone(actor: Actor, id: string): Promise<ActionPlanModel> {
    const { milestone, plan } = await this.milestoneFor(actor, id);
    await this.ds.getRepository(PlanMilestoneEntity).delete({ id: milestone.id });
    return this.planById(actor, plan.id);
  }

  async addCriterion(actor: Actor, input: AddCriterionInput): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, input.measureId);
    const dueDate = input.dueDate ? this.checkPlanDate('dueDate', input.dueDate, plan) : null;
    await this.ds.transaction(async (m) => {
      const [{ next }] = await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM plan_criterion WHERE measure_id = $1`, [
        measure.id,
      ]);
      await m.getRepository(PlanCriterionEntity).insert({
        measureId: measure.id,
        position: Number(next),
        kind: input.kind,
        label: input.label.trim(),
        dueDate,
        threshold: input.kind === CriterionKind.GATHERINGS_HELD ? (input.threshold ?? 3) : null,
      });
    });
    return this.planById(actor, plan.id);
  }

  private async criterionFor(actor: Actor, id: string) {
    const criterion = await this.ds.getRepository(PlanCriterionEntity).findOne({ where: { id } });
    if (!criterion) throw new ActionPlansException(ErrorCode.NOT_FOUND, 'The criterion was not found, or you do not have access to it');
    return { criterion, ...(await this.measureFor(actor, criterion.measureId)) };
  }

  async checkCriterion(actor: Actor, input: CheckCriterionInput): Promise<ActionPlanModel> {
    const { criterion, plan } = await this.criterionFor(actor, input.criterionId);
    if (criterion.kind !== CriterionKind.MANUAL)
      throw invalid('criterionId', "This criterion is computed from the platform's data and cannot be ticked by hand");
    await this.ds.getRepository(PlanCriterionEntity).update(
      { id: criterion.id },
      {
        checked: input.checked,
        comment: input.comment.trim(),
        checkedByUserId: input.checked ? actor.id : null,
        checkedAt: input.checked ? new Date() : null,
      },
    );
    return this.planById(actor, plan.id);
  }

  async deleteCriterion(actor: Actor, id: string): Promise<ActionPlanModel> {
    const { criterion, plan } = await this.criterionFor(actor, id);
    await this.ds.getRepository(PlanCriterionEntity).delete({ id: criterion.id });
    return this.planById(actor, plan.id);
  }

  async recordMeeting(actor: Actor, input: RecordBilateralMeetingInput): Promise<ActionPlanModel> {
    const plan = await this.planFor(actor, input.planId);
    const agency: { id: string; is_ministry: boolean }[] = await this.ds.query(
      `SELECT id, is_ministry FROM agency WHERE id = $1 AND area_id = $2`,
      [input.agencyId, plan.areaId],
    );
    if (!agency.length) throw invalid('agencyId', 'Choose one of the agencies of the ministry area');
    if (agency[0].is_ministry)
      throw invalid('agencyId', 'Bilateral meetings are with the agencies under the ministry, not the ministry itself');
    const heldOn = this.checkPlanDate('heldOn', input.heldOn, plan);
    if (heldOn > todayInOslo()) throw invalid('heldOn', 'Record the meeting once it has been held: the date is in the future');
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(BilateralMeetingEntity)
      .values({
        planId: plan.id,
        agencyId: input.agencyId,
        heldOn,
        participants: input.participants.trim(),
        notes: input.notes.trim(),
        targetSet: input.targetSet ?? null,
        helpRequested: input.helpRequested.trim(),
        recordedByUserId: actor.id,
      })
      .orUpdate(
        ['held_on', 'participants', 'notes', 'target_set', 'help_requested', 'recorded_by_user_id', 'updated_at'],
        ['plan_id', 'agency_id'],
      )
      .execute();
    return this.planById(actor, plan.id);
  }

  async deleteMeeting(actor: Actor, id: string): Promise<ActionPlanModel> {
    const meeting = await this.ds.getRepository(BilateralMeetingEntity).findOne({ where: { id } });
    if (!meeting) throw new ActionPlansException(ErrorCode.NOT_FOUND, 'The meeting was not found, or you do not have access to it');
    const plan = await this.planFor(actor, meeting.planId);
    await this.ds.getRepository(BilateralMeetingEntity).delete({ id });
    return this.planById(actor, plan.id);
  }

  /** What the platform knows for the plan's area and year: one query per source, for all the criteria. */
  async facts(plan: ActionPlanEntity, today = todayInOslo()): Promise<PlanFacts> {
    const asOf = today < `${plan.year}-12-31` ? today : `${plan.year}-12-31`;
    const [agencies, meetings, targets, gatherings] = await Promise.all([
      this.ds.query(
        `SELECT a.id, a.name, a.is_ministry AS "isMinistry",
                EXISTS (SELECT 1 FROM apprentice p WHERE p.agency_id = a.id AND p.contract_start <= $2::date AND LEAST(p.ended_on, p.contract_end) >= $2::date) AS "hasApprentices"
           FROM agency a WHERE a.area_id = $1 ORDER BY a.name`,
        [plan.areaId, asOf],
      ) as Promise<PlanFacts['agencies']>,
      this.ds.query(`SELECT agency_id AS "agencyId", held_on::text AS "heldOn" FROM bilateral_meeting WHERE plan_id = $1`, [
        plan.id,
      ]) as Promise<PlanFacts['meetings']>,
      this.ds.query(`SELECT t.agency_id FROM target t JOIN agency a ON a.id = t.agency_id WHERE a.area_id = $1 AND t.year = $2`, [
        plan.areaId,
        plan.year,
      ]) as Promise<{ agency_id: string }[]>,
      // Who took part: those checked in, or, where nobody was checked in, those who said yes.
      this.ds.query(
        `SELECT to_char(g.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS date,
                coalesce(array_agg(DISTINCT r.agency_id) FILTER (WHERE r.agency_id IS NOT NULL AND (r.checked_in_at IS NOT NULL OR (NOT g.any_check_in AND r.state = 'YES'))), '{}') AS "participantAgencyIds"
           FROM (SELECT g.*, EXISTS (SELECT 1 FROM gathering_rsvp x WHERE x.gathering_id = g.id AND x.checked_in_at IS NOT NULL) AS any_check_in
                   FROM gathering g
                  WHERE g.area_id = $1 AND g.status = 'PUBLISHED'
                    AND g.starts_at >= make_timestamptz($2, 1, 1, 0, 0, 0, 'Europe/Oslo') AND g.starts_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')) g
           LEFT JOIN gathering_rsvp r ON r.gathering_id = g.id
          GROUP BY g.id, g.starts_at`,
        [plan.areaId, plan.year],
      ) as Promise<PlanFacts['gatherings']>,
    ]);
    return {
      year: plan.year,
      today,
      agencies,
      meetings,
      agenciesWithTarget: targets.map((t) => t.agency_id),
      gatherings,
      agenciesWithPooledEvents: await this.pooledEventAgencies(plan),
    };
  }

  /** Agencies that reported events to the pool in the year; null until the area has used the pool at all. */
  private async pooledEventAgencies(plan: ActionPlanEntity): Promise<string[] | null> {
    const rows: { agency_id: string; in_year: boolean }[] = await this.ds.query(
      `SELECT agency_id, bool_or(starts_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)) AS in_year
         FROM pooled_event WHERE area_id = $1 AND status <> 'CANCELLED' GROUP BY agency_id`,
      [plan.areaId, plan.year],
    );
    return rows.length ? rows.filter((r) => r.in_year).map((r) => r.agency_id) : null;
  }

  private async assemble(actor: Actor, plan: ActionPlanEntity): Promise<ActionPlanModel> {
    const canEdit = this.access(actor, plan.areaId) === 'manage';
    const today = todayInOslo();
    const measures = await this.ds
      .getRepository(PlanMeasureEntity)
      .find({ where: { planId: plan.id }, order: { position: 'ASC', createdAt: 'ASC' } });
    const ids = measures.map((m) => m.id);
    const [owners, milestones, criteria, meetings, agencies, area, facts] = await Promise.all([
      ids.length
        ? (this.ds.query(
            `SELECT o.measure_id, u.id, u.name, a.name AS "agencyName" FROM plan_measure_owner o JOIN app_user u ON u.id = o.user_id LEFT JOIN agency a ON a.id = u.agency_id
              WHERE o.measure_id = ANY($1::uuid[]) ORDER BY u.name`,
            [ids],
          ) as Promise<(PlanPersonModel & { measure_id: string })[]>)
        : Promise.resolve([]),
      ids.length
        ? this.ds.getRepository(PlanMilestoneEntity).find({ where: { measureId: In(ids) }, order: { dueDate: 'ASC', title: 'ASC' } })
        : Promise.resolve([]),
      ids.length
        ? (this.ds.query(
            `SELECT c.*, c.due_date::text AS due, u.name AS checked_by_name FROM plan_criterion c LEFT JOIN app_user u ON u.id = c.checked_by_user_id
              WHERE c.measure_id = ANY($1::uuid[]) ORDER BY c.position, c.label`,
            [ids],
          ) as Promise<Record<string, unknown>[]>)
        : Promise.resolve([]),
      this.ds.getRepository(BilateralMeetingEntity).find({ where: { planId: plan.id } }),
      this.ds.query(`SELECT id, name FROM agency WHERE area_id = $1 AND NOT is_ministry ORDER BY name`, [plan.areaId]) as Promise<
        { id: string; name: string }[]
      >,
      this.ds.query(`SELECT name FROM ministry_area WHERE id = $1`, [plan.areaId]) as Promise<{ name: string }[]>,
      this.facts(plan, today),
    ]);
    const byAgency = new Map(meetings.map((m) => [m.agencyId, m]));
    const seesDetails = (agencyId: string) => canEdit || (actor.role === Role.AGENCY_COORDINATOR && actor.agencyId === agencyId);
    return {
      id: plan.id,
      areaId: plan.areaId,
      areaName: area[0]?.name ?? '',
      year: plan.year,
      mainGoal: plan.mainGoal,
      mainGoalDetail: plan.mainGoalDetail,
      subGoals: plan.subGoals,
      mainGoalEn: plan.mainGoalEn,
      mainGoalDetailEn: plan.mainGoalDetailEn,
      subGoalsEn: plan.subGoalsEn,
      canEdit,
      updatedAt: plan.updatedAt,
      measures: measures.map((m): PlanMeasureModel => ({
        id: m.id,
        position: m.position,
        ...measureTexts(m),
        status: m.status,
        owners: owners.filter((o) => o.measure_id === m.id).map(({ id, name, agencyName }) => ({ id, name, agencyName })),
        milestones: milestones
          .filter((x) => x.measureId === m.id)
          .map((x) => ({
            id: x.id,
            measureId: m.id,
            title: x.title,
            titleEn: x.titleEn,
            dueDate: x.dueDate,
            doneAt: x.doneAt,
            status: milestoneStatus({ dueDate: x.dueDate, done: x.doneAt !== null }, today),
          })),
        criteria: criteria
          .filter((c) => c['measure_id'] === m.id)
          .map((c) => {
            const kind = c['kind'] as CriterionKind;
            const dueDate = (c['due'] as string | null) ?? null;
            const threshold = (c['threshold'] as number | null) ?? null;
            const checked = c['checked'] as boolean;
            const ev = evaluateCriterion({ kind, dueDate, threshold, checked }, facts);
            return {
              id: c['id'] as string,
              kind,
              label: c['label'] as string,
              labelEn: (c['label_en'] as string | null) ?? null,
              dueDate,
              threshold,
              checked,
              comment: c['comment'] as string,
              checkedByName: (c['checked_by_name'] as string | null) ?? null,
              checkedAt: (c['checked_at'] as Date | null) ?? null,
              ...ev,
            };
          }),
      })),
      bilateralMeetings: agencies.map((a) => {
        const m = byAgency.get(a.id);
        const details = seesDetails(a.id);
        return {
          agencyId: a.id,
          agencyName: a.name,
          meeting: m
            ? {
                id: m.id,
                heldOn: m.heldOn,
                participants: details ? m.participants : null,
                notes: details ? m.notes : null,
                targetSet: m.targetSet,
                helpRequested: details ? m.helpRequested : null,
              }
            : null,
        };
      }),
    };
  }
}
