import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';
import { CurrentUser, Roles, SignedIn } from '../identity/auth.decorators';
import { CompetenceService } from './competence.service';
import {
  AcceptStaffingInput,
  AssignInput,
  AttendanceInput,
  CloseHelpRequestInput,
  CompetenceApprenticeInput,
  CompetenceSubjectInput,
  DecideSignupInput,
  EventFeedbackInput,
  HelpRequestInput,
  PoolEventInput,
  PoolHelperInput,
  ReviewPoolEventInput,
} from './dto/pooling.inputs';
import {
  CompetenceSubjectModel,
  HelpRequestModel,
  PoolAssigneeModel,
  PoolEventModel,
  PoolHelperModel,
  PoolRecordModel,
  ShiftSignupModel,
  StaffingProposalModel,
} from './models/pooling.models';
import { PoolEventsService } from './pool-events.service';
import { PoolHelpersService } from './pool-helpers.service';
import { PoolRecordsService } from './pool-records.service';
import { PoolSignupsService } from './pool-signups.service';
import { PoolStaffingService } from './pool-staffing.service';

const COORDINATORS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;
const MINISTRY = [Role.ADMIN, Role.MINISTRY_COORDINATOR] as const;

@Resolver(() => PoolEventModel)
export class PoolingResolver {
  constructor(
    private readonly events: PoolEventsService,
    private readonly signups: PoolSignupsService,
    private readonly staffing: PoolStaffingService,
    private readonly records: PoolRecordsService,
    private readonly helpers: PoolHelpersService,
    private readonly competence: CompetenceService,
  ) {}

  @SignedIn()
  @Query(() => [PoolEventModel], { complexity: 20, description: "The area's pooled events (coming ones unless includePast)" })
  poolEvents(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('includePast', { defaultValue: false }) includePast?: boolean,
  ) {
    return this.events.events(actor, areaId, !!includePast);
  }

  @SignedIn()
  @Query(() => PoolEventModel)
  poolEvent(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.events.event(actor, id);
  }

  @SignedIn()
  @Query(() => [ShiftSignupModel], { description: "Who is on an event's shifts, as far as you may see" })
  poolEventSignups(@CurrentUser() actor: Actor, @IdArg('eventId') eventId: string) {
    return this.signups.eventSignups(actor, eventId);
  }

  @Roles(Role.APPRENTICE)
  @Query(() => [ShiftSignupModel], { description: 'Your shifts in the pool' })
  mySignups(@CurrentUser() actor: Actor) {
    return this.signups.mySignups(actor);
  }

  @Roles(Role.APPRENTICE)
  @Query(() => PoolHelperModel, { description: 'Your offer to help in the pool' })
  myPoolHelper(@CurrentUser() actor: Actor) {
    return this.helpers.myHelper(actor);
  }

  @Roles(...COORDINATORS)
  @Query(() => [ShiftSignupModel], { description: "Sign-ups waiting for your agency's approval" })
  pendingSignupApprovals(@CurrentUser() actor: Actor) {
    return this.signups.pendingApprovals(actor);
  }

  @Roles(...COORDINATORS, Role.APPRENTICE)
  @Query(() => PoolRecordModel, { description: "An apprentice's record of pool work (your own when userId is left out)" })
  poolRecord(@CurrentUser() actor: Actor, @OptionalIdArg('userId') userId?: string) {
    return this.records.record(actor, userId);
  }

  @Roles(...COORDINATORS)
  @Query(() => [PoolAssigneeModel], {
    description: "The apprentices you may put on a shift by hand: your own agency's, or for the ministry those of the area",
  })
  poolAssignees(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.signups.assignees(actor, areaId);
  }

