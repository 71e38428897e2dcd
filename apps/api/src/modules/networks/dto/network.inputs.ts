import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Max, Min } from 'class-validator';
import { MentorKind } from '../entities/mentor-pair.entity';

@InputType()
export class NetworkPersonInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => ID) @IsUUID() userId: string;
}

@InputType()
export class NetworkSettingsInput {
  @Field(() => ID) @IsUUID() networkId: string;
  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'Reminder days cannot be negative' })
  @Max(30, { message: 'Remind at most 30 days before' })
  reminderDays: number;
}

@InputType()
export class PairMentorInput {
  @Field(() => MentorKind) @IsEnum(MentorKind) kind: MentorKind;
  @Field(() => ID) @IsUUID() mentorUserId: string;
  @Field(() => ID) @IsUUID() menteeUserId: string;
}
