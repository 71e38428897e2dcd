import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@InputType()
export class CreateMinistryAreaInput {
  @Field() @Matches(/^[A-ZÆØÅ0-9-]{2,16}$/, { message: 'The code is 2–16 capital letters or digits, e.g. KDD' }) code: string;
  @Field() @IsString() @Length(2, 200) name: string;
}

@InputType()
export class CreateTradeInput {
  @Field() @Matches(/^[a-z0-9-]{2,64}$/, { message: 'The code is 2–64 lower-case letters, digits or dashes' }) code: string;
  @Field() @IsString() @Length(2, 200) nameNb: string;
  @Field() @IsString() @Length(2, 200) nameEn: string;
}
