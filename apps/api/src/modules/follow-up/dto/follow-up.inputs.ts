import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AfterTermination,
  CountyContactChannel,
  ExternalParticipantRole,
  FollowUpConcern,
  FollowUpParticipantRole,
  FollowUpStepKind,
  InterruptionKind,
  TerminationCause,
  TerminationMode,
} from '@laerenett/shared-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = 'Use a date written YYYY-MM-DD';
const TEXT = { message: 'At most 4,000 characters' };

@InputType()
export class OpenFollowUpCaseInput {
  @Field(() => ID) @IsUUID() apprenticeId: string;
  @Field() @Matches(DATE, { message: DATE_MSG }) openedOn: string;
  @Field(() => [FollowUpConcern]) @ArrayMaxSize(10) @IsEnum(FollowUpConcern, { each: true }) concerns: FollowUpConcern[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000, TEXT) concernText?: string | null;
}

@InputType()
export class FollowUpParticipantInput {
  @Field(() => FollowUpParticipantRole) @IsEnum(FollowUpParticipantRole) role: FollowUpParticipantRole;
  @Field(() => ID, { description: "A user's id; for an apprentice without a user, the apprentice's id" }) @IsUUID() userId: string;
}

@InputType()
export class ExternalParticipantInput {
  @Field(() => ExternalParticipantRole) @IsEnum(ExternalParticipantRole) role: ExternalParticipantRole;
  @Field() @IsString() @MaxLength(200) name: string;
  @Field(() => String, { nullable: true, description: 'Who they are, when the role is OTHER' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  roleText?: string | null;
}

@InputType()
export class FollowUpActionInput {
  @Field() @IsString() @MaxLength(1000) description: string;
  @Field(() => ID, { nullable: true, description: 'A person of the case (see FollowUpCase.people)' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;
  @Field(() => String, { nullable: true, description: 'Someone outside the agency, by name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerName?: string | null;
  @Field() @Matches(DATE, { message: DATE_MSG }) deadline: string;
}

@InputType()
export class CountyContactInput {
  @Field() @Matches(DATE, { message: DATE_MSG }) on: string;
  @Field(() => CountyContactChannel) @IsEnum(CountyContactChannel) how: CountyContactChannel;
}

@InputType()
export class FollowUpInterruptionInput {
  @Field() @Matches(DATE, { message: DATE_MSG }) startsOn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) countyNotifiedOn?: string | null;
  @Field(() => InterruptionKind, { nullable: true, description: 'OTHER when left out' })
  @IsOptional()
  @IsEnum(InterruptionKind)
  kind?: InterruptionKind | null;
}

@InputType()
export class FollowUpAgreementInput {
  @Field() @Matches(DATE, { message: DATE_MSG }) agreedOn: string;
  @Field(() => [FollowUpParticipantInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FollowUpParticipantInput)
  agreedBy: FollowUpParticipantInput[];
}

/** One step of the ladder; the fields of its kind beside those of every step. */
@InputType()
export class RecordFollowUpStepInput {
  @Field(() => ID) @IsUUID() caseId: string;
  @Field(() => FollowUpStepKind) @IsEnum(FollowUpStepKind) kind: FollowUpStepKind;
  @Field() @Matches(DATE, { message: DATE_MSG }) date: string;
  @Field(() => [FollowUpParticipantInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FollowUpParticipantInput)
  participants: FollowUpParticipantInput[];
  @Field(() => [ExternalParticipantInput])
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExternalParticipantInput)
  externalParticipants: ExternalParticipantInput[];
  @Field() @IsString() @MaxLength(4000, TEXT) summary: string;
  @Field(() => [FollowUpActionInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FollowUpActionInput)
  actions: FollowUpActionInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) nextMeetingOn?: string | null;
  @Field(() => String, { nullable: true, description: "The staff's note, never shown to the apprentice" })
  @IsOptional()
  @IsString()
  @MaxLength(4000, TEXT)
  internalNote?: string | null;
  @Field(() => CountyContactInput, { nullable: true, description: "Meeting: when and how the county's adviser was informed" })
  @IsOptional()
  @ValidateNested()
  @Type(() => CountyContactInput)
  countyAdviserInformed?: CountyContactInput | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() trustedPersonInvited?: boolean | null;
  @Field(() => FollowUpInterruptionInput, { nullable: true, description: 'Plan: put the contract in temporary interruption' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpInterruptionInput)
  interruption?: FollowUpInterruptionInput | null;
  @Field(() => FollowUpAgreementInput, { nullable: true, description: 'Plan, or termination by agreement: who signed, and when' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FollowUpAgreementInput)
  agreement?: FollowUpAgreementInput | null;
  @Field(() => TerminationMode, { nullable: true }) @IsOptional() @IsEnum(TerminationMode) mode?: TerminationMode | null;
  @Field(() => String, { nullable: true, description: "Termination: the contract's last day" })
  @IsOptional()
  @Matches(DATE, { message: DATE_MSG })
  terminatedOn?: string | null;
  @Field(() => [TerminationCause], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(TerminationCause, { each: true })
  causes?: TerminationCause[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) causeText?: string | null;
  @Field(() => AfterTermination, { nullable: true, description: 'UNKNOWN when left out' })
  @IsOptional()
  @IsEnum(AfterTermination)
  afterwards?: AfterTermination | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) sentToCountyOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) countyDecidedOn?: string | null;
}

@InputType()
export class FollowUpSettingsInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(120) retentionMonths: number;
}
