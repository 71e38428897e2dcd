import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Agency', { description: 'Virksomhet: a state body of a ministry area (the ministry itself included)' })
export class AgencyModel {
  @Field(() => ID) id: string;
  @Field(() => ID) areaId: string;
  @Field() name: string;
  @Field({ description: 'Organisasjonsnummer, 9 digits' }) orgNumber: string;
  @Field(() => Int) employees: number;
  @Field({ description: 'Whether this is the ministry itself' }) isMinistry: boolean;
  @Field(() => ID, { nullable: true }) trainingOfficeId: string | null;
}
