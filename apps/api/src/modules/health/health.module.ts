import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { LifecycleService } from './lifecycle.service';
import { QueueHealthIndicator } from './queue.health';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [LifecycleService, QueueHealthIndicator],
  exports: [LifecycleService],
})
export class HealthModule {}
