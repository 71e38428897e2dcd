import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';

registerEnumType(Role, { name: 'Role', description: 'What a user is in Lærenett' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field(() => ID, { nullable: true }) agencyId: string | null;
  @Field() language: string;
}
