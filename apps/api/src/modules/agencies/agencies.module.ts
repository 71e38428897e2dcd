import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AreasModule } from '../areas/areas.module';
import { AgenciesResolver } from './agencies.resolver';
import { AgenciesService } from './agencies.service';
import { AgencyEntity } from './entities/agency.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity]), AreasModule],
  providers: [AgenciesService, AgenciesResolver],
  exports: [AgenciesService],
})
export class AgenciesModule {}
