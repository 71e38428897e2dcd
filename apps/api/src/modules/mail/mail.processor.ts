import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobRunners } from '../queue/job';
import { MAIL_QUEUE, WORKER_OPTIONS } from '../queue/queue.constants';
import { SendMailRunner } from './jobs/send-mail.runner';

/** Runs the mail queue's jobs: deliveries of recorded mail. */
@Processor(MAIL_QUEUE, WORKER_OPTIONS)
export class MailProcessor extends WorkerHost {
  private readonly runners: JobRunners;

  constructor(sendMail: SendMailRunner) {
    super();
    this.runners = new JobRunners(MAIL_QUEUE, [sendMail]);
  }

  process(job: Job) {
    return this.runners.run(job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    return this.runners.failed(job, error);
  }
}
