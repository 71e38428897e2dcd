import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { englishAfterEdit, MEASURE_TEXTS } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { USER_DIRECTORY } from '../identity/read-model';
import { ActionPlansService } from './action-plans.service';
import { AddMeasureInput, AddMilestoneInput, MeasureFieldsInput, UpdateMeasureInput, UpdateMilestoneInput } from './dto/action-plan.inputs';
import { ActionPlanEntity } from './entities/action-plan.entity';
import { PlanMeasureEntity } from './entities/plan-measure.entity';
import { PlanMilestoneEntity } from './entities/plan-milestone.entity';
import { ActionPlanModel } from './models/action-plan.models';
import { checkPlanDate, invalid, notFound } from './plan-access';

/** The plan's measures (texts, status, owners) and their milestones. */
@Injectable()
export class PlanMeasuresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly plans: ActionPlansService,
    private readonly clock: Clock,
  ) {}

  /** The measure and its plan, for an actor who manages the plan. */
  async measureFor(actor: Actor, measureId: string): Promise<{ measure: PlanMeasureEntity; plan: ActionPlanEntity }> {
    const measure = await this.ds.getRepository(PlanMeasureEntity).findOne({ where: { id: measureId } });
    if (!measure) throw notFound('measure');
    return { measure, plan: await this.plans.planFor(actor, measure.planId) };
  }

  private async checkOwners(m: EntityManager, areaId: string, ownerIds: string[]): Promise<string[]> {
    const unique = [...new Set(ownerIds.map((x) => x.toLowerCase()))];
    if (!unique.length) return unique;
    const found: { id: string }[] = await m.query(
      `SELECT id FROM ${USER_DIRECTORY} WHERE id = ANY($1::uuid[]) AND area_id = $2 AND role IN ('MINISTRY_COORDINATOR', 'AGENCY_COORDINATOR')`,
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
    const plan = await this.plans.planFor(actor, input.planId);
    const patch = this.measurePatch(input);
    await this.ds.transaction(async (m) => {
      const owners = await this.checkOwners(m, plan.areaId, input.ownerIds ?? []);
      const [{ next }] = await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM plan_measure WHERE plan_id = $1`, [plan.id]);
      const measure = await m.getRepository(PlanMeasureEntity).save({ planId: plan.id, position: Number(next), ...patch });
      if (owners.length) await m.createQueryBuilder().relation(PlanMeasureEntity, 'owners').of(measure.id).add(owners);
    });
    return this.plans.planById(actor, plan.id);
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
    return this.plans.planById(actor, plan.id);
  }

  async deleteMeasure(actor: Actor, measureId: string): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, measureId);
    await this.ds.getRepository(PlanMeasureEntity).delete({ id: measure.id });
    return this.plans.planById(actor, plan.id);
  }

  async addMilestone(actor: Actor, input: AddMilestoneInput): Promise<ActionPlanModel> {
    const { measure, plan } = await this.measureFor(actor, input.measureId);
    await this.ds.getRepository(PlanMilestoneEntity).insert({
      measureId: measure.id,
      title: input.title.trim(),
      dueDate: checkPlanDate('dueDate', input.dueDate, plan),
      doneAt: null,
    });
    return this.plans.planById(actor, plan.id);
  }

  private async milestoneFor(actor: Actor, id: string) {
    const milestone = await this.ds.getRepository(PlanMilestoneEntity).findOne({ where: { id } });
    if (!milestone) throw notFound('milestone');
    return { milestone, ...(await this.measureFor(actor, milestone.measureId)) };
  }

  async updateMilestone(actor: Actor, input: UpdateMilestoneInput): Promise<ActionPlanModel> {
    const { milestone, plan } = await this.milestoneFor(actor, input.milestoneId);
    const patch: Partial<PlanMilestoneEntity> = {};
    if (input.title !== undefined) patch.title = input.title.trim();
    Object.assign(patch, englishAfterEdit(['title'] as const, milestone, patch));
    if (input.dueDate !== undefined) patch.dueDate = checkPlanDate('dueDate', input.dueDate, plan);
    if (input.done !== undefined) patch.doneAt = input.done ? (milestone.doneAt ?? this.clock.now()) : null;
    if (Object.keys(patch).length) await this.ds.getRepository(PlanMilestoneEntity).update({ id: milestone.id }, patch);
    return this.plans.planById(actor, plan.id);
  }

  async deleteMilestone(actor: Actor, id: string): Promise<ActionPlanModel> {
    const { milestone, plan } = await this.milestoneFor(actor, id);
    await this.ds.getRepository(PlanMilestoneEntity).delete({ id: milestone.id });
    return this.plans.planById(actor, plan.id);
  }
}
