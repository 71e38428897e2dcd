import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApprenticeStatus } from '@laerenett/shared-domain';

registerEnumType(ApprenticeStatus, { name: 'ApprenticeStatus' });

/** Whether the apprentice uses Lærenett: no user yet, invited, or signed up. */
export enum ApprenticeAccount {
  NONE = 'NONE',
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
}
registerEnumType(ApprenticeAccount, { name: 'ApprenticeAccount' });

@ObjectType('Apprentice', { description: 'Lærling or lærekandidat under contract with an agency' })
export class ApprenticeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) agencyId: string;
  @Field(() => ID) tradeId: string;
  @Field() name: string;
  @Field({ description: 'YYYY-MM-DD' }) contractStart: string;
  @Field({ description: 'YYYY-MM-DD (planned end)' }) contractEnd: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, when the contract ended early or was completed' }) endedOn:
    string | null;
  @Field(() => ApprenticeStatus) status: ApprenticeStatus;
}
