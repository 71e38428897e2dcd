import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CriterionStatus, ReportStatus } from '@laerenett/shared-domain';
import { ApprenticeshipAreaFiguresModel } from '../../apprenticeship/models/apprenticeship.models';
import { FollowUpFiguresModel } from '../../follow-up/models/follow-up.models';
import { CompilationStatus, CompilationTrigger } from '../entities/summary-compilation.entity';

registerEnumType(ReportStatus, { name: 'ReportStatus', description: 'Where an agency’s December report stands' });
registerEnumType(CompilationStatus, { name: 'CompilationStatus' });
registerEnumType(CompilationTrigger, { name: 'CompilationTrigger' });

@ObjectType('SummaryCycle', { description: "The year's December dates for an area" })
export class SummaryCycleModel {
  @Field(() => ID) areaId: string;
  @Field(() => Int) year: number;
  @Field() opensOn: string;
  @Field() agencyDeadline: string;
  @Field() compileFrom: string;
  @Field() compileTo: string;
  @Field() sendBy: string;
  @Field(() => [String], { description: 'The days reminders go to agencies that have not submitted' }) reminderDays: string[];
  @Field({ description: 'The day the compilation starts by itself if nobody has compiled' }) autoCompileOn: string;
  @Field({ description: "True while the dates are the pilot's defaults" }) isDefault: boolean;
  @Field({ description: 'Today in Norway, as the platform counts it' }) today: string;
  @Field(() => Date, { nullable: true, description: 'When the year’s summary was sent (then the year is closed)' }) sentAt?: Date | null;
}

@ObjectType('ReportTrade')
export class ReportTradeModel {
  @Field() name: string;
  @Field(() => Int) now: number;
  @Field(() => Int) snapshot: number;
}

@ObjectType('ReportGathering')
export class ReportGatheringModel {
  @Field() title: string;
  @Field() date: string;
  @Field(() => [String], { description: 'Who from the agency took part' }) people: string[];
}

@ObjectType('ReportPoolEvent')
export class ReportPoolEventModel {
  @Field() title: string;
  @Field() hostName: string;
  @Field(() => Int) helpers: number;
  @Field(() => Float) hours: number;
}

@ObjectType('ReportCompetence')
export class ReportCompetenceModel {
  @Field() name: string;
  @Field() subject: string;
}

@ObjectType('ReportFigures', { description: "The platform's figures for an agency's year (the report is pre-filled with these)" })
export class ReportFiguresModel {
  @Field() snapshotDate: string;
  @Field() asOf: string;
  @Field(() => Int) snapshot: number;
  @Field(() => Int) snapshotLastYear: number;
  @Field(() => Int) now: number;
  @Field(() => Int, { nullable: true }) target: number | null;
  @Field(() => Int) threshold: number;
  @Field() ruleApplies: boolean;
  @Field() meetsRule: boolean;
  @Field(() => [ReportTradeModel]) trades: ReportTradeModel[];
  @Field(() => [ReportGatheringModel]) gatherings: ReportGatheringModel[];
  @Field(() => [ReportPoolEventModel]) poolEvents: ReportPoolEventModel[];
  @Field(() => Float) poolHours: number;
  @Field(() => Int) poolEventsHosted: number;
  @Field(() => [ReportCompetenceModel]) competenceApprentices: ReportCompetenceModel[];
}

@ObjectType('AgencyReport', { description: "An agency's report on its year" })
export class AgencyReportModel {
  @Field(() => ID, { nullable: true, description: 'Null until the first draft is saved' }) id: string | null;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => Int) year: number;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field({ description: 'Whether the signed-in user can change it now' }) editable: boolean;
  @Field({ description: 'Whether the signed-in user can reopen it (the ministry, after submission)' }) canReopen: boolean;
  @Field() opensOn: string;
  @Field() deadline: string;
  @Field() yearInReview: string;
  @Field() whatWorked: string;
  @Field() challenges: string;
  @Field(() => [ID]) nextYearTradeIds: string[];
  @Field() nextYearTradesNote: string;
  @Field(() => Int, { nullable: true }) targetNextYear: number | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => String, { nullable: true }) submittedByName: string | null;
  @Field() submittedLate: boolean;
  @Field(() => Date, { nullable: true }) reopenedAt: Date | null;
  @Field() reopenReason: string;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => ReportFiguresModel) figures: ReportFiguresModel;
}

