import { MinistryAreaEntity } from '../modules/areas/entities/ministry-area.entity';
import { TrainingOfficeEntity } from '../modules/areas/entities/training-office.entity';
import { TradeEntity } from '../modules/areas/entities/trade.entity';
import { AgencyEntity } from '../modules/agencies/entities/agency.entity';
import { ApprenticeEntity } from '../modules/apprentices/entities/apprentice.entity';
import { TargetEntity } from '../modules/targets/entities/target.entity';
import { TradeTargetEntity } from '../modules/targets/entities/trade-target.entity';
import { MinimumRuleEntity } from '../modules/targets/entities/minimum-rule.entity';
import { UserEntity } from '../modules/identity/entities/user.entity';
import { SessionEntity } from '../modules/identity/entities/session.entity';
import { InvitationEntity } from '../modules/identity/entities/invitation.entity';
import { SignInFailureEntity } from '../modules/identity/entities/sign-in-attempt.entity';
import { MailMessageEntity } from '../modules/mail/entities/mail-message.entity';
import { JobOutboxEntity } from '../modules/queue/entities/job-outbox.entity';
import { NetworkEntity } from '../modules/networks/entities/network.entity';
import { NetworkLeadEntity } from '../modules/networks/entities/network-lead.entity';
import { NetworkMemberEntity } from '../modules/networks/entities/network-member.entity';
import { GatheringSeriesEntity } from '../modules/gatherings/entities/gathering-series.entity';
import { GatheringEntity } from '../modules/gatherings/entities/gathering.entity';
import { GatheringRsvpEntity } from '../modules/gatherings/entities/gathering-rsvp.entity';
import { CalendarFeedEntity } from '../modules/gatherings/entities/calendar-feed.entity';
import { GatheringActionEntity } from '../modules/gatherings/entities/gathering-action.entity';
import { MentorPairEntity } from '../modules/networks/entities/mentor-pair.entity';
import { ActionPlanEntity } from '../modules/action-plans/entities/action-plan.entity';
import { PlanMeasureEntity } from '../modules/action-plans/entities/plan-measure.entity';
import { PlanMilestoneEntity } from '../modules/action-plans/entities/plan-milestone.entity';
import { PlanCriterionEntity } from '../modules/action-plans/entities/plan-criterion.entity';
import { BilateralMeetingEntity } from '../modules/action-plans/entities/bilateral-meeting.entity';
import { PooledEventEntity } from '../modules/pooling/entities/pooled-event.entity';
import { EventShiftEntity } from '../modules/pooling/entities/event-shift.entity';
import { ShiftSignupEntity } from '../modules/pooling/entities/shift-signup.entity';
import { PoolHelperEntity } from '../modules/pooling/entities/pool-helper.entity';
import { CompetenceApprenticeEntity, CompetenceSubjectEntity, HelpRequestEntity } from '../modules/pooling/entities/competence.entity';
import { SummaryCycleEntity } from '../modules/annual-summary/entities/summary-cycle.entity';
import { AgencyReportEntity } from '../modules/annual-summary/entities/agency-report.entity';
import { SummaryCompilationEntity } from '../modules/annual-summary/entities/summary-compilation.entity';
import { SummaryVersionEntity } from '../modules/annual-summary/entities/summary-version.entity';
import { ApprenticeshipContractEntity } from '../modules/apprenticeship/entities/apprenticeship-contract.entity';
import { ApprenticeshipInstructorEntity } from '../modules/apprenticeship/entities/apprenticeship-instructor.entity';
import { ApprenticeshipTalkEntity } from '../modules/apprenticeship/entities/apprenticeship-talk.entity';
import { ApprenticeshipInterruptionEntity } from '../modules/apprenticeship/entities/apprenticeship-interruption.entity';
import { TradeTestEntity } from '../modules/apprenticeship/entities/trade-test.entity';
import { ApprenticeshipSettingsEntity } from '../modules/apprenticeship/entities/apprenticeship-settings.entity';
import { FollowUpCaseEntity } from '../modules/follow-up/entities/follow-up-case.entity';
import { FollowUpStepEntity } from '../modules/follow-up/entities/follow-up-step.entity';
import { FollowUpActionEntity } from '../modules/follow-up/entities/follow-up-action.entity';
import { FollowUpReadLogEntity } from '../modules/follow-up/entities/follow-up-read-log.entity';
import { FollowUpSettingsEntity } from '../modules/follow-up/entities/follow-up-settings.entity';
import { FollowUpCountEntity } from '../modules/follow-up/entities/follow-up-count.entity';

/** Every entity, listed so that a bundled build needs no file globbing. */
export const ENTITIES = [
  MinistryAreaEntity,
  JobOutboxEntity,
  TrainingOfficeEntity,
  TradeEntity,
  AgencyEntity,
  ApprenticeEntity,
  TargetEntity,
  TradeTargetEntity,
  MinimumRuleEntity,
  UserEntity,
  SessionEntity,
  InvitationEntity,
  SignInFailureEntity,
  MailMessageEntity,
  NetworkEntity,
  NetworkLeadEntity,
  NetworkMemberEntity,
  GatheringSeriesEntity,
  GatheringEntity,
  GatheringRsvpEntity,
  CalendarFeedEntity,
  GatheringActionEntity,
  MentorPairEntity,
  ActionPlanEntity,
  PlanMeasureEntity,
  PlanMilestoneEntity,
  PlanCriterionEntity,
  BilateralMeetingEntity,
  PooledEventEntity,
  EventShiftEntity,
  ShiftSignupEntity,
  PoolHelperEntity,
  CompetenceSubjectEntity,
  CompetenceApprenticeEntity,
  HelpRequestEntity,
  SummaryCycleEntity,
  AgencyReportEntity,
  SummaryCompilationEntity,
  SummaryVersionEntity,
  ApprenticeshipContractEntity,
  ApprenticeshipInstructorEntity,
  ApprenticeshipTalkEntity,
  ApprenticeshipInterruptionEntity,
  TradeTestEntity,
  ApprenticeshipSettingsEntity,
  FollowUpCaseEntity,
  FollowUpStepEntity,
  FollowUpActionEntity,
  FollowUpReadLogEntity,
  FollowUpSettingsEntity,
  FollowUpCountEntity,
];
