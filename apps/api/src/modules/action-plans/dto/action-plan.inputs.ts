import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CriterionKind, MeasureStatus } from '@laerenett/shared-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Use a date written YYYY-MM-DD';

export enum PlanSource {
  /** The pilot's four measures, in Norwegian. */
  TEMPLATE = 'TEMPLATE',
  /** A copy of last year's plan, dates moved a year on, ticks cleared. */
  PREVIOUS_YEAR = 'PREVIOUS_YEAR',
  EMPTY = 'EMPTY',
}
registerEnumType(PlanSource, { name: 'PlanSource', description: 'What a new action plan starts from' });

@InputType()
export class CreateActionPlanInput {
  @Field(() => ID, { nullable: true, description: 'Your own area when left out' }) @IsOptional() @IsUUID() areaId?: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => PlanSource, { defaultValue: PlanSource.TEMPLATE }) @IsEnum(PlanSource) source: PlanSource;
}

@InputType()
export class UpdateActionPlanInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 500, { message: 'The main goal must be 2–500 characters' })
  mainGoal?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5_000) mainGoalDetail?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 1_000, { each: true, message: 'A sub-goal must be 1–1000 characters' })
  subGoals?: string[];
}

@InputType()
export class MeasureFieldsInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200, { message: 'The title must be 2–200 characters' }) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) purpose?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5_000) responsibilityMinistry?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5_000) responsibilityOkStat?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5_000) responsibilityAgencies?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) implementation?: string;
  @Field(() => MeasureStatus, { nullable: true }) @IsOptional() @IsEnum(MeasureStatus) status?: MeasureStatus;
  @Field(() => [ID], { nullable: true, description: 'Users of the area who own the measure' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  ownerIds?: string[];
}

@InputType()
export class AddMeasureInput extends MeasureFieldsInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field() @IsString() @Length(2, 200, { message: 'The title must be 2–200 characters' }) declare title: string;
}

@InputType()
export class UpdateMeasureInput extends MeasureFieldsInput {
  @Field(() => ID) @IsUUID() measureId: string;
}

@InputType()
export class AddMilestoneInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field() @IsString() @Length(2, 300, { message: 'The milestone must be 2–300 characters' }) title: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: DATE_MESSAGE }) dueDate: string;
}

@InputType()
export class UpdateMilestoneInput {
  @Field(() => ID) @IsUUID() milestoneId: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 300, { message: 'The milestone must be 2–300 characters' })
  title?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) dueDate?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() done?: boolean;
}

@InputType()
export class AddCriterionInput {
  @Field(() => ID) @IsUUID() measureId: string;
  @Field(() => CriterionKind) @IsEnum(CriterionKind) kind: CriterionKind;
  @Field() @IsString() @Length(2, 300, { message: 'The criterion must be 2–300 characters' }) label: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) dueDate?:
    string | null;
  @Field(() => Int, { nullable: true, description: 'For GATHERINGS_HELD: how many (default 3)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  threshold?: number | null;
}

@InputType()
export class CheckCriterionInput {
  @Field(() => ID) @IsUUID() criterionId: string;
  @Field() @IsBoolean() checked: boolean;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) comment: string;
}

@InputType()
export class RecordBilateralMeetingInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, { message: DATE_MESSAGE }) heldOn: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) participants: string;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(20_000) notes: string;
  @Field(() => Int, { nullable: true, description: 'The target for apprentices the agency set' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  targetSet?: number | null;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(5_000) helpRequested: string;
}
