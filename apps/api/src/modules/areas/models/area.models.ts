import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MinistryArea', { description: 'Departementsområde: a ministry and the agencies under it' })
export class MinistryAreaModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
}

@ObjectType('Trade', { description: 'Lærefag' })
export class TradeModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() nameNb: string;
  @Field() nameEn: string;
}

@ObjectType('TrainingOffice', { description: 'Opplæringskontor, e.g. OK stat' })
export class TrainingOfficeModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}
