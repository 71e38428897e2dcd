import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AfterTermination,
  CellDisclosure,
  CountyContactChannel,
  ExternalParticipantRole,
  FollowUpConcern,
  FollowUpParticipantRole,
  FollowUpStepKind,
  TerminationCause,
  TerminationMode,
  TerminationPhase,
} from '@laerenett/shared-domain';
import { FollowUpStatus } from '../entities/follow-up-case.entity';
import { FollowUpReadKind } from '../entities/follow-up-read-log.entity';

registerEnumType(FollowUpConcern, { name: 'FollowUpConcern', description: 'What worries the agency; several may apply' });
registerEnumType(FollowUpStepKind, { name: 'FollowUpStepKind', description: 'The steps of the follow-up ladder, in order' });
registerEnumType(FollowUpParticipantRole, { name: 'FollowUpParticipantRole' });
registerEnumType(ExternalParticipantRole, { name: 'ExternalParticipantRole', description: 'Someone from outside the agency, by role' });
registerEnumType(CountyContactChannel, { name: 'CountyContactChannel', description: "How the county's adviser was told" });
registerEnumType(TerminationMode, { name: 'TerminationMode' });
registerEnumType(TerminationCause, { name: 'TerminationCause' });
registerEnumType(TerminationPhase, { name: 'TerminationPhase' });
registerEnumType(AfterTermination, { name: 'AfterTermination', description: 'What the apprentice went on to' });
registerEnumType(CellDisclosure, {
  name: 'CellDisclosure',
  description: 'Shown, under 5, or hidden so that a small count cannot be worked out',
});
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });
registerEnumType(FollowUpReadKind, {
  name: 'FollowUpReadKind',
  description: 'A case read in full, in a list, or in the apprentice’s download',
});

@ObjectType('FollowUpPerson', { description: 'Someone of the agency who may take part in a step or own an action' })
export class FollowUpPersonModel {
  @Field(() => ID, { description: "A user's id; for an apprentice without a user, the apprentice's id" }) id: string;
  @Field() name: string;
  @Field(() => FollowUpParticipantRole) role: FollowUpParticipantRole;
}

@ObjectType('FollowUpParticipant')
export class FollowUpParticipantModel {
  @Field(() => ID) userId: string;
  @Field(() => FollowUpParticipantRole) role: FollowUpParticipantRole;
  @Field() name: string;
}

@ObjectType('ExternalParticipant', { description: 'Someone from outside the agency, by role and name (not a user)' })
export class ExternalParticipantModel {
  @Field(() => ExternalParticipantRole) role: ExternalParticipantRole;
  @Field() name: string;
  @Field(() => String, { nullable: true }) roleText: string | null;
}

@ObjectType('FollowUpAction', { description: 'An agreed action: what, who answers for it, by when' })
export class FollowUpActionModel {
  @Field(() => ID) id: string;
  @Field() description: string;
  @Field(() => ID, { nullable: true }) ownerUserId: string | null;
  @Field({ description: 'The owner: a user of the agency, or someone outside by name' }) ownerName: string;
  @Field({ description: 'YYYY-MM-DD' }) deadline: string;
  @Field(() => String, { nullable: true }) doneOn: string | null;
  @Field({ description: 'Not done and the deadline has passed' }) overdue: boolean;
}

@ObjectType('FollowUpStep', { description: 'A documented step of the ladder' })
export class FollowUpStepModel {
  @Field(() => ID) id: string;
  @Field(() => FollowUpStepKind) kind: FollowUpStepKind;
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => [FollowUpParticipantModel]) participants: FollowUpParticipantModel[];
  @Field(() => [ExternalParticipantModel]) externalParticipants: ExternalParticipantModel[];
  @Field() summary: string;
  @Field(() => [FollowUpActionModel]) actions: FollowUpActionModel[];
  @Field(() => String, { nullable: true }) nextMeetingOn: string | null;
  @Field(() => String, { nullable: true, description: "The staff's internal note; never shown to the apprentice (null for them)" })
  internalNote: string | null;
  @Field(() => String, { nullable: true }) recordedByName: string | null;
  @Field(() => String, { nullable: true, description: "Meeting: when the county's adviser was informed" }) countyAdviserInformedOn:
    string | null;
  @Field(() => CountyContactChannel, { nullable: true }) countyAdviserInformedHow: CountyContactChannel | null;
  @Field(() => Boolean, { nullable: true, description: 'Meeting: the apprentice was invited to bring a person they trust' })
  trustedPersonInvited: boolean | null;
  @Field(() => String, { nullable: true, description: 'Plan: the contract put in temporary interruption from this day' })
  interruptionStartsOn: string | null;
  @Field(() => String, { nullable: true }) interruptionCountyNotifiedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Plan or termination by agreement: the day it was signed' }) agreedOn: string | null;
  @Field(() => [FollowUpParticipantModel]) agreedBy: FollowUpParticipantModel[];
  @Field(() => TerminationMode, { nullable: true }) mode: TerminationMode | null;
  @Field(() => String, { nullable: true }) terminatedOn: string | null;
  @Field(() => [TerminationCause]) causes: TerminationCause[];
  @Field(() => String, { nullable: true }) causeText: string | null;
  @Field(() => AfterTermination, { nullable: true }) afterwards: AfterTermination | null;
  @Field(() => String, { nullable: true }) sentToCountyOn: string | null;
  @Field(() => String, { nullable: true }) countyDecidedOn: string | null;
}

