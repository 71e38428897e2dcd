import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { POOL_LIMITS } from '@laerenett/shared-domain';
import { PoolEventKind } from '../entities/pooled-event.entity';
import { Attendance } from '../entities/shift-signup.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class ShiftInput {
  @Field({ description: 'ISO 8601 date-time' }) @IsDateString({}, { message: 'Give the start as a date and time' }) startsAt: string;
  @Field({ description: 'ISO 8601 date-time' }) @IsDateString({}, { message: 'Give the end as a date and time' }) endsAt: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) tasks: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'A shift needs at least one place' }) @Max(POOL_LIMITS.maxPlaces) places: number;
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) tradeIds: string[];
  @Field({ defaultValue: '' }) @IsString() @MaxLength(1_000) competenceGoals: string;
}

@InputType()
export class PoolEventInput {
  @Field(() => ID, { nullable: true, description: 'The agency holding the event; your own when left out' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
  @Field() @IsString() @Length(2, 200, { message: 'The title must be 2–200 characters' }) title: string;
  @Field(() => PoolEventKind) @IsEnum(PoolEventKind) kind: PoolEventKind;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(300) place: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'Use a date written YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: 'Use a date written YYYY-MM-DD' }) endsOn: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(10_000) description: string;
  @Field({ description: 'ISO 8601 date-time: sign-ups and withdrawals close here' })
  @IsDateString({}, { message: 'Give the deadline as a date and time' })
  signupDeadline: string;
  @Field(() => [ShiftInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'Add at least one shift' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ShiftInput)
  shifts: ShiftInput[];
}

@InputType()
export class ReviewPoolEventInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field() @IsBoolean() approve: boolean;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) comment: string;
}

@InputType()
export class DecideSignupInput {
  @Field(() => ID) @IsUUID() signupId: string;
  @Field() @IsBoolean() approve: boolean;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(1_000) note: string;
}

@InputType()
export class AssignInput {
  @Field(() => ID) @IsUUID() shiftId: string;
  @Field(() => ID) @IsUUID() userId: string;
}

@InputType()
export class AcceptStaffingInput {
  @Field(() => [AssignInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one assignment' })
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => AssignInput)
  assignments: AssignInput[];
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) @IsUUID() signupId: string;
  @Field(() => Attendance) @IsEnum(Attendance) attendance: Attendance;
  @Field(() => Float, { nullable: true, description: 'Hours worked; the length of the shift when left out' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(POOL_LIMITS.maxShiftHours)
  hours?: number | null;
}

@InputType()
export class PoolHelperInput {
  @Field() @IsBoolean() offering: boolean;
  @Field(() => Int, { defaultValue: POOL_LIMITS.defaultHoursPerMonth })
  @IsInt()
  @Min(POOL_LIMITS.minHoursPerMonth)
  @Max(POOL_LIMITS.maxHoursPerMonth)
  maxHoursPerMonth: number;
}

@InputType()
export class CompetenceSubjectInput {
  @Field(() => ID, { nullable: true, description: 'Your own area when left out' }) @IsOptional() @IsUUID() areaId?: string;
  @Field() @IsString() @Length(2, 120, { message: 'The subject must be 2–120 characters' }) name: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) description: string;
}

@InputType()
export class CompetenceApprenticeInput {
  @Field(() => ID) @IsUUID() subjectId: string;
  @Field(() => ID) @IsUUID() userId: string;
  @Field() @IsBoolean() covers: boolean;
}

@InputType()
export class HelpRequestInput {
  @Field(() => ID) @IsUUID() subjectId: string;
  @Field() @IsString() @Length(5, 2_000, { message: 'Describe what you need help with in 5–2000 characters' }) description: string;
}

@InputType()
export class CloseHelpRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) note: string;
}

@InputType()
export class EventFeedbackInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field() @IsString() @MaxLength(5_000) feedback: string;
}
