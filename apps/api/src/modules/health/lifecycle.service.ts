import { Injectable } from '@nestjs/common';

/**
 * Where this process is in its life. Once `draining`, readiness says 503 so that a balancer
 * takes it out, while it still serves what reaches it; then it closes (see main.ts, worker).
 */
@Injectable()
export class LifecycleService {
  draining = false;
}
