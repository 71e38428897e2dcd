import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module';
import { TradeEntity } from '../areas/entities/trade.entity';
import { AgencyApprenticesResolver, ApprenticesResolver } from './apprentices.resolver';
import { ApprenticesService } from './apprentices.service';
import { ApprenticeEntity } from './entities/apprentice.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ApprenticeEntity, TradeEntity]), AgenciesModule],
  providers: [ApprenticesService, ApprenticesResolver, AgencyApprenticesResolver],
  exports: [ApprenticesService],
})
export class ApprenticesModule {}
