import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { HolidayRule } from '@laerenett/shared-domain';
import { GatheringAudience } from '../entities/gathering-series.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A schedule's rule: enough to say which dates it gives, before anything is saved. */
@InputType()
export class GatheringScheduleInput {
  @Field({ description: 'RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH' })
  @IsString()
  @Length(8, 500, { message: 'Write the rule as in RFC 5545, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH' })
  rrule: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'Use a date written YYYY-MM-DD' }) firstDate: string;
  @Field({ description: 'HH:mm, Europe/Oslo' }) @Matches(TIME, { message: 'Use a time written HH:mm' }) startTime: string;
  @Field({ description: 'HH:mm, Europe/Oslo' }) @Matches(TIME, { message: 'Use a time written HH:mm' }) endTime: string;
  @Field(() => Int, { defaultValue: 12, description: 'How many months ahead to create gatherings' })
  @IsInt()
  @Min(1, { message: 'Plan at least 1 month ahead' })
  @Max(24, { message: 'Plan at most 24 months ahead' })
  horizonMonths: number;
  @Field(() => HolidayRule, {
    defaultValue: HolidayRule.MOVE,
    description: 'What to do with a date on a holiday, a weekend, or in the Christmas or July holiday',
  })
  @IsEnum(HolidayRule, { message: 'Choose MOVE (to the nearest working day of the same week) or SKIP' })
  holidayRule: HolidayRule;
}

@InputType()
export class CreateGatheringSeriesInput extends GatheringScheduleInput {
  @Field(() => ID, { nullable: true, description: 'Your own area when left out' }) @IsOptional() @IsUUID() areaId?: string;
  @Field(() => GatheringAudience) @IsEnum(GatheringAudience) audience: GatheringAudience;
  @Field() @IsString() @Length(2, 200, { message: 'The title must be 2–200 characters' }) title: string;
}

@InputType()
export class UpdateGatheringInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200, { message: 'The title must be 2–200 characters' }) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) theme?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) agenda?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD (Oslo)' })
  @IsOptional()
  @Matches(DATE, { message: 'Use a date written YYYY-MM-DD' })
  date?: string;
  @Field({ nullable: true, description: 'HH:mm (Oslo)' })
  @IsOptional()
  @Matches(TIME, { message: 'Use a time written HH:mm' })
  startTime?: string;
  @Field({ nullable: true, description: 'HH:mm (Oslo)' })
  @IsOptional()
  @Matches(TIME, { message: 'Use a time written HH:mm' })
  endTime?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) place?: string;
  @Field({ nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.videoUrl !== '')
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'The video link must be an https:// address' })
  videoUrl?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() hostAgencyId?: string;
  @Field(() => Int, { nullable: true, description: '0 removes the limit' }) @IsOptional() @IsInt() @Min(0) @Max(10_000) capacity?: number;
  @Field(() => Int, { nullable: true, description: '0 removes the limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000)
  seatsPerAgency?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(50_000) minutes?: string;
}

@InputType()
export class AnswerInput {
  @Field() @IsIn(['YES', 'NO'], { message: 'Answer YES or NO' }) answer: 'YES' | 'NO';
  @Field({ defaultValue: '' }) @IsString() @MaxLength(500) accessibilityNeeds: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(500) dietaryNeeds: string;
}

@InputType()
export class GatheringActionInput {
  @Field(() => ID) @IsUUID() gatheringId: string;
  @Field() @IsString() @Length(2, 500, { message: 'Describe the action in 2–500 characters' }) text: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(200) owner: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE, { message: 'Use a date written YYYY-MM-DD' })
  dueDate?: string | null;
}
