import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_TARGET, MAX_YEAR, MIN_YEAR } from '@laerenett/shared-domain';

@InputType()
export class TradeTargetInput {
  @Field(() => ID) @IsUUID(undefined, { message: 'Choose a trade' }) tradeId: string;
  @Field(() => Int) @IsInt() @Min(0, { message: 'A count cannot be negative' }) @Max(MAX_TARGET) count: number;
}

@InputType()
export class SetTargetInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => Int)
  @IsInt()
  @Min(MIN_YEAR, { message: `The year must be from ${MIN_YEAR} to ${MAX_YEAR}` })
  @Max(MAX_YEAR, { message: `The year must be from ${MIN_YEAR} to ${MAX_YEAR}` })
  year: number;
  @Field(() => Int)
  @IsInt({ message: 'The target must be a whole number' })
  @Min(0, { message: 'The target cannot be negative' })
  @Max(MAX_TARGET, { message: `The target cannot exceed ${MAX_TARGET}` })
  total: number;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2000) note: string;
  @Field(() => [TradeTargetInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TradeTargetInput)
  byTrade: TradeTargetInput[];
}

@InputType()
export class SetMinimumRuleInput {
  @Field(() => Int) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR) year: number;
  @Field(() => Int) @IsInt() @Min(1, { message: 'The threshold must be at least 1 employee' }) @Max(100_000) threshold: number;
  @Field({ defaultValue: '' }) @IsOptional() @IsString() @MaxLength(500) source: string;
}
