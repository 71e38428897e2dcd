import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { JobRunner } from '../../queue/job';
import { MailService } from '../mail.service';
import { MailTransport } from '../mail.transport';
import { mailIdsOf, SEND_MAIL, SendMailJob } from './send-mail.job';

/** Delivers queued mail. All it knows is which mails; the service holds the rules. */
@Injectable()
export class SendMailRunner implements JobRunner<SendMailJob>, OnApplicationBootstrap {
  readonly kind = SEND_MAIL;
  constructor(
    private readonly mail: MailService,
    private readonly transport: MailTransport,
  ) {}

  /** A process that delivers mail readies the way out at its start, without holding the start up. */
  onApplicationBootstrap() {
    void this.transport.warm();
  }

  run(data: SendMailJob) {
    return this.mail.deliverMany(mailIdsOf(data));
  }

  /** Out of retries: the mails not delivered are marked FAILED, where the people who sent them see it. */
  failedFinally(data: SendMailJob) {
    return this.mail.markFailed(mailIdsOf(data));
  }
}
