import { PoolEventStatus } from '@laerenett/shared-domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Attendance, SignupOrigin, SignupState } from '../entities/shift-signup.entity';
import { PoolEventKind } from '../entities/pooled-event.entity';
import { HelpRequestStatus } from '../entities/competence.entity';

registerEnumType(PoolEventKind, { name: 'PoolEventKind', description: 'Event, seminar, course, project, election or other' });
registerEnumType(PoolEventStatus, { name: 'PoolEventStatus' });
registerEnumType(SignupState, { name: 'SignupState' });
registerEnumType(SignupOrigin, { name: 'SignupOrigin' });
registerEnumType(Attendance, { name: 'Attendance' });
registerEnumType(HelpRequestStatus, { name: 'HelpRequestStatus' });

@ObjectType('MySignup')
export class MySignupModel {
  @Field(() => ID) id: string;
  @Field(() => SignupState) state: SignupState;
}

@ObjectType('PoolShift')
export class PoolShiftModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() tasks: string;
  @Field(() => Int) places: number;
  @Field(() => Int, { description: 'Places held (pending or approved)' }) taken: number;
  @Field(() => [ID]) tradeIds: string[];
  @Field(() => [String]) tradeNames: string[];
  @Field() competenceGoals: string;
  @Field(() => MySignupModel, { nullable: true }) mySignup: MySignupModel | null;
  @Field(() => String, { nullable: true, description: 'For apprentices: OK, or why not (SIGNED_UP, FULL, DEADLINE, TRADE, CLASH, CAP)' })
  eligibility: string | null;
  @Field({ description: 'You may put an apprentice on this shift by hand (see poolAssignees for whom)' }) canAssign: boolean;
}

@ObjectType('PoolEvent', { description: 'An event where apprentices can help' })
export class PoolEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field() title: string;
  @Field(() => PoolEventKind) kind: PoolEventKind;
  @Field() place: string;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field() description: string;
  @Field() signupDeadline: Date;
  @Field(() => PoolEventStatus) status: PoolEventStatus;
  @Field() reviewComment: string;
  @Field() feedback: string;
  @Field({ description: 'You may change it, take attendance and give feedback' }) canManage: boolean;
  @Field({ description: 'You may approve it into the pool or send it back' }) canReview: boolean;
  @Field({ description: 'You may change it and send it in again (it is waiting for review or was sent back)' }) canEdit: boolean;
  @Field({ description: 'You may write the feedback afterwards (you hold it, it is in the pool and has begun)' }) canGiveFeedback: boolean;
  @Field(() => [PoolShiftModel]) shifts: PoolShiftModel[];
}

@ObjectType('ShiftSignup')
export class ShiftSignupModel {
  @Field(() => ID) id: string;
  @Field(() => ID) shiftId: string;
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field() agencyName: string;
  @Field(() => SignupState) state: SignupState;
  @Field(() => SignupOrigin) origin: SignupOrigin;
  @Field(() => Attendance, { nullable: true }) attendance: Attendance | null;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field() decisionNote: string;
  @Field() eventId: string;
  @Field() eventTitle: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() tasks: string;
  @Field() signupDeadline: Date;
}

@ObjectType('PoolAssignee', { description: 'An apprentice a coordinator may put on a shift by hand' })
export class PoolAssigneeModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field() agencyName: string;
}

@ObjectType('PoolHelper', { description: "An apprentice's offer to help in the pool" })
export class PoolHelperModel {
  @Field() offering: boolean;
  @Field(() => Int) maxHoursPerMonth: number;
}

@ObjectType('StaffingAssignmentView')
export class StaffingAssignmentModel {
  @Field(() => ID) shiftId: string;
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field() agencyName: string;
  @Field() eventTitle: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@ObjectType('StaffingProposal', { description: 'A proposal: nothing is assigned until it is accepted' })
export class StaffingProposalModel {
  @Field(() => [StaffingAssignmentModel]) assignments: StaffingAssignmentModel[];
  @Field(() => Int) open: number;
  @Field(() => Int) filled: number;
  @Field(() => Int, {
    description:
      'A proven upper bound on the places any proposal could fill (the linear relaxation, solved exactly as a flow); filled / upperBound is how close the proposal is to the best possible',
  })
  upperBound: number;
  @Field(() => Float, { description: 'Hours' }) largestLoad: number;
  @Field(() => Float, { description: 'Hours, per helper who offered' }) meanLoad: number;
  @Field(() => Int) helpers: number;
}

@ObjectType('PoolRecordEntry')
export class PoolRecordEntryModel {
  @Field() eventTitle: string;
  @Field() agencyName: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() tasks: string;
  @Field(() => Float) hours: number;
  @Field() competenceGoals: string;
}

@ObjectType('PoolRecord', { description: 'The events an apprentice helped at, for their own training documentation' })
export class PoolRecordModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => Float) totalHours: number;
  @Field(() => [PoolRecordEntryModel]) entries: PoolRecordEntryModel[];
}

@ObjectType('CompetencePerson')
export class CompetencePersonModel {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field() agencyName: string;
}

@ObjectType('CompetenceSubject', { description: 'A subject the competence apprentices cover (kompetanselærling)' })
export class CompetenceSubjectModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => [CompetencePersonModel]) apprentices: CompetencePersonModel[];
}

@ObjectType('HelpRequest')
export class HelpRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ID) subjectId: string;
  @Field() subjectName: string;
  @Field() requesterName: string;
  @Field() description: string;
  @Field(() => HelpRequestStatus) status: HelpRequestStatus;
  @Field(() => String, { nullable: true }) takenByName: string | null;
  @Field() closingNote: string;
  @Field() createdAt: Date;
  @Field({ description: 'You may take it (you cover its subject, and it is open)' }) canTake: boolean;
  @Field({ description: 'You may close it (you took it or asked, or you are the ministry)' }) canClose: boolean;
}