@ObjectType('BoardRow')
export class BoardRowModel {
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field() submittedLate: boolean;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

@ObjectType('BoardCounts')
export class BoardCountsModel {
  @Field(() => Int) notStarted: number;
  @Field(() => Int) draft: number;
  @Field(() => Int) submitted: number;
  @Field(() => Int) late: number;
}

@ObjectType('SummaryBoard', { description: "Every agency's report status, for the ministry" })
export class SummaryBoardModel {
  @Field(() => Int) year: number;
  @Field() deadline: string;
  @Field(() => BoardCountsModel) counts: BoardCountsModel;
  @Field(() => [BoardRowModel]) rows: BoardRowModel[];
}

@ObjectType('SummaryCompilation', { description: 'A compilation of the summary and how far it has come' })
export class SummaryCompilationModel {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field(() => CompilationTrigger) trigger: CompilationTrigger;
  @Field(() => CompilationStatus) status: CompilationStatus;
  @Field({ description: 'queued, collect, agencies, pdf, xlsx, save, done' }) step: string;
  @Field(() => Int) done: number;
  @Field(() => Int) total: number;
  @Field({ description: 'The agency being compiled' }) currentItem: string;
  @Field(() => Int, { description: 'Overall progress, 0–100' }) percent: number;
  @Field(() => ID, { nullable: true }) versionId: string | null;
  @Field() error: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('SummaryTotals')
export class SummaryTotalsModel {
  @Field(() => Int) agencies: number;
  @Field(() => Int) reportsExpected: number;
  @Field(() => Int) agenciesReported: number;
  @Field(() => Int) apprenticesSnapshot: number;
  @Field(() => Int) apprenticesSnapshotLastYear: number;
  @Field(() => Int) changeFromLastYear: number;
  @Field(() => Float, { nullable: true }) changePercent: number | null;
  @Field(() => Int) apprenticesNow: number;
  @Field(() => Int) targetSum: number;
  @Field(() => Int) agenciesWithTarget: number;
  @Field(() => Int) agenciesMeetingTarget: number;
  @Field(() => Int) trades: number;
  @Field(() => Int) agenciesRuleApplies: number;
  @Field(() => Int) agenciesBreakingRule: number;
  @Field(() => Int) gatheringsHeld: number;
  @Field(() => Int) gatheringParticipants: number;
  @Field(() => Int) agenciesAtGatherings: number;
  @Field(() => Int) poolEvents: number;
  @Field(() => Int) poolShifts: number;
  @Field(() => Float) poolHours: number;
  @Field(() => Int) poolHelpers: number;
  @Field(() => Int) competenceApprentices: number;
  @Field(() => Int) targetNextYearSum: number;
}

@ObjectType('SummaryAgencyLine')
export class SummaryAgencyLineModel {
  @Field(() => ID) agencyId: string;
  @Field() name: string;
  @Field() isMinistry: boolean;
  @Field(() => Int) employees: number;
  @Field(() => Int) snapshot: number;
  @Field(() => Int) snapshotLastYear: number;
  @Field(() => Int) now: number;
  @Field(() => Int, { nullable: true }) target: number | null;
  @Field(() => Int, { nullable: true }) gap: number | null;
  @Field() ruleApplies: boolean;
  @Field() meetsRule: boolean;
  @Field(() => Int) trades: number;
  @Field(() => Int) gatheringsAttended: number;
  @Field(() => Int) participants: number;
  @Field(() => Int) poolEventsHosted: number;
  @Field(() => Int) poolShifts: number;
  @Field(() => Float) poolHours: number;
  @Field(() => Int) competenceApprentices: number;
  @Field() reported: boolean;
  @Field() submittedLate: boolean;
  @Field(() => Int, { nullable: true }) targetNextYear: number | null;
}

@ObjectType('SummaryTradeLine')
export class SummaryTradeLineModel {
  @Field(() => ID) tradeId: string;
  @Field() nameNb: string;
  @Field() nameEn: string;
  @Field(() => Int) snapshot: number;
  @Field(() => Int) snapshotLastYear: number;
  @Field(() => Int) now: number;
  @Field(() => Int, { nullable: true }) target: number | null;
}

@ObjectType('SummaryGatheringLine')
export class SummaryGatheringLineModel {
  @Field() title: string;
  @Field() date: string;
  @Field() audience: string;
  @Field(() => Int) participants: number;
  @Field(() => Int) agencies: number;
}

@ObjectType('SummaryCriterion')
export class SummaryCriterionModel {
  @Field() label: string;
  @Field(() => CriterionStatus) status: CriterionStatus;
  @Field(() => Int) value: number;
  @Field(() => Int) required: number;
  @Field(() => [String], { description: 'Agencies missing, by name' }) missingNames: string[];
}

@ObjectType('SummaryNarrative')
export class SummaryNarrativeModel {
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field() yearInReview: string;
  @Field() whatWorked: string;
  @Field() challenges: string;
  @Field(() => [String]) nextYearTradesNb: string[];
  @Field(() => [String]) nextYearTradesEn: string[];
  @Field() nextYearTradesNote: string;
  @Field(() => Int, { nullable: true }) targetNextYear: number | null;
  @Field() submittedLate: boolean;
}

@ObjectType('SummaryContent', { description: "The compiled summary's content (the web page)" })
export class SummaryContentModel {
  @Field() areaName: string;
  @Field(() => Int) year: number;
  @Field() asOf: string;
  @Field() snapshotDate: string;
  @Field(() => Int) threshold: number;
  @Field(() => SummaryTotalsModel) totals: SummaryTotalsModel;
  @Field(() => [SummaryAgencyLineModel]) agencies: SummaryAgencyLineModel[];
  @Field(() => [SummaryTradeLineModel]) trades: SummaryTradeLineModel[];
  @Field(() => [SummaryGatheringLineModel]) gatherings: SummaryGatheringLineModel[];
  @Field(() => [SummaryCriterionModel]) criteria: SummaryCriterionModel[];
  @Field(() => [SummaryNarrativeModel]) narratives: SummaryNarrativeModel[];
  @Field(() => [String], { description: 'Agencies that had not submitted, by name' }) missing: string[];
  @Field(() => ApprenticeshipAreaFiguresModel, {
    nullable: true,
    description: "The apprenticeships' figures (counts, no names); null in versions compiled before they were kept",
  })
  apprenticeship: ApprenticeshipAreaFiguresModel | null;
  @Field(() => FollowUpFiguresModel, {
    nullable: true,
    description: 'The follow-up counts as published (under 5 suppressed); null in versions compiled before they were kept',
  })
  followUp: FollowUpFiguresModel | null;
}

@ObjectType('SummaryVersion', { description: 'A compiled version of the summary; the sent one is frozen and archived' })
export class SummaryVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field() areaName: string;
  @Field(() => Int) year: number;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field(() => String, { nullable: true }) createdByName: string | null;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => String, { nullable: true }) sentByName: string | null;
  @Field(() => Int, { description: 'Mails recorded for the send (one per recipient)' }) recipients: number;
  @Field(() => Int, { description: 'Of those, delivered' }) delivered: number;
  @Field(() => SummaryTotalsModel) totals: SummaryTotalsModel;
  @Field(() => SummaryContentModel, { nullable: true, complexity: 10, description: 'The whole content (for the web page)' })
  content?: SummaryContentModel;
}
