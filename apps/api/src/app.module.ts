import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { graphqlModule } from './graphql/graphql.module';
import { AllExceptionsFilter } from './graphql/http-exception.filter';
import { createValidationPipe } from './graphql/validation';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { ApprenticesModule } from './modules/apprentices/apprentices.module';
import { AreasModule } from './modules/areas/areas.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { MailModule } from './modules/mail/mail.module';
import { QueueModule } from './modules/queue/queue.module';
import { TargetsModule } from './modules/targets/targets.module';
import { NetworksModule } from './modules/networks/networks.module';
import { GatheringsModule } from './modules/gatherings/gatherings.module';
import { ActionPlansModule } from './modules/action-plans/action-plans.module';
import { PoolingModule } from './modules/pooling/pooling.module';
import { AnnualSummaryModule } from './modules/annual-summary/annual-summary.module';
import { ApprenticeshipModule } from './modules/apprenticeship/apprenticeship.module';
import { FollowUpModule } from './modules/follow-up/follow-up.module';

export const databaseModule = () =>
  TypeOrmModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => dataSourceOptions(config.database.url, config.database.poolSize),
  });

/** The GraphQL API process. Queues are registered here (to enqueue), but no processors run. */
@Module({})
export class AppModule {
  static register(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule,
        databaseModule(),
        QueueModule,
        HealthModule,
        graphqlModule(),
        MailModule,
        IdentityModule,
        AreasModule,
        AgenciesModule,
        ApprenticesModule,
        TargetsModule,
        NetworksModule,
        GatheringsModule,
        ActionPlansModule,
        PoolingModule,
        AnnualSummaryModule,
        ApprenticeshipModule,
        FollowUpModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
