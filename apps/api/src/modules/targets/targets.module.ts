import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module';
import { AreasModule } from '../areas/areas.module';
import { DashboardService } from './dashboard.service';
import { MinimumRuleEntity } from './entities/minimum-rule.entity';
import { TargetEntity } from './entities/target.entity';
import { TradeTargetEntity } from './entities/trade-target.entity';
import { ExportsController } from './exports.controller';
import { AgencyTargetResolver, TargetsResolver } from './targets.resolver';
import { TargetsService } from './targets.service';

@Module({
  imports: [TypeOrmModule.forFeature([TargetEntity, TradeTargetEntity, MinimumRuleEntity]), AgenciesModule, AreasModule],
  controllers: [ExportsController],
  providers: [TargetsService, DashboardService, TargetsResolver, AgencyTargetResolver],
  exports: [TargetsService, DashboardService],
})
export class TargetsModule {}
