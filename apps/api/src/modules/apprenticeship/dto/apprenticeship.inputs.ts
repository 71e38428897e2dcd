import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AfterPlan, ContractKind, COUNTIES, InterruptionKind, TalkKind, TradeTestResult } from '@laerenett/shared-domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = 'Use a date written YYYY-MM-DD';

@InputType()
export class ApprenticeshipContractInput {
  @Field(() => ID) @IsUUID() apprenticeId: string;
  @Field(() => ContractKind, { nullable: true }) @IsOptional() @IsEnum(ContractKind) kind?: ContractKind;
  @Field(() => String, { nullable: true, description: 'One of the counties (fylkeskommuner)' })
  @IsOptional()
  @IsIn([...COUNTIES], { message: 'Choose the county from the list' })
  county?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, { message: 'Choose a training office' }) trainingOfficeId?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) signedOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) birthDate?: string | null;
  @Field(() => String, { nullable: true, description: 'The planned end as signed, before interruptions' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MSG })
  originalEnd?: string;
  @Field(() => ID, { nullable: true, description: 'The professional leader: a coordinator of the agency' })
  @IsOptional()
  @IsUUID(undefined, { message: 'Choose the professional leader from the list' })
  leaderId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(5) @IsUUID(undefined, { each: true }) instructorIds?: string[];
  @Field(() => AfterPlan, { nullable: true }) @IsOptional() @IsEnum(AfterPlan) afterPlan?: AfterPlan | null;
}

@InputType()
export class RecordTalkInput {
  @Field(() => ID) @IsUUID() apprenticeId: string;
  @Field(() => TalkKind) @IsEnum(TalkKind) kind: TalkKind;
  @Field() @Matches(DATE, { message: DATE_MSG }) heldOn: string;
  @Field() @IsString() @MaxLength(500, { message: 'At most 500 characters' }) participants: string;
  @Field() @IsString() @MaxLength(4000, { message: 'At most 4,000 characters' }) summary: string;
  @Field() @IsString() @MaxLength(4000, { message: 'At most 4,000 characters' }) goals: string;
}

@InputType()
export class RecordInterruptionInput {
  @Field(() => ID) @IsUUID() apprenticeId: string;
  @Field(() => InterruptionKind) @IsEnum(InterruptionKind, { message: 'Choose the kind of interruption' }) kind: InterruptionKind;
  @Field() @Matches(DATE, { message: DATE_MSG }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'The last day away; leave out while it goes on' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MSG })
  endsOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) countyNotifiedOn?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500, { message: 'At most 500 characters' }) note?: string;
}

@InputType()
export class UpdateInterruptionInput {
  @Field(() => String, { nullable: true, description: 'The last day away' }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) endsOn?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) countyNotifiedOn?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500, { message: 'At most 500 characters' }) note?: string;
}

@InputType()
export class RegisterTradeTestInput {
  @Field(() => ID) @IsUUID() apprenticeId: string;
  @Field() @Matches(DATE, { message: DATE_MSG }) registeredOn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: DATE_MSG }) testDate?: string | null;
}

@InputType()
export class TradeTestResultInput {
  @Field(() => ID) @IsUUID() tradeTestId: string;
  @Field() @Matches(DATE, { message: DATE_MSG }) testDate: string;
  @Field(() => TradeTestResult) @IsEnum(TradeTestResult, { message: 'Choose the result' }) result: TradeTestResult;
}

@InputType()
export class ApprenticeshipSettingsInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'From 1 to 12 months' })
  @Max(12, { message: 'From 1 to 12 months' })
  tradeTestLeadMonths: number;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'From 1 to 52 weeks' })
  @Max(52, { message: 'From 1 to 52 weeks' })
  longInterruptionWeeks: number;
}

@InputType()
export class ApprenticeImportInput {
  @Field(() => ID) @IsUUID() agencyId: string;
  @Field({ description: 'The file name: .csv or .xlsx' })
  @IsString()
  @MaxLength(200)
  @Matches(/\.(csv|xlsx)$/i, { message: 'Choose a CSV or XLSX file' })
  filename: string;
  @Field({ description: 'The file, base64-encoded (at most 60 kB)' })
  @IsString()
  @MaxLength(80_000, { message: 'The file is too large; split it' })
  contentBase64: string;
}
