import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { CompetenceService } from './competence.service';
import { PoolingController } from './pooling.controller';
import { PoolingResolver } from './pooling.resolver';
import { PoolingService } from './pooling.service';

@Module({
  imports: [MailModule],
  controllers: [PoolingController],
  providers: [PoolingService, CompetenceService, PoolingResolver],
  exports: [PoolingService],
})
export class PoolingModule {}
