import { Global, Module } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { AppConfig, loadSettings } from './config';

/** The settings and the clock, for every module: what time it is comes from `Clock`, never from `Date.now()`. */
@Global()
@Module({
  providers: [
    { provide: AppConfig, useFactory: () => AppConfig.from(loadSettings()) },
    { provide: Clock, useValue: CLOCK },
  ],
  exports: [AppConfig, Clock],
})
export class ConfigModule {}
