import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isIsoDate, Role } from '@laerenett/shared-domain';
import { invalid } from '../../graphql/app.exception';
import { Clock } from '../../common/clock';
import type { Actor, GqlContext } from '../../common/request-context';
import { checkYear, currentYearInOslo } from '../../common/time';
import { CurrentUser, Public, Roles, SignedIn } from '../identity/auth.decorators';
import {
  AnswerInput,
  CreateGatheringSeriesInput,
  GatheringActionInput,
  GatheringScheduleInput,
  UpdateGatheringInput,
} from './dto/gathering.inputs';
import { CalendarFeedService } from './calendar-feed.service';
import { GatheringsService } from './gatherings.service';
import {
  CalendarFeedModel,
  GatheringActionModel,
  GatheringSeriesModel,
  GatheringCriterionModel,
  GatheringModel,
  GatheringScheduleCreatedModel,
  InvitationGatheringModel,
  MyRsvpModel,
  RsvpCountsModel,
  RsvpModel,
  ScheduledDateModel,
} from './models/gathering.model';
import { scheduledDateModel } from './models/scheduled-date.mapper';
import { RsvpService } from './rsvp.service';
import { GatheringMailService } from './gathering-mail.service';
import { NetworksService } from '../networks/networks.service';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';

const PLANNERS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR, Role.APPRENTICE] as const;

@Resolver(() => GatheringModel)
export class GatheringsResolver {
  constructor(
    private readonly service: GatheringsService,
    private readonly rsvp: RsvpService,
    private readonly feeds: CalendarFeedService,
    private readonly networks: NetworksService,
    private readonly mails: GatheringMailService,
    private readonly clock: Clock,
  ) {}

  @SignedIn()
  @Query(() => CalendarFeedModel, { nullable: true, description: 'Whether you have a calendar address, and since when' })
  async calendarFeed(@CurrentUser() actor: Actor) {
    const f = await this.feeds.status(actor);
    return f ? { url: null, createdAt: f.createdAt } : null;
  }

