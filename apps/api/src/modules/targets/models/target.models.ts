import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TradeTarget')
export class TradeTargetModel {
  @Field(() => ID) tradeId: string;
  @Field(() => Int) count: number;
}

@ObjectType('Target', { description: "Måltall: an agency's goal for the number of apprentices in a year" })
export class TargetModel {
  @Field(() => ID) id: string;
  @Field(() => ID) agencyId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) total: number;
  @Field({ description: 'How the target was set' }) note: string;
  @Field(() => [TradeTargetModel]) byTrade: TradeTargetModel[];
  @Field() updatedAt: Date;
}

@ObjectType('MinimumRule', { description: 'Minimumskrav: agencies above the threshold of employees must have at least one apprentice' })
export class MinimumRuleModel {
  @Field(() => Int) year: number;
  @Field(() => Int) threshold: number;
  @Field() source: string;
}

@ObjectType('DashboardRow')
export class DashboardRowModel {
  @Field(() => ID) agencyId: string;
  @Field() name: string;
  @Field() orgNumber: string;
  @Field(() => Int) employees: number;
  @Field() isMinistry: boolean;
  @Field(() => Int, { description: 'Under contract today' }) apprenticesNow: number;
  @Field(() => Int, { description: 'Under contract on 1 October of the year' }) apprenticesOnSnapshot: number;
  @Field(() => Int) tradesNow: number;
  @Field(() => Int, { nullable: true }) target: number | null;
  @Field(() => Int, { nullable: true, description: 'Target minus apprentices now; positive means missing' }) gap: number | null;
  @Field({ description: 'Whether the minimum rule applies (employees above the threshold)' }) ruleApplies: boolean;
  @Field() meetsMinimumRule: boolean;
}

@ObjectType('DashboardTotals')
export class DashboardTotalsModel {
  @Field(() => Int) agencies: number;
  @Field(() => Int) apprenticesNow: number;
  @Field(() => Int) apprenticesOnSnapshot: number;
  @Field(() => Int) trades: number;
  @Field(() => Int) agenciesWithNone: number;
  @Field(() => Int) agenciesBreakingRule: number;
  @Field(() => Int) targetSum: number;
  @Field(() => Int) agenciesWithTarget: number;
  @Field(() => Float, { nullable: true, description: 'Apprentices now as a share of the summed targets' }) targetAttainment: number | null;
}

@ObjectType('TradeCount')
export class TradeCountModel {
  @Field(() => ID) tradeId: string;
  @Field() nameNb: string;
  @Field() nameEn: string;
  @Field(() => Int) apprentices: number;
}

@ObjectType('TrendPoint')
export class TrendPointModel {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Apprentices on 1 October of the year' }) apprentices: number;
  @Field(() => Int) targetSum: number;
}

@ObjectType('Dashboard')
export class DashboardModel {
  @Field(() => ID) areaId: string;
  @Field() areaName: string;
  @Field(() => Int) year: number;
  @Field({ description: 'Today (Europe/Oslo), the day "now" counts on' }) today: string;
  @Field() snapshotDate: string;
  @Field(() => Int) threshold: number;
  @Field(() => [DashboardRowModel]) rows: DashboardRowModel[];
  @Field(() => DashboardTotalsModel) totals: DashboardTotalsModel;
  @Field(() => [TradeCountModel]) trades: TradeCountModel[];
  @Field(() => [TrendPointModel]) trend: TrendPointModel[];
}