@ObjectType('FollowUpCase', { description: 'A follow-up case: the concern, the steps taken, the agreed actions' })
export class FollowUpCaseModel {
  @Field(() => ID) id: string;
  @Field(() => ID) apprenticeId: string;
  @Field() apprenticeName: string;
  @Field(() => ID) agencyId: string;
  @Field() openedOn: string;
  @Field(() => String, { nullable: true }) openedByName: string | null;
  @Field(() => [FollowUpConcern]) concerns: FollowUpConcern[];
  @Field(() => String, { nullable: true }) concernText: string | null;
  @Field(() => FollowUpStatus) status: FollowUpStatus;
  @Field(() => String, { nullable: true }) closedOn: string | null;
  @Field(() => [FollowUpStepKind], { description: 'The steps that may be documented next (none when closed)' })
  nextSteps: FollowUpStepKind[];
  @Field(() => [FollowUpStepModel]) steps: FollowUpStepModel[];
  @Field(() => String, { nullable: true, description: 'The next meeting agreed in the last step' }) nextMeetingOn: string | null;
  @Field(() => TerminationPhase, { nullable: true }) terminationPhase: TerminationPhase | null;
  @Field({ description: 'Terminated in the first three months: the right to education is then normally kept' })
  rightToEducationNormallyKept: boolean;
  @Field(() => [FollowUpPersonModel], { description: 'Who of the agency may take part in a step or own an action' })
  people: FollowUpPersonModel[];
  @Field({ description: 'Whether the reader may document steps and mark actions done' }) canKeep: boolean;
  @Field(() => String, { nullable: true, description: 'The day the closed case will be erased, leaving only anonymous counts' })
  erasureDay: string | null;
}

@ObjectType('FollowUpCaseSummary', { description: "A case in the agency's list: no concerns, no steps" })
export class FollowUpCaseSummaryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) apprenticeId: string;
  @Field() apprenticeName: string;
  @Field() openedOn: string;
  @Field(() => FollowUpStatus) status: FollowUpStatus;
  @Field(() => String, { nullable: true }) closedOn: string | null;
  @Field(() => String, { nullable: true, description: 'The last step documented; null while none is' }) lastStep: FollowUpStepKind | null;
  @Field(() => String, { nullable: true }) nextMeetingOn: string | null;
  @Field(() => String, { nullable: true, description: 'The earliest deadline of an action not done' }) nextDeadline: string | null;
}

@ObjectType('FollowUpDeadline', { description: "An action's deadline or a next meeting of the reader's: dates and whom, no wording" })
export class FollowUpDeadlineModel {
  @Field(() => ID) caseId: string;
  @Field({ description: 'ACTION (a deadline) or MEETING (the next meeting)' }) kind: string;
  @Field() date: string;
  @Field({ description: 'The day has passed and it is not done' }) overdue: boolean;
  @Field(() => String, { nullable: true, description: "The apprentice's name; null when it is the reader's own" })
  apprenticeName: string | null;
}

@ObjectType('FollowUpReadLogEntry', { description: 'One read of a case: who, when, what' })
export class FollowUpReadLogEntryModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() apprenticeName: string;
  @Field() readerName: string;
  @Field() readerRole: string;
  @Field(() => FollowUpReadKind) what: FollowUpReadKind;
  @Field() readAt: Date;
}

@ObjectType('FollowUpSettings')
export class FollowUpSettingsModel {
  @Field(() => ID) agencyId: string;
  @Field(() => Int, { description: 'Months after the contract ended that a closed case is kept' }) retentionMonths: number;
}

@ObjectType('FigureCell', { description: 'A count as it may be published: the number, or "under 5", or hidden' })
export class FigureCellModel {
  @Field(() => Int, { nullable: true, description: 'Null unless shown' }) count: number | null;
  @Field(() => CellDisclosure) disclosure: CellDisclosure;
}

@ObjectType('FigureRow')
export class FigureRowModel {
  @Field() key: string;
  @Field(() => [FigureCellModel]) cells: FigureCellModel[];
  @Field(() => FigureCellModel, { nullable: true, description: 'Null where the rows’ totals are not published' })
  total: FigureCellModel | null;
}

@ObjectType('FigureTable', { description: 'A table of counts with small counts suppressed (suppressForPublication)' })
export class FigureTableModel {
  @Field(() => [String]) columns: string[];
  @Field(() => [FigureRowModel]) rows: FigureRowModel[];
  @Field(() => [FigureCellModel], { nullable: true, description: 'Null where the columns’ totals are not published' })
  columnTotals: FigureCellModel[] | null;
  @Field(() => FigureCellModel) total: FigureCellModel;
}

@ObjectType('FollowUpFigures', { description: "An area's follow-up counts for a year: no names, no count under 5 shown" })
export class FollowUpFiguresModel {
  @Field(() => ID) areaId: string;
  @Field(() => Int) year: number;
  @Field({ description: 'The day the open cases are counted on: the year’s last day, or today in the current year' }) asOf: string;
  @Field(() => FigureCellModel) openCases: FigureCellModel;
  @Field(() => FigureTableModel, {
    description: 'Terminations in the year by cause (rows) and phase (columns); a case may have several causes',
  })
  terminations: FigureTableModel;
  @Field(() => FigureTableModel, {
    description: 'Closed cases by the year they closed (rows) and outcome (columns), five years to the year',
  })
  outcomes: FigureTableModel;
  @Field(() => FigureTableModel, { description: 'Terminations in the year by what came after (rows) and phase (columns)' })
  afterwards: FigureTableModel;
}
