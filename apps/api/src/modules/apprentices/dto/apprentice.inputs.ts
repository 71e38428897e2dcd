import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ApprenticeStatus } from '@laerenett/shared-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = 'Use a date written YYYY-MM-DD';

@InputType()
export class CreateApprenticeInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => ID) @IsUUID(undefined, { message: 'Choose a trade' }) tradeId: string;
  @Field() @IsString() @Length(2, 200, { message: 'The name must be 2–200 characters' }) name: string;
  @Field() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email: string;
  @Field() @Matches(DATE, { message: DATE_MSG }) contractStart: string;
  @Field() @Matches(DATE, { message: DATE_MSG }) contractEnd: string;
}

@InputType()
export class UpdateApprenticeInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, { message: 'Choose a trade' }) tradeId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200, { message: 'The name must be 2–200 characters' }) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'Enter a valid e-mail address' }) @MaxLength(254) email?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) contractStart?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) contractEnd?: string;
  @Field(() => ApprenticeStatus, { nullable: true }) @IsOptional() @IsEnum(ApprenticeStatus) status?: ApprenticeStatus;
  @Field(() => String, { nullable: true, description: 'Required when the status is TERMINATED or COMPLETED' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MSG })
  endedOn?: string | null;
}
