import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@InputType()
export class CreateAgencyInput {
  @Field(() => ID) @IsUUID() areaId: string;
  @Field() @IsString() @Length(2, 200, { message: 'The name must be 2–200 characters' }) name: string;
  @Field({ description: '9 digits with a valid mod-11 check digit; spaces are allowed' }) @IsString() @Length(9, 11) orgNumber: string;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Employees cannot be negative' })
  @Max(200_000, { message: 'No state agency has more than 200 000 employees' })
  employees: number;
  @Field({ defaultValue: false }) @IsBoolean() isMinistry: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() trainingOfficeId?: string | null;
}

@InputType()
export class UpdateAgencyInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 200, { message: 'The name must be 2–200 characters' }) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(9, 11) orgNumber?: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'Employees cannot be negative' })
  @Max(200_000, { message: 'No state agency has more than 200 000 employees' })
  employees?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() trainingOfficeId?: string | null;
}
