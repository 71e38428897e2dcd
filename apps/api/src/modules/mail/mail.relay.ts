import { Injectable, Logger } from '@nestjs/common';
import { PeriodicRelay } from '../queue/outbox.relay';
import { MailService } from './mail.service';

/** The worker's relay for mail: recorded mail whose delivery job is not on the queue yet. */
@Injectable()
export class MailRelay extends PeriodicRelay {
  protected readonly logger = new Logger('MailRelay');
  constructor(private readonly mail: MailService) {
    super();
  }
  protected round() {
    return this.mail.relay();
  }
}
