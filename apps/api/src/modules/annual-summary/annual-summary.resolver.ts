import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { checkYear, currentYearInOslo } from '../../common/time';
import { Clock } from '../../common/clock';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { AgencyReportsService } from './agency-reports.service';
import { ReopenAgencyReportInput, SaveAgencyReportInput, UpdateSummaryCycleInput } from './dto/annual-summary.inputs';
import {
  AgencyReportModel,
  SummaryBoardModel,
  SummaryCompilationModel,
  SummaryCycleModel,
  SummaryVersionModel,
} from './models/annual-summary.models';
import { SummaryCompilationsService } from './summary-compilations.service';
import { SummaryCycleService } from './summary-cycle.service';
import { SummarySendingService } from './summary-sending.service';
import { SummaryVersionsService } from './summary-versions.service';

const READERS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;
const MANAGERS = [Role.ADMIN, Role.MINISTRY_COORDINATOR] as const;
const YearArg = () => Args('year', { type: () => Int, nullable: true, description: 'This year when left out' });

/** The December summary's operations, each handed to the service of its part: the dates, the reports, compiling, the versions, sending. */
@Resolver()
export class AnnualSummaryResolver {
  constructor(
    private readonly cycles: SummaryCycleService,
    private readonly reports: AgencyReportsService,
    private readonly compilations: SummaryCompilationsService,
    private readonly versions: SummaryVersionsService,
    private readonly sending: SummarySendingService,
    private readonly clock: Clock,
  ) {}

  /** The year asked for, else this year in Norway. */
  private year(y: number | undefined): number {
    return checkYear(y ?? currentYearInOslo(this.clock.now()));
  }

  @Roles(...READERS)
  @Query(() => SummaryCycleModel, { description: "The year's December dates for the area" })
  summaryCycle(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string, @YearArg() y?: number) {
    return this.cycles.cycle(actor, areaId, this.year(y));
  }

  @Roles(...MANAGERS)
  @Mutation(() => SummaryCycleModel, { description: "Change the year's December dates (the ministry coordinator)" })
  updateSummaryCycle(@CurrentUser() actor: Actor, @Args('input') input: UpdateSummaryCycleInput) {
    return this.cycles.updateCycle(actor, input);
  }

  @Roles(...READERS)
  @Query(() => AgencyReportModel, {
    complexity: 10,
    description: "An agency's report on its year, pre-filled with the platform's figures (your own agency when left out)",
  })
  agencyReport(@CurrentUser() actor: Actor, @OptionalIdArg('agencyId') agencyId?: string, @YearArg() y?: number) {
    return this.reports.report(actor, agencyId, this.year(y));
  }

  @Roles(...READERS)
  @Mutation(() => AgencyReportModel, { description: 'Save the report as a draft (the agency)' })
  saveAgencyReport(@CurrentUser() actor: Actor, @Args('input') input: SaveAgencyReportInput) {
    return this.reports.save(actor, { ...input, year: checkYear(input.year) });
  }

  @Roles(...READERS)
  @Mutation(() => AgencyReportModel, { description: 'Submit the report; it is locked until the ministry reopens it' })
  submitAgencyReport(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('agencyId') agencyId: string | undefined,
    @Args('year', { type: () => Int }) y: number,
  ) {
    return this.reports.submit(actor, agencyId, checkYear(y));
  }

  @Roles(...MANAGERS)
  @Mutation(() => AgencyReportModel, { description: 'Reopen a submitted report so the agency can change it; the agency is told why' })
  reopenAgencyReport(@CurrentUser() actor: Actor, @Args('input') input: ReopenAgencyReportInput) {
    return this.reports.reopen(actor, input);
  }

  @Roles(...MANAGERS)
  @Query(() => SummaryBoardModel, { description: "Every agency's report status (the ministry)" })
  summaryStatusBoard(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string, @YearArg() y?: number) {
    return this.reports.board(actor, areaId, this.year(y));
  }

  @Roles(...MANAGERS)
  @Mutation(() => SummaryCompilationModel, {
    description: 'Compile the area’s summary through the job queue; returns the compilation to follow',
  })
  compileSummary(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string, @YearArg() y?: number) {
    return this.compilations.compile(actor, areaId, this.year(y));
  }

  @Roles(...MANAGERS)
  @Query(() => SummaryCompilationModel, { description: 'A compilation and its progress' })
  summaryCompilation(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.compilations.compilation(actor, id);
  }

  @Roles(...MANAGERS)
  @Query(() => SummaryCompilationModel, { nullable: true, description: 'The latest compilation of the year, if any' })
  latestSummaryCompilation(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string, @YearArg() y?: number) {
    return this.compilations.latestCompilation(actor, areaId, this.year(y));
  }

  @Roles(...READERS)
  @Query(() => [SummaryVersionModel], { description: "The year's compiled versions (agencies see the sent one only)" })
  summaryVersions(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string, @YearArg() y?: number) {
    return this.versions.versions(actor, areaId, this.year(y));
  }

  @Roles(...READERS)
  @Query(() => [SummaryVersionModel], { description: "The area's archive: the summary sent each year" })
  summaryArchive(@CurrentUser() actor: Actor, @OptionalIdArg('areaId') areaId?: string) {
    return this.versions.archive(actor, areaId);
  }

  @Roles(...READERS)
  @Query(() => SummaryVersionModel, { complexity: 20, description: 'One version with its content (the web page)' })
  summaryVersion(@CurrentUser() actor: Actor, @IdArg('id') id: string) {
    return this.versions.version(actor, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => SummaryVersionModel, {
    description: 'Send a version to the network: it is frozen as the year’s summary; sending it again sends nothing twice',
  })
  sendSummary(@CurrentUser() actor: Actor, @IdArg('versionId') versionId: string) {
    return this.sending.send(actor, versionId);
  }
}
