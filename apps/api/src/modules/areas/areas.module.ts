import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasResolver } from './areas.resolver';
import { AreasService } from './areas.service';
import { MinistryAreaEntity } from './entities/ministry-area.entity';
import { TradeEntity } from './entities/trade.entity';
import { TrainingOfficeEntity } from './entities/training-office.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MinistryAreaEntity, TradeEntity, TrainingOfficeEntity]), NetworksModule],
  providers: [AreasService, AreasResolver],
  exports: [AreasService],
})
export class AreasModule {}
