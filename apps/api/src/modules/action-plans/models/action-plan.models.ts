import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CriterionKind, CriterionStatus, MeasureStatus, MilestoneStatus } from '@laerenett/shared-domain';

registerEnumType(MeasureStatus, { name: 'MeasureStatus', description: 'Planned, in progress, done or dropped' });
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus', description: 'Done, overdue, due within 14 days, or later' });
registerEnumType(CriterionKind, {
  name: 'CriterionKind',
  description: 'Ticked by a person (MANUAL), or computed from the platform’s data',
});
registerEnumType(CriterionStatus, { name: 'CriterionStatus' });

/** A text's English beside its Norwegian: the portal and the PDF show it to readers of English. */
const ENGLISH = {
  nullable: true,
  description: 'The English text, where the plan has one (from the template); null after the Norwegian text was edited',
};

@ObjectType('PlanPerson', { description: 'Someone who can own a measure' })
export class PlanPersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) agencyName: string | null;
}

@ObjectType('AgencyRef')
export class AgencyRefModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('LateAgency', { description: 'An agency that did it after the due date, and the day' })
export class LateAgencyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'YYYY-MM-DD' }) on: string;
}

@ObjectType('PlanMilestone')
export class PlanMilestoneModel {
  @Field(() => ID) id: string;
  @Field(() => ID) measureId: string;
  @Field() title: string;
  @Field(() => String, ENGLISH) titleEn: string | null;
  @Field({ description: 'YYYY-MM-DD' }) dueDate: string;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => MilestoneStatus) status: MilestoneStatus;
}

@ObjectType('PlanCriterion', { description: 'Oppfølgingskriterium' })
export class PlanCriterionModel {
  @Field(() => ID) id: string;
  @Field(() => CriterionKind) kind: CriterionKind;
  @Field() label: string;
  @Field(() => String, { nullable: true, description: 'The English label, where the plan has one (from the template)' }) labelEn:
    string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate: string | null;
  @Field(() => Int, { nullable: true }) threshold: number | null;
  @Field({ description: 'Ticked (MANUAL criteria)' }) checked: boolean;
  @Field() comment: string;
  @Field(() => String, { nullable: true }) checkedByName: string | null;
  @Field(() => Date, { nullable: true }) checkedAt: Date | null;
  @Field(() => CriterionStatus) status: CriterionStatus;
  @Field(() => Int, { description: 'How far it has come, e.g. 9 (of 12 agencies)' }) value: number;
  @Field(() => Int) required: number;
  @Field(() => [AgencyRefModel], { description: 'Agencies still missing, for criteria about every agency' }) missing: AgencyRefModel[];
  @Field(() => [LateAgencyModel], { description: 'Agencies that did it after the due date (a bilateral meeting held late)' })
  late: LateAgencyModel[];
}

@ObjectType('PlanMeasure', { description: 'Tiltak' })
export class PlanMeasureModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field() description: string;
  @Field() purpose: string;
  @Field() responsibilityMinistry: string;
  @Field({ description: 'OK stat, the state training office' }) responsibilityOkStat: string;
  @Field() responsibilityAgencies: string;
  @Field({ description: 'How the measure is carried out' }) implementation: string;
  @Field(() => String, ENGLISH) titleEn: string | null;
  @Field(() => String, { nullable: true }) descriptionEn: string | null;
  @Field(() => String, { nullable: true }) purposeEn: string | null;
  @Field(() => String, { nullable: true }) responsibilityMinistryEn: string | null;
  @Field(() => String, { nullable: true }) responsibilityOkStatEn: string | null;
  @Field(() => String, { nullable: true }) responsibilityAgenciesEn: string | null;
  @Field(() => String, { nullable: true }) implementationEn: string | null;
  @Field(() => MeasureStatus) status: MeasureStatus;
  @Field(() => [PlanPersonModel]) owners: PlanPersonModel[];
  @Field(() => [PlanMilestoneModel]) milestones: PlanMilestoneModel[];
  @Field(() => [PlanCriterionModel]) criteria: PlanCriterionModel[];
}

@ObjectType('BilateralMeeting', {
  description: 'The ministry’s meeting with one agency. Notes and requests are shown to the ministry and that agency only.',
})
export class BilateralMeetingModel {
  @Field(() => ID) id: string;
  @Field({ description: 'YYYY-MM-DD' }) heldOn: string;
  @Field(() => String, { nullable: true }) participants: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => Int, { nullable: true, description: 'The target the agency set in the meeting' }) targetSet: number | null;
  @Field(() => String, { nullable: true }) helpRequested: string | null;
}

@ObjectType('AgencyMeetingStatus', { description: 'An agency of the area and its bilateral meeting, if held' })
export class AgencyMeetingStatusModel {
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => BilateralMeetingModel, { nullable: true }) meeting: BilateralMeetingModel | null;
}

@ObjectType('ActionPlan', { description: 'Handlingsplan for a ministry area and year' })
export class ActionPlanModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field() areaName: string;
  @Field(() => Int) year: number;
  @Field() mainGoal: string;
  @Field() mainGoalDetail: string;
  @Field(() => [String]) subGoals: string[];
  @Field(() => String, ENGLISH) mainGoalEn: string | null;
  @Field(() => String, { nullable: true }) mainGoalDetailEn: string | null;
  @Field(() => [String], {
    nullable: 'itemsAndList',
    description: 'The English of each sub-goal, in the same order (null where a sub-goal has none)',
  })
  subGoalsEn: (string | null)[] | null;
  @Field(() => [PlanMeasureModel]) measures: PlanMeasureModel[];
  @Field(() => [AgencyMeetingStatusModel], { description: 'Every agency of the area except the ministry, with its meeting' })
  bilateralMeetings: AgencyMeetingStatusModel[];
  @Field({ description: 'Whether you may change the plan' }) canEdit: boolean;
  @Field() updatedAt: Date;
}
