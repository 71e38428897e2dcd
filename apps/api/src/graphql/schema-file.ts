import { AnnualSummaryResolver } from '../modules/annual-summary/annual-summary.resolver';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AgenciesResolver } from '../modules/agencies/agencies.resolver';
import { AgencyApprenticesResolver, ApprenticesResolver } from '../modules/apprentices/apprentices.resolver';
import { AreasResolver } from '../modules/areas/areas.resolver';
import { IdentityResolver } from '../modules/identity/identity.resolver';
import { AgencyTargetResolver, TargetsResolver } from '../modules/targets/targets.resolver';
import { NetworksResolver } from '../modules/networks/networks.resolver';
import { CapabilitiesResolver } from '../modules/networks/capabilities.resolver';
import { GatheringsResolver } from '../modules/gatherings/gatherings.resolver';
import { ActionPlansResolver } from '../modules/action-plans/action-plans.resolver';
import { PoolingResolver } from '../modules/pooling/pooling.resolver';
import { ApprenticeshipCapabilitiesResolver, ApprenticeshipResolver } from '../modules/apprenticeship/apprenticeship.resolver';
import { FollowUpCapabilitiesResolver, FollowUpResolver } from '../modules/follow-up/follow-up.resolver';

/** Every resolver, for building the schema without a running application. */
export const RESOLVERS = [
  IdentityResolver,
  AreasResolver,
  AgenciesResolver,
  ApprenticesResolver,
  AgencyApprenticesResolver,
  TargetsResolver,
  AgencyTargetResolver,
  NetworksResolver,
  CapabilitiesResolver,
  GatheringsResolver,
  ActionPlansResolver,
  PoolingResolver,
  AnnualSummaryResolver,
  ApprenticeshipResolver,
  ApprenticeshipCapabilitiesResolver,
  FollowUpResolver,
  FollowUpCapabilitiesResolver,
];

export const printSortedSchema = (schema: GraphQLSchema) =>
  `# Generated from the code-first schema by \`npm run schema\`. Do not edit; CI checks it is current.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;

export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return printSortedSchema(schema);
}
