import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Use a date written YYYY-MM-DD';

@InputType({ description: "The year's December dates; each must be a real day, in order" })
export class UpdateSummaryCycleInput {
  @Field(() => ID, { nullable: true, description: 'Your own area when left out' }) @IsOptional() @IsUUID() areaId?: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field() @Matches(DATE, { message: DATE_MESSAGE }) opensOn: string;
  @Field() @Matches(DATE, { message: DATE_MESSAGE }) agencyDeadline: string;
  @Field() @Matches(DATE, { message: DATE_MESSAGE }) compileFrom: string;
  @Field() @Matches(DATE, { message: DATE_MESSAGE }) compileTo: string;
  @Field() @Matches(DATE, { message: DATE_MESSAGE }) sendBy: string;
}

@InputType({ description: "The agency's own words on its year; saved as a draft until submitted" })
export class SaveAgencyReportInput {
  @Field(() => ID, { nullable: true, description: 'Your own agency when left out' }) @IsOptional() @IsUUID() agencyId?: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000, { message: 'How the year went can be at most 10,000 characters' })
  yearInReview: string;
  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000, { message: 'What worked can be at most 10,000 characters' })
  whatWorked: string;
  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(10_000, { message: 'Challenges can be at most 10,000 characters' })
  challenges: string;
  @Field(() => [ID], { defaultValue: [], description: 'Trades assessed for next year' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  nextYearTradeIds: string[];
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2_000) nextYearTradesNote: string;
  @Field(() => Int, { nullable: true, description: 'The target for next year (0–500)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'The target cannot be below 0' })
  @Max(500, { message: 'The target can be at most 500' })
  targetNextYear?: number | null;
}

@InputType()
export class ReopenAgencyReportInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ description: 'Why it is reopened; the agency is told' })
  @IsString()
  @Length(2, 1_000, { message: 'Say in 2–1000 characters why the report is reopened' })
  reason: string;
}
