import { Processor } from '@nestjs/bullmq';
import { JobRunners, RunnersProcessor } from '../queue/job';
import { MAIL_QUEUE, WORKER_OPTIONS } from '../queue/queue.constants';
import { SendMailRunner } from './jobs/send-mail.runner';

/** Runs the mail queue's jobs: deliveries of recorded mail. */
@Processor(MAIL_QUEUE, WORKER_OPTIONS)
export class MailProcessor extends RunnersProcessor {
  constructor(sendMail: SendMailRunner) {
    super(new JobRunners(MAIL_QUEUE, [sendMail]));
  }
}
