import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CriterionKind } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { ActionPlansService } from './action-plans.service';
import { AddCriterionInput, CheckCriterionInput } from './dto/action-plan.inputs';
import { PlanCriterionEntity } from './entities/plan-criterion.entity';
import { ActionPlanModel } from './models/action-plan.models';
import { checkPlanDate, invalid, notFound } from './plan-access';
import { PlanMeasuresService } from './plan-measures.service';

/** A measure's follow-up criteria: added, ticked by hand (the manual ones), removed. The computed ones are judged as the plan is read. */
@Injectable()
export class PlanCriteriaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly measures: PlanMeasuresService,
    private readonly clock: Clock,
  ) {}

  async addCriterion(actor: Actor, input: AddCriterionInput): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measures.measureFor(actor, input.measureId);
    const dueDate = input.dueDate ? checkPlanDate('dueDate', input.dueDate, plan) : null;
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
    return this.plans.planById(actor, plan.id);
  }

  private async criterionFor(actor: Actor, id: string) {
    const criterion = await this.ds.getRepository(PlanCriterionEntity).findOne({ where: { id } });
    if (!criterion) throw notFound('criterion');
    return { criterion, ...(await this.measures.measureFor(actor, criterion.measureId)) };
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
        checkedAt: input.checked ? this.clock.now() : null,
      },
    );
    return this.plans.planById(actor, plan.id);
  }

  async deleteCriterion(actor: Actor, id: string): Promise<ActionPlanModel> {
    const { criterion, plan } = await this.criterionFor(actor, id);
    await this.ds.getRepository(PlanCriterionEntity).delete({ id: criterion.id });
    return this.plans.planById(actor, plan.id);
  }
}
