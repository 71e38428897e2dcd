import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../../config/config';
import { OutboxService } from '../queue/outbox.service';
import { MAIL_QUEUE } from '../queue/queue.constants';

/**
 * The queue as this process sees it. Redis away makes the process `degraded`, not `down`: requests
 * are still served and their jobs wait in the outbox, so a balancer must not take every API out.
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async check(key = 'queue') {
    const indicator = this.health.check(key);
    if (this.config.queue.backend === 'postgres') return indicator.up({ backend: 'postgres' });
    try {
      // One cheap command on the queue's own connection (which fails at once while Redis is away).
      await Promise.race([
        this.outbox.queue(MAIL_QUEUE).count(),
        new Promise<never>((_, no) => setTimeout(() => no(new Error('no answer within 1 s')), 1_000).unref()),
      ]);
      return indicator.up({ backend: 'redis' });
    } catch (e) {
      return indicator.degraded({ backend: 'redis', message: `Jobs wait in the outbox until the queue is back: ${(e as Error).message}` });
    }
  }
}
