import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CriterionKind, ErrorCode, MeasureStatus, Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { AREA_DIRECTORY } from '../areas/read-model';
import { ActionPlansException } from './action-plans.exception';
import { ActionPlansService, measureTexts } from './action-plans.service';
import { CreateActionPlanInput, PlanSource } from './dto/action-plan.inputs';
import { ActionPlanEntity } from './entities/action-plan.entity';
import { PlanCriterionEntity } from './entities/plan-criterion.entity';
import { PlanMeasureEntity } from './entities/plan-measure.entity';
import { PlanMilestoneEntity } from './entities/plan-milestone.entity';
import { ActionPlanModel } from './models/action-plan.models';
import { areaNotFound, assertManagesPlan, invalid, planArea } from './plan-access';
import { datedTemplateMeasures, PILOT_PLAN_TEMPLATE, PlanMeasureTexts, templatePlanHead } from './templates/pilot-plan.template';

/** The same day a number of years later; 29 February becomes 28 February. */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d, 12));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** A new plan's goals, each text with its English where there is one. */
type PlanHead = Pick<ActionPlanEntity, 'mainGoal' | 'mainGoalEn' | 'mainGoalDetail' | 'mainGoalDetailEn' | 'subGoals' | 'subGoalsEn'>;

interface MeasureSeed {
  fields: PlanMeasureTexts & { status: MeasureStatus };
  ownerIds: string[];
  milestones: { title: string; titleEn: string | null; dueDate: string }[];
  criteria: { kind: CriterionKind; label: string; labelEn: string | null; dueDate: string | null; threshold: number | null }[];
}

/** Starting a year's plan: from the pilot's template, from last year's plan (its dates a year on), or empty. */
@Injectable()
export class PlanCreationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
  ) {}

  async create(actor: Actor, input: CreateActionPlanInput): Promise<ActionPlanModel> {
    const areaId = planArea(actor, input.areaId);
    assertManagesPlan(actor, areaId);
    const area: { name: string }[] = await this.ds.query(`SELECT name FROM ${AREA_DIRECTORY} WHERE id = $1`, [areaId]);
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
    return this.plans.planById(actor, id);
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
}
