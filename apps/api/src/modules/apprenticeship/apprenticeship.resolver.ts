import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@laerenett/shared-domain';
import { apprenticeshipCapabilitiesOf } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { IdArg, OptionalIdArg } from '../../graphql/id-arg';
import { CurrentUser, Roles } from '../identity/auth.decorators';
import { CapabilitiesModel } from '../networks/models/capabilities.model';
import { ApprenticeshipFiguresService } from './figures.service';
import { ApprenticeImportService } from './import.service';
import { ApprenticeshipService } from './apprenticeship.service';
import {
  ApprenticeImportInput,
  ApprenticeshipContractInput,
  ApprenticeshipSettingsInput,
  RecordInterruptionInput,
  RecordTalkInput,
  RegisterTradeTestInput,
  TradeTestResultInput,
  UpdateInterruptionInput,
} from './dto/apprenticeship.inputs';
import {
  ApprenticeImportModel,
  ApprenticeshipAreaFiguresModel,
  ApprenticeshipModel,
  ApprenticeshipPersonModel,
  ApprenticeshipSettingsModel,
} from './models/apprenticeship.models';
import { ApprenticeshipRecordsService } from './records.service';

const KEEPERS = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR] as const;
const ANYONE = [Role.ADMIN, Role.MINISTRY_COORDINATOR, Role.AGENCY_COORDINATOR, Role.APPRENTICE] as const;

@Resolver(() => ApprenticeshipModel)
export class ApprenticeshipResolver {
  constructor(
    private readonly service: ApprenticeshipService,
    private readonly records: ApprenticeshipRecordsService,
    private readonly imports: ApprenticeImportService,
    private readonly figures: ApprenticeshipFiguresService,
  ) {}

  @Roles(...KEEPERS)
  @Query(() => [ApprenticeshipModel], {
    description: "The agency's apprenticeships, for its coordinators (the ministry sees figures only)",
  })
  apprenticeships(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.service.list(actor, agencyId);
  }

  @Roles(...ANYONE)
  @Query(() => ApprenticeshipModel, { description: "One apprentice's apprenticeship: their agency's coordinators and the apprentice" })
  apprenticeship(@CurrentUser() actor: Actor, @IdArg('apprenticeId') apprenticeId: string) {
    return this.service.get(actor, apprenticeId);
  }

  @Roles(Role.APPRENTICE)
  @Query(() => ApprenticeshipModel, { nullable: true, description: "The signed-in apprentice's own apprenticeship" })
  myApprenticeship(@CurrentUser() actor: Actor) {
    return this.service.mine(actor);
  }

  @Roles(...KEEPERS)
  @Query(() => [ApprenticeshipPersonModel], { description: 'Who can be professional leader or instructor: the agency’s coordinators' })
  apprenticeshipStaff(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.service.staff(actor, agencyId);
  }

  @Roles(...KEEPERS)
  @Query(() => ApprenticeshipSettingsModel)
  apprenticeshipSettings(@CurrentUser() actor: Actor, @IdArg('agencyId') agencyId: string) {
    return this.service.settings(actor, agencyId);
  }

  @Roles(Role.ADMIN, Role.MINISTRY_COORDINATOR)
  @Query(() => ApprenticeshipAreaFiguresModel, { description: "The area's apprenticeship figures per agency: counts, no names" })
  apprenticeshipFigures(
    @CurrentUser() actor: Actor,
    @OptionalIdArg('areaId') areaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.figures.forActor(actor, areaId, year);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  saveApprenticeshipContract(@CurrentUser() actor: Actor, @Args('input') input: ApprenticeshipContractInput) {
    return this.service.saveContract(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipSettingsModel)
  setApprenticeshipSettings(@CurrentUser() actor: Actor, @Args('input') input: ApprenticeshipSettingsInput) {
    return this.service.setSettings(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  recordApprenticeshipTalk(@CurrentUser() actor: Actor, @Args('input') input: RecordTalkInput) {
    return this.records.recordTalk(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  recordInterruption(@CurrentUser() actor: Actor, @Args('input') input: RecordInterruptionInput) {
    return this.records.recordInterruption(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  updateInterruption(@CurrentUser() actor: Actor, @IdArg('id') id: string, @Args('input') input: UpdateInterruptionInput) {
    return this.records.updateInterruption(actor, id, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  registerTradeTest(@CurrentUser() actor: Actor, @Args('input') input: RegisterTradeTestInput) {
    return this.records.registerTradeTest(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeshipModel)
  recordTradeTestResult(@CurrentUser() actor: Actor, @Args('input') input: TradeTestResultInput) {
    return this.records.recordTradeTestResult(actor, input);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeImportModel, { description: 'Checks a CSV or XLSX of the agency’s apprentices row by row; changes nothing' })
  previewApprenticeImport(@CurrentUser() actor: Actor, @Args('input') input: ApprenticeImportInput) {
    return this.imports.run(actor, input, false);
  }

  @Roles(...KEEPERS)
  @Mutation(() => ApprenticeImportModel, {
    description: 'Applies the file in one transaction when no row has errors; the same file again changes nothing',
  })
  applyApprenticeImport(@CurrentUser() actor: Actor, @Args('input') input: ApprenticeImportInput) {
    return this.imports.run(actor, input, true);
  }
}

/** `me { capabilities { keepApprenticeships … } }`: the apprenticeship's part of what the user may do. */
@Resolver(() => CapabilitiesModel)
export class ApprenticeshipCapabilitiesResolver {
  @ResolveField(() => Boolean, { description: "Keep the agency's apprenticeships (contracts, talks, interruptions, trade tests, import)" })
  keepApprenticeships(@CurrentUser() actor: Actor): boolean {
    return apprenticeshipCapabilitiesOf(actor).keepApprenticeships;
  }

  @ResolveField(() => Boolean, { description: "See the area's apprenticeship figures" })
  apprenticeshipFigures(@CurrentUser() actor: Actor): boolean {
    return apprenticeshipCapabilitiesOf(actor).apprenticeshipFigures;
  }

  @ResolveField(() => Boolean, { description: 'Has an apprenticeship of their own to see' })
  ownApprenticeship(@CurrentUser() actor: Actor): boolean {
    return apprenticeshipCapabilitiesOf(actor).ownApprenticeship;
  }
}
