import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { todayInOslo } from '../../../common/time';
import type { JobContext, JobRunner } from '../../queue/job';
import { SummaryCompilerService } from '../summary-compiler.service';
import { SummaryScheduleService } from '../summary-schedule.service';
import { SummarySendingService } from '../summary-sending.service';
import { keepSummaryPdfThreadWarm } from '../utils/summary-pdf.pool';
import { COMPILE, CompileJob, ScheduledJob, SEND, SendJob, SWEEP, SWEEP_SCHEDULE } from './annual-summary.job';

/** Runs one compilation to its version, with progress; once out of retries, the compilation is marked failed with the reason. */
@Injectable()
export class CompileRunner implements JobRunner<CompileJob>, OnApplicationBootstrap {
  readonly kind = COMPILE;
  constructor(private readonly compiler: SummaryCompilerService) {}

  /** A process that runs compilations keeps a warm PDF thread from its start (see summary-pdf.pool). */
  onApplicationBootstrap() {
    keepSummaryPdfThreadWarm();
  }

  run(data: CompileJob, ctx: JobContext) {
    return this.compiler.run(data.compilationId, (pct) => ctx.progress(pct));
  }

  failedFinally(data: CompileJob, error: Error) {
    return this.compiler.markFailed(data.compilationId, error.message);
  }
}

/** Mails a sent version to the area's network, each recipient once. */
@Injectable()
export class SendRunner implements JobRunner<SendJob> {
  readonly kind = SEND;
  constructor(private readonly sending: SummarySendingService) {}

  run(data: SendJob) {
    return this.sending.sendVersion(data.versionId);
  }
}

/** Every morning: what the year's dates call for today (opening, reminders, the late notice, the automatic compilation). */
@Injectable()
export class SweepRunner implements JobRunner<ScheduledJob> {
  readonly kind = SWEEP;
  readonly schedule = SWEEP_SCHEDULE;
  constructor(
    private readonly schedules: SummaryScheduleService,
    private readonly clock: Clock,
  ) {}

  run() {
    return this.schedules.sweep(todayInOslo(this.clock.now()));
  }
}

export const ANNUAL_SUMMARY_RUNNERS = [CompileRunner, SendRunner, SweepRunner];
