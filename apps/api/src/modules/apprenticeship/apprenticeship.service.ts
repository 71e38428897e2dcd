import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { contractProblem, DEFAULT_LIFECYCLE_SETTINGS, ErrorCode, Role } from '@laerenett/shared-domain';
import { canKeepApprenticeships } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { ApprenticeRecords } from '../apprentices/apprentice-records';
import { AreasService } from '../areas/areas.service';
import { USER_DIRECTORY } from '../identity/read-model';
import { ApprenticeInScope, ApprenticeshipAccess } from './apprenticeship-access';
import { ApprenticeshipException, invalidField } from './apprenticeship.exception';
import { ApprenticeshipStore, isEnded, Loaded } from './apprenticeship.store';
import { ApprenticeshipContractInput, ApprenticeshipSettingsInput } from './dto/apprenticeship.inputs';
import { ApprenticeshipModel, ApprenticeshipSettingsModel } from './models/apprenticeship.models';
import { syncRecord } from './contract-sync';
import { ApprenticeshipContractEntity } from './entities/apprenticeship-contract.entity';

/** The apprenticeships as read and kept by the agency, and seen by the apprentice: the contract's details and the agency's settings. */
@Injectable()
export class ApprenticeshipService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ApprenticeshipAccess,
    private readonly store: ApprenticeshipStore,
    private readonly records: ApprenticeRecords,
    private readonly areas: AreasService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInOslo(this.clock.now());
  }

  /** The models of the loaded apprenticeships, for this actor: only a running contract takes talks, interruptions and trade tests. */
  models(actor: Actor, list: Loaded[]): Promise<ApprenticeshipModel[]> {
    return this.store.models(list, this.today(), (l) => canKeepApprenticeships(actor, l.c.agency_id) && !isEnded(l.c.status));
  }

  async one(actor: Actor, apprenticeId: string, m?: EntityManager): Promise<ApprenticeshipModel> {
    const list = await this.store.load({ apprenticeIds: [apprenticeId] }, m);
    return (await this.models(actor, list))[0];
  }

  async list(actor: Actor, agencyId: string): Promise<ApprenticeshipModel[]> {
    const agency = await this.access.agencyToKeep(actor, agencyId);
    return this.models(actor, await this.store.load({ agencyIds: [agency.id] }));
  }

  async get(actor: Actor, apprenticeId: string): Promise<ApprenticeshipModel> {
    const a = await this.access.apprentice(actor, apprenticeId, 'see');
    return this.one(actor, a.id);
  }

  /** The signed-in apprentice's own apprenticeship (the newest contract of their record), or null. */
  async mine(actor: Actor): Promise<ApprenticeshipModel | null> {
    const [own]: { id: string }[] = await this.ds.query(
      `SELECT id FROM ${APPRENTICE_CONTRACT} WHERE user_id = $1 ORDER BY contract_start DESC LIMIT 1`,
      [actor.id],
    );
    return own ? this.one(actor, own.id) : null;
  }

  /** The agency's coordinators: the people who can be professional leaders and instructors. */
  async staff(actor: Actor, agencyId: string): Promise<{ id: string; name: string; email: string }[]> {
    await this.access.agencyToKeep(actor, agencyId);
    return this.ds.query(`SELECT id, name, email FROM ${USER_DIRECTORY} WHERE agency_id = $1 AND role = $2 ORDER BY name`, [
      agencyId,
      Role.AGENCY_COORDINATOR,
    ]);
  }

  private async checkPeople(agencyId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const [{ n }]: { n: number }[] = await this.ds.query(
      `SELECT count(*)::int AS n FROM ${USER_DIRECTORY} WHERE id = ANY($1::uuid[]) AND agency_id = $2 AND role = $3`,
      [[...new Set(ids)], agencyId, Role.AGENCY_COORDINATOR],
    );
    if (n !== new Set(ids).size)
      throw invalidField('leaderId', "The professional leader and the instructors must be coordinators of the apprentice's agency");
  }

  /** Records the contract's details; a new planned end as signed moves the record's end with the interruptions. */
  async saveContract(actor: Actor, input: ApprenticeshipContractInput): Promise<ApprenticeshipModel> {
    const a = await this.access.apprentice(actor, input.apprenticeId, 'keep');
    await this.checkPeople(a.agency_id, [...(input.leaderId ? [input.leaderId] : []), ...(input.instructorIds ?? [])]);
    if (input.trainingOfficeId && !(await this.areas.listTrainingOffices()).some((o) => o.id === input.trainingOfficeId))
      throw invalidField('trainingOfficeId', 'Choose a training office from the list');
    if (input.birthDate && input.birthDate >= a.contract_start) throw invalidField('birthDate', 'The birth date must be before the start');
    if (input.originalEnd) {
      const problem = contractProblem(a.contract_start, input.originalEnd);
      if (problem) throw invalidField('originalEnd', problem);
    }
    await this.ds.transaction(async (m) => {
      await ensureDetails(m, a);
      const set: Record<string, unknown> = {};
      const fields = ['kind', 'county', 'trainingOfficeId', 'signedOn', 'birthDate', 'originalEnd', 'leaderId', 'afterPlan'] as const;
      for (const k of fields) if (input[k] !== undefined) set[k] = input[k];
      if (Object.keys(set).length) await m.update(ApprenticeshipContractEntity, { apprenticeId: a.id }, set);
      if (input.instructorIds) {
        await m.query(`DELETE FROM apprenticeship_instructor WHERE apprentice_id = $1`, [a.id]);
        for (const userId of new Set(input.instructorIds))
          await m.query(`INSERT INTO apprenticeship_instructor (apprentice_id, user_id) VALUES ($1, $2)`, [a.id, userId]);
      }
      if (input.originalEnd !== undefined) await syncRecord(m, this.records, a.id, this.today());
    });
    return this.one(actor, a.id);
  }

  async settings(actor: Actor, agencyId: string): Promise<ApprenticeshipSettingsModel> {
    const agency = await this.access.agencyToKeep(actor, agencyId);
    const s = (await this.store.settings([agency.id])).get(agency.id) ?? DEFAULT_LIFECYCLE_SETTINGS;
    return { agencyId: agency.id, ...s };
  }

  async setSettings(actor: Actor, input: ApprenticeshipSettingsInput): Promise<ApprenticeshipSettingsModel> {
    const agency = await this.access.agencyToKeep(actor, input.agencyId);
    await this.ds.query(
      `INSERT INTO apprenticeship_settings (agency_id, trade_test_lead_months, long_interruption_weeks) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE SET trade_test_lead_months = EXCLUDED.trade_test_lead_months, long_interruption_weeks = EXCLUDED.long_interruption_weeks`,
      [agency.id, input.tradeTestLeadMonths, input.longInterruptionWeeks],
    );
    return this.settings(actor, agency.id);
  }

  /** Refuses changes to a contract that has ended. */
  static checkOpen(a: ApprenticeInScope): void {
    if (isEnded(a.status as never))
      throw new ApprenticeshipException(
        ErrorCode.CONFLICT,
        'The contract has ended (completed or terminated); it can no longer be changed here',
      );
  }
}

/** The contract's details row, with the record's end as the planned end as signed, if there is none yet. */
export async function ensureDetails(m: EntityManager, a: ApprenticeInScope): Promise<void> {
  await m.query(
    `INSERT INTO apprenticeship_contract (apprentice_id, agency_id, original_end) VALUES ($1, $2, $3) ON CONFLICT (apprentice_id) DO NOTHING`,
    [a.id, a.agency_id, a.contract_end],
  );
}
