import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesModule } from '../agencies/agencies.module';
import { AreasModule } from '../areas/areas.module';
import { AgencyApprenticesResolver, ApprenticesResolver } from './apprentices.resolver';
import { ApprenticesService } from './apprentices.service';
import { ApprenticeEntity } from './entities/apprentice.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ApprenticeEntity]), AgenciesModule, AreasModule],
  providers: [ApprenticesService, ApprenticesResolver, AgencyApprenticesResolver],
  exports: [ApprenticesService],
})
export class ApprenticesModule {}
