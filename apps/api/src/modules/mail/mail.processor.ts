import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MAIL_QUEUE, WORKER_OPTIONS } from '../queue/queue.constants';
import { MailService, mailIdsOf, SendMailJob } from './mail.service';

/** Delivers queued mail. All it knows is which mails; the service holds the rules. */
@Processor(MAIL_QUEUE, WORKER_OPTIONS)
export class MailProcessor extends WorkerHost {
  constructor(private readonly mail: MailService) {
    super();
  }

  async process(job: Job<SendMailJob>) {
    return this.mail.deliverMany(mailIdsOf(job.data));
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<SendMailJob> | undefined) {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) await this.mail.markFailed(mailIdsOf(job.data));
  }
}
