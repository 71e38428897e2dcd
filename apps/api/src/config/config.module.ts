import { Global, Module } from '@nestjs/common';
import { AppConfig, loadSettings } from './config';

@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => AppConfig.from(loadSettings()) }],
  exports: [AppConfig],
})
export class ConfigModule {}