  @Roles(...MINISTRY)
  @Query(() => StaffingProposalModel, {
    complexity: 50,
    description: "A fair staffing proposal for the pool's open places; nothing is assigned until accepted",
  })
  staffingProposal(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.staffing.propose(actor, areaId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => PoolEventModel, { description: 'Register an event with its shifts; the ministry approves it into the pool' })
  registerPoolEvent(@CurrentUser() actor: Actor, @Args('input') input: PoolEventInput) {
    return this.events.register(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => PoolEventModel, { description: 'Change an event not yet in the pool, and send it in again' })
  updatePoolEvent(@CurrentUser() actor: Actor, @IdArg('eventId') eventId: string, @Args('input') input: PoolEventInput) {
    return this.events.update(actor, eventId, input);
  }

  @Roles(...MINISTRY)
  @Mutation(() => PoolEventModel, { description: 'Approve an event into the pool, or send it back with a comment' })
  reviewPoolEvent(@CurrentUser() actor: Actor, @Args('input') input: ReviewPoolEventInput) {
    return this.events.review(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => PoolEventModel)
  cancelPoolEvent(@CurrentUser() actor: Actor, @IdArg('eventId') eventId: string) {
    return this.events.cancel(actor, eventId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => PoolEventModel, { description: "The event owner's short feedback afterwards" })
  setPoolEventFeedback(@CurrentUser() actor: Actor, @Args('input') input: EventFeedbackInput) {
    return this.records.setFeedback(actor, input.eventId, input.feedback);
  }

  @Roles(Role.APPRENTICE)
  @Mutation(() => ShiftSignupModel, { description: 'Sign up for a shift; your agency approves' })
  signUpForShift(@CurrentUser() actor: Actor, @IdArg('shiftId') shiftId: string) {
    return this.signups.signUp(actor, shiftId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => ShiftSignupModel, {
    description: "Put an apprentice on a shift (approved at once by their own agency; the ministry's assignments wait for the agency)",
  })
  assignToShift(@CurrentUser() actor: Actor, @Args('input') input: AssignInput) {
    return this.signups.assign(actor, input.shiftId, input.userId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => ShiftSignupModel, { description: "Approve or decline a sign-up (the apprentice's own agency)" })
  decideSignup(@CurrentUser() actor: Actor, @Args('input') input: DecideSignupInput) {
    return this.signups.decide(actor, input);
  }

  @SignedIn()
  @Mutation(() => ShiftSignupModel, { description: 'Withdraw from a shift: the apprentice before the deadline, a coordinator at any time' })
  withdrawSignup(@CurrentUser() actor: Actor, @IdArg('signupId') signupId: string) {
    return this.signups.withdraw(actor, signupId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => ShiftSignupModel, { description: 'Present or no-show, and the hours worked' })
  recordAttendance(@CurrentUser() actor: Actor, @Args('input') input: AttendanceInput) {
    return this.signups.attendance(actor, input);
  }

  @Roles(...MINISTRY)
  @Mutation(() => [ShiftSignupModel], {
    description: 'Accept a staffing proposal in whole or in part (all or nothing); the agencies then approve',
  })
  acceptStaffing(@CurrentUser() actor: Actor, @Args('input') input: AcceptStaffingInput) {
    return this.staffing.accept(actor, input);
  }

  @Roles(Role.APPRENTICE)
  @Mutation(() => PoolHelperModel, { description: 'Offer (or stop offering) to help in the pool, with your cap of hours per month' })
  setPoolHelper(@CurrentUser() actor: Actor, @Args('input') input: PoolHelperInput) {
    return this.helpers.setHelper(actor, input);
  }

  @SignedIn()
  @Query(() => [CompetenceSubjectModel], { description: 'The subjects and who covers them: public to the area' })
  competenceSubjects(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.competence.subjects(actor, areaId);
  }

  @SignedIn()
  @Query(() => [HelpRequestModel])
  helpRequests(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.competence.requests(actor, areaId);
  }

  @Roles(...MINISTRY)
  @Mutation(() => [CompetenceSubjectModel])
  createCompetenceSubject(@CurrentUser() actor: Actor, @Args('input') input: CompetenceSubjectInput) {
    return this.competence.createSubject(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => [CompetenceSubjectModel], { description: 'Make an apprentice a competence apprentice for a subject, or stop' })
  setCompetenceApprentice(@CurrentUser() actor: Actor, @Args('input') input: CompetenceApprenticeInput) {
    return this.competence.setApprentice(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => HelpRequestModel, { description: "Ask a subject's competence apprentices for help" })
  requestCompetenceHelp(@CurrentUser() actor: Actor, @Args('input') input: HelpRequestInput) {
    return this.competence.request(actor, input);
  }

  @Roles(Role.APPRENTICE)
  @Mutation(() => HelpRequestModel)
  takeHelpRequest(@CurrentUser() actor: Actor, @IdArg('requestId') requestId: string) {
    return this.competence.take(actor, requestId);
  }

  @SignedIn()
  @Mutation(() => HelpRequestModel)
  closeHelpRequest(@CurrentUser() actor: Actor, @Args('input') input: CloseHelpRequestInput) {
    return this.competence.close(actor, input);
  }
}
