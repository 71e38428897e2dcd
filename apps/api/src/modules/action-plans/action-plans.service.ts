import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CriterionEvaluation,
  CriterionKind,
  englishAfterEdit,
  evaluateCriterion,
  MEASURE_TEXTS,
  milestoneStatus,
  PlanFacts,
  Role,
  subGoalsEnglishAfterEdit,
} from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { AREA_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { UpdateActionPlanInput } from './dto/action-plan.inputs';
import { ActionPlanEntity } from './entities/action-plan.entity';
import { BilateralMeetingEntity } from './entities/bilateral-meeting.entity';
import { PlanMeasureEntity } from './entities/plan-measure.entity';
import { PlanMilestoneEntity } from './entities/plan-milestone.entity';
import { ActionPlanModel, PlanMeasureModel, PlanPersonModel } from './models/action-plan.models';
import { assertManagesPlan, planAccess, planArea, planNotFound } from './plan-access';
import { PlanFactsService } from './plan-facts.service';
import { PlanMeasureTexts } from './templates/pilot-plan.template';

/** A measure's texts, each Norwegian text with its English. */
export const measureTexts = (m: PlanMeasureEntity): PlanMeasureTexts =>
  Object.fromEntries(
    MEASURE_TEXTS.flatMap((k) => [
      [k, m[k]],
      [`${k}En`, m[`${k}En`]],
    ]),
  ) as PlanMeasureTexts;

/** One of the plan's computed criteria, judged: what another module (the December summary) reads. */
export interface JudgedCriterion extends CriterionEvaluation {
  kind: CriterionKind;
  label: string;
  labelEn: string | null;
}

/**
 * The area's action plan as a whole: reading it (with every criterion judged on today's data),
 * its goals, and what other modules may ask of it (`facts`, `judgedCriteria`). Its parts have
 * services of their own: creation, measures and milestones, criteria, bilateral meetings.
 */
@Injectable()
export class ActionPlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly planFacts: PlanFactsService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return todayInOslo(this.clock.now());
  }

  async years(actor: Actor, areaIdArg?: string): Promise<number[]> {
    const areaId = planArea(actor, areaIdArg);
    planAccess(actor, areaId);
    const rows = await this.ds.getRepository(ActionPlanEntity).find({ where: { areaId }, select: { year: true }, order: { year: 'DESC' } });
    return rows.map((r) => r.year);
  }

  async plan(actor: Actor, areaIdArg: string | undefined, year: number): Promise<ActionPlanModel | null> {
    const areaId = planArea(actor, areaIdArg);
    planAccess(actor, areaId);
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { areaId, year } });
    return plan ? this.assemble(actor, plan) : null;
  }

  async planById(actor: Actor, id: string): Promise<ActionPlanModel> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { id } });
    if (!plan) throw planNotFound();
    try {
      planAccess(actor, plan.areaId);
    } catch {
      throw planNotFound();
    }
    return this.assemble(actor, plan);
  }

  /** The plan, for an actor who manages it (one who may not read it is told it is not found). */
  async planFor(actor: Actor, planId: string): Promise<ActionPlanEntity> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { id: planId } });
    if (!plan) throw planNotFound();
    try {
      planAccess(actor, plan.areaId);
    } catch {
      throw planNotFound();
    }
    assertManagesPlan(actor, plan.areaId);
    return plan;
  }

  /** People who can own a measure: the area's ministry and agency coordinators. */
  async ownerCandidates(actor: Actor, areaIdArg?: string): Promise<PlanPersonModel[]> {
    const areaId = planArea(actor, areaIdArg);
    planAccess(actor, areaId);
    return this.ds.query(
      `SELECT u.id, u.name, a.name AS "agencyName" FROM ${USER_DIRECTORY} u LEFT JOIN ${AGENCY_DIRECTORY} a ON a.id = u.agency_id
        WHERE u.area_id = $1 AND u.role IN ('MINISTRY_COORDINATOR', 'AGENCY_COORDINATOR')
        ORDER BY u.role DESC, u.name`,
      [areaId],
    );
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

  /** What the platform knows for the area's year, as the criteria judge it (today from the clock when left out). */
  facts(areaId: string, year: number, today = this.today()): Promise<PlanFacts> {
    return this.planFacts.facts(areaId, year, today);
  }

  /**
   * The computed criteria of these kinds in the area's plan for the year, judged on `facts`, in
   * the plan's order; null when the area has no plan for the year.
   */
  async judgedCriteria(areaId: string, year: number, kinds: CriterionKind[], facts: PlanFacts): Promise<JudgedCriterion[] | null> {
    const plan = await this.ds.getRepository(ActionPlanEntity).findOne({ where: { areaId, year } });
    if (!plan) return null;
    const rows: { kind: CriterionKind; label: string; label_en: string | null; due_date: string | null; threshold: number | null }[] =
      await this.ds.query(
        `SELECT c.kind, c.label, c.label_en, c.due_date::text AS due_date, c.threshold FROM plan_criterion c JOIN plan_measure m ON m.id = c.measure_id
          WHERE m.plan_id = $1 AND c.kind = ANY($2::criterion_kind[]) ORDER BY m.position, c.position`,
        [plan.id, kinds],
      );
    return rows.map((c) => ({
      kind: c.kind,
      label: c.label,
      labelEn: c.label_en,
      ...evaluateCriterion({ kind: c.kind, dueDate: c.due_date, threshold: c.threshold, checked: false }, facts),
    }));
  }

  private async assemble(actor: Actor, plan: ActionPlanEntity): Promise<ActionPlanModel> {
    const canEdit = planAccess(actor, plan.areaId) === 'manage';
    const today = this.today();
    const measures = await this.ds
      .getRepository(PlanMeasureEntity)
      .find({ where: { planId: plan.id }, order: { position: 'ASC', createdAt: 'ASC' } });
    const ids = measures.map((m) => m.id);
    const [owners, milestones, criteria, meetings, agencies, area, facts] = await Promise.all([
      ids.length
        ? (this.ds.query(
            `SELECT o.measure_id, u.id, u.name, a.name AS "agencyName" FROM plan_measure_owner o JOIN ${USER_DIRECTORY} u ON u.id = o.user_id LEFT JOIN ${AGENCY_DIRECTORY} a ON a.id = u.agency_id
              WHERE o.measure_id = ANY($1::uuid[]) ORDER BY u.name`,
            [ids],
          ) as Promise<(PlanPersonModel & { measure_id: string })[]>)
        : Promise.resolve([]),
      ids.length
        ? this.ds.getRepository(PlanMilestoneEntity).find({ where: { measureId: In(ids) }, order: { dueDate: 'ASC', title: 'ASC' } })
        : Promise.resolve([]),
      ids.length
        ? (this.ds.query(
            `SELECT c.*, c.due_date::text AS due, u.name AS checked_by_name FROM plan_criterion c LEFT JOIN ${USER_DIRECTORY} u ON u.id = c.checked_by_user_id
              WHERE c.measure_id = ANY($1::uuid[]) ORDER BY c.position, c.label`,
            [ids],
          ) as Promise<Record<string, unknown>[]>)
        : Promise.resolve([]),
      this.ds.getRepository(BilateralMeetingEntity).find({ where: { planId: plan.id } }),
      this.ds.query(`SELECT id, name FROM ${AGENCY_DIRECTORY} WHERE area_id = $1 AND NOT is_ministry ORDER BY name`, [
        plan.areaId,
      ]) as Promise<{ id: string; name: string }[]>,
      this.ds.query(`SELECT name FROM ${AREA_DIRECTORY} WHERE id = $1`, [plan.areaId]) as Promise<{ name: string }[]>,
      this.facts(plan.areaId, plan.year, today),
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
