import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { CapabilitiesResolver } from './capabilities.resolver';
import { NetworksResolver } from './networks.resolver';
import { NetworksService } from './networks.service';

@Module({
  imports: [MailModule],
  providers: [NetworksService, NetworksResolver, CapabilitiesResolver],
  exports: [NetworksService],
})
export class NetworksModule {}
