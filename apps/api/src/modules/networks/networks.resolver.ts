import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { CurrentUser, Roles, SignedIn } from '../identity/auth.decorators';
import { NetworkPersonInput, NetworkSettingsInput, PairMentorInput } from './dto/network.inputs';
import { currentYearInOslo } from '../../common/time';
import { MentorPairModel, NetworkCandidateModel, NetworkInvitationResultModel, NetworkModel } from './models/network.model';
import { NetworksService } from './networks.service';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';

const COORDINATORS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;

@Resolver(() => NetworkModel)
export class NetworksResolver {
  constructor(
    private readonly service: NetworksService,
    private readonly clock: Clock,
  ) {}

  @SignedIn()
  @Query(() => [NetworkModel], { description: "The area's staff and apprentice networks (your own area when left out)" })
  networks(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.service.list(actor, areaId);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Mutation(() => NetworkModel, { description: 'Appoint a network lead (at most two per network)' })
  appointNetworkLead(@CurrentUser() actor: Actor, @Args('input') input: NetworkPersonInput) {
    return this.service.appointLead(actor, input.networkId, input.userId);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Mutation(() => NetworkModel)
  removeNetworkLead(@CurrentUser() actor: Actor, @Args('input') input: NetworkPersonInput) {
    return this.service.removeLead(actor, input.networkId, input.userId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => NetworkModel, { description: "Add a person to the network (agency coordinators: their own agency's people)" })
  addNetworkMember(@CurrentUser() actor: Actor, @Args('input') input: NetworkPersonInput) {
    return this.service.addMember(actor, input.networkId, input.userId, true);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => NetworkModel)
  removeNetworkMember(@CurrentUser() actor: Actor, @Args('input') input: NetworkPersonInput) {
    return this.service.addMember(actor, input.networkId, input.userId, false);
  }

  @Roles(...COORDINATORS)
  @Query(() => [NetworkCandidateModel], {
    description: 'People you can place in the networks (your agency; the whole area for leads and the ministry)',
  })
  networkCandidates(@CurrentUser() actor: Actor) {
    return this.service.people(actor);
  }

  @SignedIn()
  @Query(() => [MentorPairModel], { description: "The area's mentor pairs (your own area when left out)" })
  mentorPairs(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.service.mentorPairs(actor, areaId);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => MentorPairModel, {
    description: 'Pair a newcomer with a mentor; both are told by mail (network leads and the ministry coordinator)',
  })
  pairMentor(@CurrentUser() actor: Actor, @Args('input') input: PairMentorInput) {
    return this.service.pairMentor(actor, input);
  }

  @Roles(...COORDINATORS)
  @Mutation(() => Boolean)
  removeMentorPair(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.service.removeMentorPair(actor, id);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Mutation(() => NetworkInvitationResultModel, {
    description: "Send this year's invitation to join the network to every agency of the area now (it also goes by itself on 1 August)",
  })
  async sendNetworkInvitations(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaIdArg?: string) {
    const areaId = areaIdArg ?? actor.areaId;
    await this.service.list(actor, areaId ?? undefined);
    return this.service.sendNetworkInvitations(areaId, currentYearInOslo(this.clock.now()));
  }

  @SignedIn()
  @Mutation(() => NetworkModel, { description: 'Network settings (network leads and the ministry coordinator)' })
  setNetworkSettings(@CurrentUser() actor: Actor, @Args('input') input: NetworkSettingsInput) {
    return this.service.setReminderDays(actor, input.networkId, input.reminderDays);
  }
}
