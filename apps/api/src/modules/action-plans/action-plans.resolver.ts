import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { Clock } from '../../common/clock';
import { checkYear, currentYearInOslo } from '../../common/time';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { ActionPlansService } from './action-plans.service';
import { BilateralMeetingsService } from './bilateral-meetings.service';
import { PlanCreationService } from './plan-creation.service';
import { PlanCriteriaService } from './plan-criteria.service';
import { PlanMeasuresService } from './plan-measures.service';
import {
  AddCriterionInput,
  AddMeasureInput,
  AddMilestoneInput,
  CheckCriterionInput,
  CreateActionPlanInput,
  RecordBilateralMeetingInput,
  UpdateActionPlanInput,
  UpdateMeasureInput,
  UpdateMilestoneInput,
} from './dto/action-plan.inputs';
import { ActionPlanModel, PlanPersonModel } from './models/action-plan.models';

const READERS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;
const EDITORS = [Role.ADMIN, Role.MINISTRY_COORDINATOR] as const;

/** The action plan's operations, each handed to the service of its part: the plan, its creation, measures and milestones, criteria, meetings. */
@Resolver(() => ActionPlanModel)
export class ActionPlansResolver {
  constructor(
    private readonly plans: ActionPlansService,
    private readonly creation: PlanCreationService,
    private readonly measures: PlanMeasuresService,
    private readonly criteria: PlanCriteriaService,
    private readonly meetings: BilateralMeetingsService,
    private readonly clock: Clock,
  ) {}

  @Roles(...READERS)
  @Query(() => ActionPlanModel, {
    nullable: true,
    complexity: 20,
    description: "The area's action plan for a year (this year when left out); null when there is none yet",
  })
  actionPlan(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.plans.plan(actor, areaId, checkYear(year ?? currentYearInOslo(this.clock.now())));
  }

  @Roles(...READERS)
  @Query(() => [Int], { description: 'The years the area has an action plan for, newest first' })
  actionPlanYears(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.plans.years(actor, areaId);
  }

  @Roles(...READERS)
  @Query(() => [PlanPersonModel], { description: 'Who can own a measure: the coordinators of the area' })
  planOwnerCandidates(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.plans.ownerCandidates(actor, areaId);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: "Start the year's plan from the pilot's template, last year's plan, or empty" })
  createActionPlan(@CurrentUser() actor: Actor, @Args('input') input: CreateActionPlanInput) {
    return this.creation.create(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  updateActionPlan(@CurrentUser() actor: Actor, @Args('input') input: UpdateActionPlanInput) {
    return this.plans.update(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  addPlanMeasure(@CurrentUser() actor: Actor, @Args('input') input: AddMeasureInput) {
    return this.measures.addMeasure(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: 'Change a measure: its texts, status or owners' })
  updatePlanMeasure(@CurrentUser() actor: Actor, @Args('input') input: UpdateMeasureInput) {
    return this.measures.updateMeasure(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: 'Remove a measure with its milestones and criteria' })
  deletePlanMeasure(@CurrentUser() actor: Actor, @IdArg('measureId') measureId: string) {
    return this.measures.deleteMeasure(actor, measureId);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  addPlanMilestone(@CurrentUser() actor: Actor, @Args('input') input: AddMilestoneInput) {
    return this.measures.addMilestone(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: 'Change a milestone, or mark it done' })
  updatePlanMilestone(@CurrentUser() actor: Actor, @Args('input') input: UpdateMilestoneInput) {
    return this.measures.updateMilestone(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  deletePlanMilestone(@CurrentUser() actor: Actor, @IdArg('milestoneId') milestoneId: string) {
    return this.measures.deleteMilestone(actor, milestoneId);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  addPlanCriterion(@CurrentUser() actor: Actor, @Args('input') input: AddCriterionInput) {
    return this.criteria.addCriterion(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: 'Tick (or untick) a MANUAL criterion, with a comment' })
  checkPlanCriterion(@CurrentUser() actor: Actor, @Args('input') input: CheckCriterionInput) {
    return this.criteria.checkCriterion(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  deletePlanCriterion(@CurrentUser() actor: Actor, @IdArg('criterionId') criterionId: string) {
    return this.criteria.deleteCriterion(actor, criterionId);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel, { description: 'Record (or correct) the bilateral meeting with an agency' })
  recordBilateralMeeting(@CurrentUser() actor: Actor, @Args('input') input: RecordBilateralMeetingInput) {
    return this.meetings.recordMeeting(actor, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => ActionPlanModel)
  deleteBilateralMeeting(@CurrentUser() actor: Actor, @IdArg('meetingId') meetingId: string) {
    return this.meetings.deleteMeeting(actor, meetingId);
  }
}
