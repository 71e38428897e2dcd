import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { followUpCapabilitiesOf } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { CapabilitiesModel } from '../networks/models/capabilities.model';
import { FollowUpSettingsInput, OpenFollowUpCaseInput, RecordFollowUpStepInput } from './dto/follow-up.inputs';
import { FollowUpFiguresService } from './figures.service';
import { FollowUpCasesService } from './follow-up-cases.service';
import {
  FollowUpCaseModel,
  FollowUpCaseSummaryModel,
  FollowUpDeadlineModel,
  FollowUpFiguresModel,
  FollowUpReadLogEntryModel,
  FollowUpSettingsModel,
} from './models/follow-up.models';
import { FollowUpReadLogService } from './read-log.service';

// Every signed-in role reaches the services, which answer NOT_FOUND to anyone who may not see a
// case (another agency, the ministry, admins), so that a case's existence does not leak.
const ANYONE = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR, Role.APPRENTICE] as const;

@Resolver(() => FollowUpCaseModel)
export class FollowUpResolver {
  constructor(
    private readonly cases: FollowUpCasesService,
    private readonly readLog: FollowUpReadLogService,
    private readonly figures: FollowUpFiguresService,
  ) {}

  @Roles(...ANYONE)
  @Query(() => [FollowUpCaseSummaryModel], {
    description: "The agency's follow-up cases, for its coordinators (each listed case is logged)",
  })
  followUpCases(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.cases.list(actor, agencyId);
  }

  @Roles(...ANYONE)
  @Query(() => FollowUpCaseModel, {
    description: 'One case: the apprentice, their leader and instructors, the agency’s coordinators (logged)',
  })
  followUpCase(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.cases.get(actor, id);
  }

  @Roles(Role.APPRENTICE)
  @Query(() => [FollowUpCaseModel], { description: "The signed-in apprentice's cases, without the staff's internal notes (logged)" })
  myFollowUpCases(@CurrentUser() actor: Actor) {
    return this.cases.mine(actor);
  }

  @Roles(...ANYONE)
  @Query(() => [FollowUpDeadlineModel], {
    description: "The signed-in staff member's own deadlines and next meetings in the cases they keep (each case listed is logged)",
  })
  myFollowUpDeadlines(@CurrentUser() actor: Actor) {
    return this.cases.deadlines(actor);
  }

  @Roles(...ANYONE)
  @Query(() => [FollowUpReadLogEntryModel], { description: "Who read the agency's cases, when, what: for its coordinators" })
  followUpReadLog(
    @CurrentUser() actor: Actor,
    @IdArg('agencyId') agencyId: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number,
  ) {
    return this.readLog.list(actor, agencyId, limit ?? 200);
  }

  @Roles(...ANYONE)
  @Query(() => FollowUpSettingsModel)
  followUpSettings(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.cases.settings(actor, agencyId);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Query(() => FollowUpFiguresModel, { description: "The area's follow-up counts: no names, counts under 5 shown as such" })
  followUpFigures(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.figures.forActor(actor, areaId, year);
  }

  @Roles(...ANYONE)
  @Mutation(() => FollowUpCaseModel, { description: 'Opens a case on a concern: the professional leader or the agency’s coordinator' })
  openFollowUpCase(@CurrentUser() actor: Actor, @Args('input') input: OpenFollowUpCaseInput) {
    return this.cases.open(actor, input);
  }

  @Roles(...ANYONE)
  @Mutation(() => FollowUpCaseModel, {
    description: 'Documents the next step of the ladder, in order; resolution or termination closes the case',
  })
  recordFollowUpStep(@CurrentUser() actor: Actor, @Args('input') input: RecordFollowUpStepInput) {
    return this.cases.recordStep(actor, input);
  }

  @Roles(...ANYONE)
  @Mutation(() => FollowUpCaseModel)
  setFollowUpActionDone(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('done') done: boolean) {
    return this.cases.setActionDone(actor, id, done);
  }

  @Roles(...ANYONE)
  @Mutation(() => FollowUpSettingsModel)
  setFollowUpSettings(@CurrentUser() actor: Actor, @Args('input') input: FollowUpSettingsInput) {
    return this.cases.setSettings(actor, input);
  }
}

/** `me { capabilities { keepFollowUp … } }`: the follow-up's part of what the user may do. */
@Resolver(() => CapabilitiesModel)
export class FollowUpCapabilitiesResolver {
  @ResolveField(() => Boolean, { description: "Keep the agency's follow-up cases (open, document, read log)" })
  keepFollowUp(@CurrentUser() actor: Actor): boolean {
    return followUpCapabilitiesOf(actor).keepFollowUp;
  }

  @ResolveField(() => Boolean, { description: 'Has follow-up of their own to see (an apprentice)' })
  ownFollowUp(@CurrentUser() actor: Actor): boolean {
    return followUpCapabilitiesOf(actor).ownFollowUp;
  }

  @ResolveField(() => Boolean, { description: "See the area's follow-up figures" })
  followUpFigures(@CurrentUser() actor: Actor): boolean {
    return followUpCapabilitiesOf(actor).followUpFigures;
  }
}
