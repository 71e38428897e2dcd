import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { CurrentUser, Roles, SignedIn } from '../identity/auth.decorators';
import { AreasService } from './areas.service';
import { CreateMinistryAreaInput, CreateTradeInput } from './dto/area.inputs';
import { MinistryAreaModel, TradeModel, TrainingOfficeModel } from './models/area.models';

@Resolver(() => MinistryAreaModel)
export class AreasResolver {
  constructor(private readonly areas: AreasService) {}

  @SignedIn()
  @Query(() => [MinistryAreaModel], { description: 'Every area for administrators; your own area for everyone else' })
  ministryAreas(@CurrentUser() actor: Actor) {
    return this.areas.listAreas(actor);
  }

  @SignedIn()
  @Query(() => [TradeModel])
  trades() {
    return this.areas.listTrades();
  }

  @SignedIn()
  @Query(() => [TrainingOfficeModel])
  trainingOffices() {
    return this.areas.listTrainingOffices();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => MinistryAreaModel)
  createMinistryArea(@Args('input') input: CreateMinistryAreaInput) {
    return this.areas.createArea(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => TradeModel)
  createTrade(@Args('input') input: CreateTradeInput) {
    return this.areas.createTrade(input);
  }
}
