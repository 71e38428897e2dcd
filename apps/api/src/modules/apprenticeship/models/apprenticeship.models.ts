import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AfterPlan,
  ApprenticeStatus,
  ContractKind,
  InterruptionKind,
  TalkKind,
  TradeTestResult,
  WarningKind,
} from '@laerenett/shared-domain';

registerEnumType(ContractKind, {
  name: 'ContractKind',
  description: 'Lærling (APPRENTICE, fag-/svenneprøve) or lærekandidat (CANDIDATE, kompetanseprøve)',
});
registerEnumType(AfterPlan, { name: 'AfterPlan', description: 'What the apprentice goes to when the contract ends' });
registerEnumType(TalkKind, {
  name: 'TalkKind',
  description: 'Start-up talk (oppstartsamtale) or assessment conversation (vurderingssamtale)',
});
registerEnumType(InterruptionKind, { name: 'InterruptionKind', description: 'Why the apprentice is away; holidays are not interruptions' });
registerEnumType(TradeTestResult, { name: 'TradeTestResult', description: 'Bestått meget godt, bestått, ikke bestått' });
registerEnumType(WarningKind, { name: 'ApprenticeshipWarningKind' });

export enum TradeTestState {
  NONE = 'NONE',
  REGISTERED = 'REGISTERED',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(TradeTestState, { name: 'TradeTestState', description: 'Where the newest trade-test attempt stands' });

@ObjectType('ApprenticeshipPerson', { description: 'A professional leader or instructor: a user of the agency' })
export class ApprenticeshipPersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
}

@ObjectType('ApprenticeshipTalk')
export class ApprenticeshipTalkModel {
  @Field(() => ID) id: string;
  @Field(() => TalkKind) kind: TalkKind;
  @Field({ description: 'YYYY-MM-DD' }) heldOn: string;
  @Field() participants: string;
  @Field() summary: string;
  @Field({ description: 'The goals agreed until the next talk' }) goals: string;
}

@ObjectType('Interruption')
export class InterruptionModel {
  @Field(() => ID) id: string;
  @Field(() => InterruptionKind) kind: InterruptionKind;
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'The last day away; null while it goes on' }) endsOn: string | null;
  @Field(() => String, { nullable: true, description: 'When the county was notified' }) countyNotifiedOn: string | null;
  @Field() note: string;
  @Field(() => Int, { description: 'Days away so far (through today while it goes on)' }) days: number;
}

@ObjectType('TradeTest', { description: 'One attempt at the trade test; a retake is a new attempt' })
export class TradeTestModel {
  @Field(() => ID) id: string;
  @Field(() => Int) attempt: number;
  @Field() registeredOn: string;
  @Field(() => String, { nullable: true }) testDate: string | null;
  @Field(() => TradeTestResult, { nullable: true }) result: TradeTestResult | null;
}

@ObjectType('ApprenticeshipWarning')
export class ApprenticeshipWarningModel {
  @Field(() => WarningKind) kind: WarningKind;
  @Field({
    description: 'The day it is about: the due day passed, the start of the interruption, the last day of probation or of the contract',
  })
  date: string;
}

