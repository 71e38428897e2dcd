import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { canSeeApprenticeContact } from '../../common/access-policy';
import type { Actor, GqlContext } from '../../common/request-context';
import { AgencyModel } from '../agencies/models/agency.model';
import { AreasService } from '../areas/areas.service';
import { TradeModel } from '../areas/models/area.models';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { ApprenticesService } from './apprentices.service';
import { CreateApprenticeInput, UpdateApprenticeInput } from './dto/apprentice.inputs';
import { ApprenticeEntity } from './entities/apprentice.entity';
import { ApprenticeAccount, ApprenticeModel } from './models/apprentice.model';
import { IdArg } from '../../graphql/id-arg';

const COORDINATORS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;

@Resolver(() => ApprenticeModel)
export class ApprenticesResolver {
  constructor(
    private readonly service: ApprenticesService,
    private readonly areas: AreasService,
  ) {}

  @Roles(...COORDINATORS)
  @Query(() => [ApprenticeModel])
  apprentices(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.service.listForAgency(actor, agencyId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => ApprenticeModel)
  createApprentice(@CurrentUser() actor: Actor, @Args('input') input: CreateApprenticeInput) {
    return this.service.create(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => ApprenticeModel)
  updateApprentice(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: UpdateApprenticeInput) {
    return this.service.update(actor, id, input);
  }

  @ResolveField(() => String, { nullable: true, description: "Shown only to the apprentice's own agency coordinators and the apprentice" })
  email(@Parent() a: ApprenticeEntity, @Context() ctx: GqlContext): string | null {
    const actor = ctx.req.actor;
    return actor && canSeeApprenticeContact(actor, a) ? a.email : null;
  }

  @ResolveField(() => ApprenticeAccount, { description: 'Whether the apprentice has a user in Lærenett, or an invitation waiting' })
  account(@Parent() a: ApprenticeEntity & { account?: ApprenticeAccount }): ApprenticeAccount {
    return a.account ?? (a.userId ? ApprenticeAccount.ACTIVE : ApprenticeAccount.NONE);
  }

  @ResolveField(() => TradeModel)
  trade(@Parent() a: ApprenticeEntity, @Context() ctx: GqlContext) {
    return ctx.loaders.of(this.areas.tradeById).load(a.tradeId);
  }
}

/** The apprentices of an agency, as a field of the agency. */
@Resolver(() => AgencyModel)
export class AgencyApprenticesResolver {
  constructor(private readonly service: ApprenticesService) {}

  @ResolveField(() => [ApprenticeModel], {
    complexity: 20,
    description: 'Refused (FORBIDDEN) unless you coordinate this agency or its area',
  })
  apprentices(@Parent() agency: AgencyModel, @Context() ctx: GqlContext) {
    return this.service.listForAgency(ctx.req.actor as Actor, agency.id);
  }

  @ResolveField(() => Int, { description: 'Apprentices under contract today' })
  apprenticesNow(@Parent() agency: AgencyModel, @Context() ctx: GqlContext) {
    return ctx.loaders.of(this.service.underContractToday).load(agency.id);
  }
}
