import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor, GqlContext } from '../../common/request-context';
import { AreasService } from '../areas/areas.service';
import { MinistryAreaModel, TrainingOfficeModel } from '../areas/models/area.models';
import { CurrentUser, Roles, SignedIn } from '../identity/auth.decorators';
import { AgenciesService } from './agencies.service';
import { CreateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs';
import { AgencyModel } from './models/agency.model';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';

@Resolver(() => AgencyModel)
export class AgenciesResolver {
  constructor(
    private readonly service: AgenciesService,
    private readonly areas: AreasService,
  ) {}

  @SignedIn()
  @Query(() => AgencyModel, { description: "An agency's page; coordinators of other agencies are refused" })
  agency(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.get(actor, id);
  }

  @SignedIn()
  @Query(() => [AgencyModel], { description: 'The agencies of an area (your own area when left out); agency users see their own agency' })
  agencies(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.service.list(actor, areaId);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Mutation(() => AgencyModel)
  createAgency(@CurrentUser() actor: Actor, @Args('input') input: CreateAgencyInput) {
    return this.service.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Mutation(() => AgencyModel)
  updateAgency(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: UpdateAgencyInput) {
    return this.service.update(actor, id, input);
  }

  @ResolveField(() => MinistryAreaModel)
  area(@Parent() a: AgencyModel, @Context() ctx: GqlContext) {
    return ctx.loaders.of(this.areas.areaById).load(a.areaId);
  }

  @ResolveField(() => TrainingOfficeModel, { nullable: true })
  trainingOffice(@Parent() a: AgencyModel, @Context() ctx: GqlContext) {
    return a.trainingOfficeId ? ctx.loaders.of(this.areas.trainingOfficeById).load(a.trainingOfficeId) : null;
  }
}