@ObjectType('Apprenticeship', {
  description: "An apprentice's contract and its follow-up: talks, interruptions, the trade test, early warnings",
})
export class ApprenticeshipModel {
  @Field(() => ID) apprenticeId: string;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field() name: string;
  @Field(() => ID) tradeId: string;
  @Field() tradeNameNb: string;
  @Field() tradeNameEn: string;
  @Field(() => ContractKind) kind: ContractKind;
  @Field(() => ApprenticeStatus) status: ApprenticeStatus;
  @Field({ description: 'YYYY-MM-DD' }) contractStart: string;
  @Field({ description: 'The planned end as signed, before interruptions' }) originalEnd: string;
  @Field({ description: 'The planned end moved by the interruptions (open ones counted through today)' }) plannedEnd: string;
  @Field(() => String, { nullable: true, description: 'When the contract ended (completed or terminated)' }) endedOn: string | null;
  @Field(() => String, { nullable: true }) signedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Only to decide probation' }) birthDate: string | null;
  @Field(() => String, { nullable: true, description: 'The county (fylkeskommune) that approved the contract' }) county: string | null;
  @Field(() => ID, { nullable: true }) trainingOfficeId: string | null;
  @Field(() => String, { nullable: true }) trainingOfficeName: string | null;
  @Field(() => ApprenticeshipPersonModel, { nullable: true, description: 'Faglig leder' }) leader: ApprenticeshipPersonModel | null;
  @Field(() => [ApprenticeshipPersonModel]) instructors: ApprenticeshipPersonModel[];
  @Field(() => AfterPlan, { nullable: true, description: 'Null: no plan for after yet' }) afterPlan: AfterPlan | null;
  @Field(() => String, { nullable: true, description: 'The last day of probation; null when there is none' }) probationEnd: string | null;
  @Field(() => String, { nullable: true, description: 'Null once the start-up talk is held' }) startupTalkDue: string | null;
  @Field(() => String, { nullable: true, description: 'Null when none falls before the end' }) nextAssessmentDue: string | null;
  @Field() tradeTestRegistrationDue: string;
  @Field(() => TradeTestState) tradeTestState: TradeTestState;
  @Field(() => [ApprenticeshipTalkModel]) talks: ApprenticeshipTalkModel[];
  @Field(() => [InterruptionModel]) interruptions: InterruptionModel[];
  @Field(() => [TradeTestModel]) tradeTests: TradeTestModel[];
  @Field(() => [ApprenticeshipWarningModel]) warnings: ApprenticeshipWarningModel[];
  @Field({ description: 'Whether you may record talks, interruptions and the trade test here' }) canEdit: boolean;
}

@ObjectType('ApprenticeshipSettings')
export class ApprenticeshipSettingsModel {
  @Field(() => ID) agencyId: string;
  @Field(() => Int, { description: 'The trade test is to be registered this many months before the planned end' })
  tradeTestLeadMonths: number;
  @Field(() => Int, { description: 'An open interruption longer than this many weeks is a warning' }) longInterruptionWeeks: number;
  @Field(() => Int) startupTalkWeeks: number;
  @Field(() => Int) assessmentIntervalMonths: number;
}

@ObjectType('ApprenticeshipFigures', { description: 'Counts only: no apprentice is named' })
export class ApprenticeshipFiguresRow {
  @Field(() => ID, { nullable: true, description: 'Null on the total row' }) agencyId: string | null;
  @Field() agencyName: string;
  @Field(() => Int, { description: 'Under contract today' }) underContract: number;
  @Field(() => Int, { description: 'Of those, with the start-up talk and assessments on time' }) assessmentsOnTime: number;
  @Field(() => Int, { description: 'Interruptions going on today' }) openInterruptions: number;
  @Field(() => Int, { description: 'Trade tests passed this year' }) tradeTestsPassed: number;
  @Field(() => Int, { description: 'Contracts completed this year' }) completions: number;
}

@ObjectType('ApprenticeshipAreaFigures')
export class ApprenticeshipAreaFiguresModel {
  @Field(() => ID) areaId: string;
  @Field(() => Int) year: number;
  @Field({ description: 'The day the figures are for (YYYY-MM-DD)' }) asOf: string;
  @Field(() => [ApprenticeshipFiguresRow]) agencies: ApprenticeshipFiguresRow[];
  @Field(() => ApprenticeshipFiguresRow) total: ApprenticeshipFiguresRow;
}

export enum ImportAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ImportAction, { name: 'ApprenticeImportAction' });

@ObjectType('ApprenticeImportError')
export class ApprenticeImportErrorModel {
  @Field({ description: 'The column: name, email, trade, start, end or county' }) field: string;
  @Field() message: string;
}

@ObjectType('ApprenticeImportRow')
export class ApprenticeImportRowModel {
  @Field(() => Int, { description: 'The row in the file (the header is row 1)' }) row: number;
  @Field() name: string;
  @Field() email: string;
  @Field() trade: string;
  @Field() start: string;
  @Field() end: string;
  @Field() county: string;
  @Field(() => ImportAction, { nullable: true, description: 'Null when the row has errors' }) action: ImportAction | null;
  @Field(() => [ApprenticeImportErrorModel]) errors: ApprenticeImportErrorModel[];
}

@ObjectType('ApprenticeImport')
export class ApprenticeImportModel {
  @Field(() => [ApprenticeImportRowModel]) rows: ApprenticeImportRowModel[];
  @Field({ description: 'Whether the file can be applied: it has rows and none has errors' }) valid: boolean;
  @Field({ description: 'Whether it was applied' }) applied: boolean;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
}
