import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MinistryAreaEntity } from '../areas/entities/ministry-area.entity';
import { TrainingOfficeEntity } from '../areas/entities/training-office.entity';
import { AgenciesResolver } from './agencies.resolver';
import { AgenciesService } from './agencies.service';
import { AgencyEntity } from './entities/agency.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity, MinistryAreaEntity, TrainingOfficeEntity])],
  providers: [AgenciesService, AgenciesResolver],
  exports: [AgenciesService],
})
export class AgenciesModule {}
