import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor, GqlContext } from '../../common/request-context';
import { CurrentUser, Public, Roles, SignedIn } from './auth.decorators';
import { AcceptInvitationInput, InviteUserInput, SignInInput } from './dto/identity.inputs';
import { IdentityService } from './identity.service';
import { InvitationModel, InvitationPreviewModel } from './models/invitation.model';
import { UserModel } from './models/user.model';

@Resolver(() => UserModel)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null' })
  me(@CurrentUser() actor: Actor | null): UserModel | null {
    return actor;
  }

  @Public()
  @Mutation(() => UserModel, { description: 'Sign in with e-mail and password; sets the session cookie' })
  signIn(@Args('input') input: SignInInput, @Context() ctx: GqlContext): Promise<UserModel> {
    return this.identity.signIn(input, ctx.req, ctx.res);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  signOut(@Context() ctx: GqlContext): Promise<boolean> {
    return this.identity.signOut(ctx.req, ctx.res);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Mutation(() => InvitationModel, { description: 'Invite a person by e-mail; the mail carries a link to choose a password' })
  inviteUser(@CurrentUser() actor: Actor, @Args('input') input: InviteUserInput): Promise<InvitationModel> {
    return this.identity.invite(actor, input);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR)
  @Query(() => [InvitationModel], { description: 'Invitations sent within your area or agency (latest 200)' })
  invitations(@CurrentUser() actor: Actor): Promise<InvitationModel[]> {
    return this.identity.listInvitations(actor);
  }

  @Public()
  @Query(() => InvitationPreviewModel)
  invitation(@Args('token') token: string): Promise<InvitationPreviewModel> {
    return this.identity.previewInvitation(token);
  }

  @Public()
  @Mutation(() => UserModel, { description: 'Accept an invitation: choose a password and be signed in' })
  acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: GqlContext): Promise<UserModel> {
    return this.identity.acceptInvitation(input, ctx.res);
  }
}
