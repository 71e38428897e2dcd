import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
}

@ObjectType('InvitationPreview', { description: 'What someone holding an invitation link may see before accepting' })
export class InvitationPreviewModel {
  @Field() email: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field() scope: string;
}
