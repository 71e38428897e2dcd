import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MAIL_QUEUE } from '../queue/queue.constants';
import { MailMessageEntity } from './entities/mail-message.entity';
import { SendMailRunner } from './jobs/send-mail.runner';
import { MailProcessor } from './mail.processor';
import { MailRelay } from './mail.relay';
import { MailService } from './mail.service';
import { MailTransport } from './mail.transport';

@Module({
  imports: [BullModule.registerQueue({ name: MAIL_QUEUE }), TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [MailService, MailTransport],
  exports: [MailService],
})
export class MailModule {
  /** The same module with its processor and the relay of mail not yet queued, for the worker process. */
  static withProcessors(): DynamicModule {
    return { module: MailModule, providers: [MailProcessor, SendMailRunner, MailRelay] };
  }
}