  @SignedIn()
  @Mutation(() => CalendarFeedModel, { description: 'Make your private calendar address; any earlier one stops working' })
  createCalendarFeed(@CurrentUser() actor: Actor) {
    return this.feeds.create(actor);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Stop your calendar address from working' })
  revokeCalendarFeed(@CurrentUser() actor: Actor) {
    return this.feeds.revoke(actor);
  }

  @SignedIn()
  @Mutation(() => MyRsvpModel, { description: 'Check yourself in with the code link shown at the gathering' })
  checkInWithCode(@CurrentUser() actor: Actor, @Args('code') code: string) {
    return this.rsvp.checkInWithCode(actor, code);
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringActionModel, { description: "Add a follow-up point to the gathering's action list" })
  addGatheringAction(@CurrentUser() actor: Actor, @Args('input') input: GatheringActionInput) {
    return this.service.addAction(actor, input.gatheringId, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringActionModel)
  setGatheringActionDone(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('done') done: boolean) {
    return this.service.setActionDone(actor, id, done);
  }

  @SignedIn()
  @Query(() => [GatheringModel], { description: "The area's gatherings, soonest first (planners also see those not sent out)" })
  gatherings(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('from', { nullable: true, description: 'YYYY-MM-DD' }) from?: string,
    @Args('includeCancelled', { defaultValue: false }) includeCancelled?: boolean,
  ) {
    if (from !== undefined && !isIsoDate(from)) throw invalid('from must be a date written YYYY-MM-DD', { from: ['not a date'] });
    return this.service.list(actor, areaId, from, !!includeCancelled);
  }

  @SignedIn()
  @Query(() => GatheringModel)
  gathering(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.get(actor, id);
  }

  @Roles(...PLANNERS)
  @Query(() => Int, { description: 'How many people cancelling the gathering would tell by e-mail (0 when it has not been sent out)' })
  gatheringCancelReach(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.getManageable(actor, id).then((g) => this.mails.cancelReach(g));
  }

  @SignedIn()
  @Query(() => [GatheringCriterionModel], { description: "The action plan's network criteria for a year, with what is missing" })
  gatheringCriteria(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.service.criteria(actor, areaId, checkYear(year ?? currentYearInOslo(this.clock.now())));
  }

  @Roles(...PLANNERS)
  @Query(() => [ScheduledDateModel], {
    description: 'The dates a schedule would give, each kept, moved or skipped by its holiday rule; nothing is saved',
  })
  gatheringSchedulePreview(@Args('input') input: GatheringScheduleInput) {
    return this.service.schedule(input).dates.map(scheduledDateModel);
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringScheduleCreatedModel, {
    description:
      'Create a schedule (RRULE) and its gatherings for the coming months, saying for each date whether it was kept, moved or skipped',
  })
  async createGatheringSchedule(@CurrentUser() actor: Actor, @Args('input') input: CreateGatheringSeriesInput) {
    const { series, dates } = await this.service.createSeries(actor, input);
    const gatherings = (await this.service.list(actor, series.areaId, undefined, false)).filter((g) => g.seriesId === series.id);
    return { series, dates: dates.map(scheduledDateModel), gatherings };
  }

  @Roles(...PLANNERS)
  @Mutation(() => [GatheringModel], {
    deprecationReason: 'Use createGatheringSchedule, which also says what happened to each date',
    description: 'Create a schedule (RRULE) and its gatherings for the coming months',
  })
  async createGatheringSeries(@CurrentUser() actor: Actor, @Args('input') input: CreateGatheringSeriesInput) {
    const { series } = await this.service.createSeries(actor, input);
    return (await this.service.list(actor, series.areaId, undefined, false)).filter((g) => g.seriesId === series.id);
  }

  @SignedIn()
  @Query(() => [GatheringSeriesModel], { description: "The area's schedules (your own area when left out)" })
  gatheringSeries(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.service.listSeries(actor, areaId);
  }

  @Roles(...PLANNERS)
  @Mutation(() => Boolean, { description: 'Pause a schedule (its future unsent gatherings are removed) or resume it' })
  async setGatheringSeriesPaused(@CurrentUser() actor: Actor, @IdArg('seriesId') seriesId: string, @Args('paused') paused: boolean) {
    return (await this.service.pauseSeries(actor, seriesId, paused)).paused;
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringModel, { description: 'Change one gathering; if it is published, everyone invited gets an update' })
  updateGathering(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: UpdateGatheringInput) {
    return this.service.update(actor, id, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringModel, { description: 'Send the invitation to every member of the audience' })
  publishGathering(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.publish(actor, id);
  }

  @Roles(...PLANNERS)
  @Mutation(() => GatheringModel, { description: 'Cancel; everyone invited is told, with a calendar cancellation' })
  cancelGathering(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.cancel(actor, id);
  }

  @SignedIn()
  @Mutation(() => MyRsvpModel, { description: 'Answer yes or no; a yes beyond the capacity goes on the waitlist' })
  answerGathering(@CurrentUser() actor: Actor, @IdArg('gatheringId') gatheringId: string, @Args('input') input: AnswerInput) {
    return this.rsvp.answerAsUser(actor, gatheringId, input);
  }

  @Public()
  @Query(() => InvitationGatheringModel, { description: 'The gathering behind a signed answer link' })
  gatheringInvitation(@Args('token') token: string) {
    return this.rsvp.view(token);
  }

  @Public()
  @Mutation(() => MyRsvpModel, { description: 'Answer with the signed link from the invitation, without signing in' })
  answerGatheringByLink(@Args('token') token: string, @Args('input') input: AnswerInput) {
    return this.rsvp.answerByToken(token, input);
  }

  @Roles(...PLANNERS)
  @Mutation(() => RsvpModel, { description: 'Tick a person off as present (or not) on the day' })
  async checkIn(
    @CurrentUser() actor: Actor,
    @IdArg('gatheringId') gatheringId: string,
    @IdArg('userId') userId: string,
    @Args('present', { defaultValue: true }) present: boolean,
  ) {
    await this.rsvp.checkIn(actor, gatheringId, userId, present);
    return (await this.rsvp.list(actor, gatheringId)).find((r) => r.userId === userId);
  }

  @ResolveField(() => [RsvpModel], { complexity: 20, description: 'The answers (network leads and the ministry coordinator)' })
  rsvps(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return this.rsvp.list(ctx.req.actor as Actor, g.id);
  }

  @ResolveField(() => [String], { description: 'Accessibility and dietary needs among those coming, counted, without names' })
  needs(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return this.rsvp.needs(ctx.req.actor as Actor, g.id);
  }

  @ResolveField(() => [GatheringActionModel])
  actions(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return this.service.actions(ctx.req.actor as Actor, g.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The check-in link to show at the gathering (organisers only)' })
  checkInLink(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return this.rsvp.checkInLink(ctx.req.actor as Actor, g.id);
  }

  @ResolveField(() => Boolean, {
    description: "Whether you plan this gathering: change, send out, cancel (its network's leads and the ministry coordinator)",
  })
  canManage(@Parent() g: GatheringModel, @Context() ctx: GqlContext): Promise<boolean> {
    const actor = ctx.req.actor;
    return actor ? this.networks.canRunNetwork(actor, g.areaId, g.audience, ctx.loaders.memo) : Promise.resolve(false);
  }

  @ResolveField(() => RsvpCountsModel)
  counts(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return ctx.loaders.of(this.rsvp.countsByGathering).load(g.id);
  }

  @ResolveField(() => MyRsvpModel, { nullable: true })
  myAnswer(@Parent() g: GatheringModel, @Context() ctx: GqlContext) {
    return ctx.req.actor ? this.rsvp.mine(ctx.req.actor, g.id) : null;
  }
}
