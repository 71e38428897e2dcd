import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { NetworksResolver } from './networks.resolver';
import { NetworksService } from './networks.service';

@Module({
  imports: [MailModule],
  providers: [NetworksService, NetworksResolver],
  exports: [NetworksService],
})
export class NetworksModule {}
