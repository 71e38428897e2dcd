import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { capabilitiesOf } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { CurrentUser } from '../identity/auth.decorators';
import { UserModel } from '../identity/models/user.model';
import { CapabilitiesModel } from './models/capabilities.model';
import { NetworkKind } from './entities/network.entity';
import { NetworksService } from './networks.service';

/** `me { capabilities }`: what the signed-in user may do. Resolved here because network leads count. */
@Resolver(() => UserModel)
export class CapabilitiesResolver {
  constructor(private readonly networks: NetworksService) {}

  @ResolveField(() => CapabilitiesModel, { nullable: true, description: 'What this user may do; only for the signed-in user themselves' })
  async capabilities(@Parent() user: UserModel, @CurrentUser() actor: Actor | null): Promise<CapabilitiesModel | null> {
    if (!actor || actor.id !== user.id) return null;
    const leads = actor.areaId ? await this.networks.leadKinds(actor, actor.areaId) : [];
    const c = capabilitiesOf(actor, leads);
    return { ...c, runNetworks: c.runNetworks as NetworkKind[] };
  }
}
