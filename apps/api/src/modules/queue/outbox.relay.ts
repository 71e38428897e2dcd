import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** How often a worker's relay looks for jobs that were recorded but not put on a queue. */
export const RELAY_INTERVAL_MS = 1_000;

/**
 * Runs `round` every RELAY_INTERVAL_MS from the application's start until its shutdown, one round
 * at a time; a failed round (the queue or the database away) is logged once and tried again.
 */
export abstract class PeriodicRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private failing = false;
  protected abstract readonly logger: Logger;
  protected abstract round(): Promise<number>;

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.round()
        .then((n) => {
          if (n) this.logger.log(`Relayed ${n} job(s) to the queue`);
          if (this.failing) this.logger.log('The queue takes jobs again');
          this.failing = false;
        })
        .catch((e: Error) => {
          if (!this.failing) this.logger.warn(`Relay round failed; trying again: ${e.message}`);
          this.failing = true;
        })
        .finally(() => (this.running = null));
    }, RELAY_INTERVAL_MS);
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** The worker's relay for the outbox (job_outbox). */
@Injectable()
export class OutboxRelay extends PeriodicRelay {
  protected readonly logger = new Logger('OutboxRelay');
  constructor(private readonly outbox: OutboxService) {
    super();
  }
  protected round() {
    return this.outbox.relay();
  }
}
