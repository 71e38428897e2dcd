import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { MailModule } from '../mail/mail.module';
import { ActionPlansController } from './action-plans.controller';
import { ActionPlansResolver } from './action-plans.resolver';
import { ActionPlansService } from './action-plans.service';
import { BilateralMeetingsService } from './bilateral-meetings.service';
import { PlanCreationService } from './plan-creation.service';
import { PlanCriteriaService } from './plan-criteria.service';
import { PlanFactsService } from './plan-facts.service';
import { PlanMeasuresService } from './plan-measures.service';
import { ActionPlansProcessor } from './jobs/action-plans.processor';
import { PlanDigestRunner } from './jobs/action-plans.runners';
import { ACTION_PLANS_QUEUE } from './jobs/plan-digest.job';
import { PlanDigestService } from './plan-digest.service';

@Module({
  imports: [BullModule.registerQueue({ name: ACTION_PLANS_QUEUE }), MailModule],
  controllers: [ActionPlansController],
  providers: [
    ActionPlansService,
    PlanFactsService,
    PlanCreationService,
    PlanMeasuresService,
    PlanCriteriaService,
    BilateralMeetingsService,
    PlanDigestService,
    ActionPlansResolver,
  ],
  exports: [ActionPlansService, PlanDigestService],
})
export class ActionPlansModule {
  /** The same module with its processor, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: ActionPlansModule, providers: [ActionPlansProcessor, PlanDigestRunner] };
  }
}
