import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../identity/auth.decorators';
import { LifecycleService } from './lifecycle.service';
import { QueueHealthIndicator } from './queue.health';

/**
 * Liveness (`/api/health/live`: the process answers) and readiness (`/api/health/ready`, also
 * `/api/health`: the database answers and the process is not draining) for balancers and
 * supervisors. Readiness is 503 when not ready; the queue being away only degrades it.
 */
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get(['', 'ready'])
  @HealthCheck()
  ready() {
    if (this.lifecycle.draining)
      throw new ServiceUnavailableException({ status: 'draining', message: 'This process is shutting down; use another.' });
    return this.health.check([() => this.db.pingCheck('database', { timeout: 1_500 }), () => this.queue.check()]);
  }
}
