import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver, Context } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor, GqlContext } from '../../common/request-context';
import { checkYear, currentYearInOslo } from '../../common/time';
import { AgencyModel } from '../agencies/models/agency.model';
import { CurrentUser, Roles, SignedIn } from '../identity/auth.decorators';
import { DashboardService } from './dashboard.service';
import { SetMinimumRuleInput, SetTargetInput } from './dto/target.inputs';
import { TargetEntity } from './entities/target.entity';
import { DashboardModel, MinimumRuleModel, TargetModel } from './models/target.models';
import { TargetsService } from './targets.service';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';

const COORDINATORS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;

const toModel = (t: TargetEntity | null): TargetModel | null =>
  t && {
    id: t.id,
    agencyId: t.agencyId,
    year: t.year,
    total: t.total,
    note: t.note,
    updatedAt: t.updatedAt,
    byTrade: (t.byTrade ?? []).map((b) => ({ tradeId: b.tradeId, count: b.count })),
  };

@Resolver(() => TargetModel)
export class TargetsResolver {
  constructor(
    private readonly service: TargetsService,
    private readonly dashboards: DashboardService,
    private readonly clock: Clock,
  ) {}

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Query(() => DashboardModel, { complexity: 50, description: "The area's targets dashboard; year defaults to this year" })
  dashboard(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.dashboards.dashboard(actor, areaId, checkYear(year ?? currentYearInOslo(this.clock.now())));
  }

  @Roles(...COORDINATORS)
  @Query(() => [TargetModel], { description: "An agency's targets, newest year first" })
  async targets(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return (await this.service.history(actor, agencyId)).map(toModel);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => TargetModel, { description: "Set an agency's target for a year (agency coordinator, or the ministry on its behalf)" })
  async setTarget(@CurrentUser() actor: Actor, @Args('input') input: SetTargetInput) {
    return toModel(await this.service.setTarget(actor, input));
  }

  @SignedIn()
  @Query(() => [MinimumRuleModel])
  minimumRules() {
    return this.service.listRules();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MinimumRuleModel, { description: 'Set the minimum rule threshold for a year (100 in the pilot, 75 from the 2022 rules)' })
  setMinimumRule(@Args('input') input: SetMinimumRuleInput) {
    return this.service.setRule(input);
  }
}

@Resolver(() => AgencyModel)
export class AgencyTargetResolver {
  constructor(
    private readonly service: TargetsService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => TargetModel, { nullable: true, description: "The agency's target for a year (this year when left out)" })
  async target(@Parent() a: AgencyModel, @Context() ctx: GqlContext, @Args('year', { type: () => Int, nullable: true }) year?: number) {
    return toModel(
      await ctx.loaders.of(this.service.targetByAgencyYear).load(`${a.id}|${checkYear(year ?? currentYearInOslo(this.clock.now()))}`),
    );
  }
}
