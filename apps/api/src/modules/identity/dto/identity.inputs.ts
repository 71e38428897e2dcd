import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, IsEnum } from 'class-validator';
import { Role } from '@laerenett/shared-domain';

@InputType()
export class SignInInput {
  @Field() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email: string;
  @Field() @IsString() @Length(1, 200) password: string;
}

@InputType()
export class InviteUserInput {
  @Field() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email: string;
  @Field() @IsString() @Length(1, 200, { message: 'Give the person a name (1–200 characters)' }) name: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'Required for a ministry coordinator' }) @IsOptional() @IsUUID() areaId?: string;
  @Field(() => ID, { nullable: true, description: 'Required for agency coordinators and apprentices' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @Field({ defaultValue: 'nb' }) @IsIn(['nb', 'en'], { message: 'Language must be nb or en' }) language: string;
  @Field(() => ID, { nullable: true, description: "For an apprentice: the record in the agency's list that the new user is" })
  @IsOptional()
  @IsUUID()
  apprenticeId?: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @Length(20, 200) token: string;
  @Field() @IsString() @Length(12, 200, { message: 'Choose a password of at least 12 characters' }) password: string;
}
