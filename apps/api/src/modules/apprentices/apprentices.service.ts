import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApprenticeStatus, contractProblem, ErrorCode, isIsoDate } from '@laerenett/shared-domain';
import { canListApprentices } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import { loaderByKey } from '../../common/loaders';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AgenciesService } from '../agencies/agencies.service';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { AreasService } from '../areas/areas.service';
import { OPEN_INVITATION } from '../identity/read-model';
import { ApprenticesException } from './apprentices.exception';
import { CreateApprenticeInput, UpdateApprenticeInput } from './dto/apprentice.inputs';
import { ApprenticeEntity } from './entities/apprentice.entity';
import { ApprenticeAccount } from './models/apprentice.model';
import { APPRENTICE_CONTRACT, underContractOn } from './read-model';

/**
 * Links every apprentice user without a record to the newest record of their agency with the
 * same e-mail address (for data loaded outside the invitation flow, such as the demo).
 */
export async function linkApprenticeUsersByEmail(m: EntityManager): Promise<void> {
  await m.query(`
    UPDATE apprentice p SET user_id = x.user_id
      FROM (SELECT DISTINCT ON (u.id) u.id AS user_id, r.id AS apprentice_id
              FROM user_directory u JOIN apprentice r ON r.agency_id = u.agency_id AND lower(r.email) = lower(u.email) AND r.user_id IS NULL
             WHERE u.role = 'APPRENTICE' AND NOT EXISTS (SELECT 1 FROM apprentice l WHERE l.user_id = u.id)
             ORDER BY u.id, r.contract_start DESC) x
     WHERE p.id = x.apprentice_id`);
}

const invalid = (field: string, message: string) =>
  new ApprenticesException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

@Injectable()
export class ApprenticesService {
  constructor(
    @InjectRepository(ApprenticeEntity) private readonly apprentices: Repository<ApprenticeEntity>,
    private readonly agencies: AgenciesService,
    private readonly areas: AreasService,
    private readonly clock: Clock,
  ) {}

  /** Per-request loader: how many apprentices each agency has under contract today. */
  readonly underContractToday = loaderByKey<string, number>(
    async (agencyIds) => {
      const rows: { agency_id: string; n: number }[] = await this.apprentices.query(
        `SELECT p.agency_id, count(*)::int AS n FROM ${APPRENTICE_CONTRACT} p
        WHERE p.agency_id = ANY($1::uuid[]) AND ${underContractOn('p', '$2::date')} GROUP BY p.agency_id`,
        [agencyIds, todayInOslo(this.clock.now())],
      );
      return new Map(rows.map((r) => [r.agency_id, r.n]));
    },
    () => 0,
  );

  /**
   * The agencies of an area that have at least one apprentice under contract on `day`
   * (YYYY-MM-DD), by the one rule (`underContractOn`): the network criteria's "every agency with
   * apprentices". No access check: the caller has checked the area.
   */
  agenciesWithApprenticesOn(areaId: string, day: string): Promise<{ id: string; name: string }[]> {
    return this.apprentices.query(
      `SELECT a.id, a.name FROM ${AGENCY_DIRECTORY} a
        WHERE a.area_id = $1 AND EXISTS (SELECT 1 FROM ${APPRENTICE_CONTRACT} p WHERE p.agency_id = a.id AND ${underContractOn('p', '$2::date')})
        ORDER BY a.name`,
      [areaId, day],
    );
  }

  async listForAgency(actor: Actor, agencyId: string): Promise<ApprenticeEntity[]> {
    const agency = await this.agencies.get(actor, agencyId);
    if (!canListApprentices(actor, agency))
      throw new ApprenticesException(ErrorCode.FORBIDDEN, "Only the agency's and the area's coordinators can see the list of apprentices");
    const list = await this.apprentices.find({ where: { agencyId }, order: { contractStart: 'DESC', name: 'ASC' } });
    // Whether each has a user, or an invitation waiting; one query for the whole list.
    const invited: { apprentice_id: string }[] = await this.apprentices.query(
      `SELECT DISTINCT apprentice_id FROM ${OPEN_INVITATION} WHERE agency_id = $1 AND apprentice_id IS NOT NULL AND expires_at > $2`,
      [agencyId, this.clock.now()],
    );
    const waiting = new Set(invited.map((r) => r.apprentice_id));
    return list.map((p) =>
      Object.assign(p, {
        account: p.userId ? ApprenticeAccount.ACTIVE : waiting.has(p.id) ? ApprenticeAccount.INVITED : ApprenticeAccount.NONE,
      }),
    );
  }

  /**
   * The record an invitation for an apprentice names: of the agency the invitation is for, and
   * without a user yet. Refused with a message the coordinator can act on otherwise.
   */
  async checkInvitable(apprenticeId: string, agencyId: string, m: EntityManager = this.apprentices.manager): Promise<ApprenticeEntity> {
    const p = await m.findOne(ApprenticeEntity, { where: { id: apprenticeId } });
    if (!p || p.agencyId !== agencyId)
      throw invalid('apprenticeId', "The apprentice is not in the agency's list; choose one from the list");
    if (p.userId) throw new ApprenticesException(ErrorCode.CONFLICT, `${p.name} already has a user in Lærenett`);
    return p;
  }

  /**
   * Makes a new apprentice user the apprentice in the records: the record the invitation named,
   * or else the agency's only record without a user that has the same e-mail address. The record
   * takes the address the apprentice signs in with.
   */
  async linkUser(m: EntityManager, user: { id: string; email: string; agencyId: string }, apprenticeId: string | null): Promise<void> {
    if (apprenticeId) {
      await this.checkInvitable(apprenticeId, user.agencyId, m);
      await m.update(ApprenticeEntity, { id: apprenticeId }, { userId: user.id, email: user.email });
      return;
    }
    const matches = await m.find(ApprenticeEntity, {
      where: { agencyId: user.agencyId, userId: IsNull(), email: user.email },
      order: { contractStart: 'DESC' },
    });
    if (matches.length) await m.update(ApprenticeEntity, { id: matches[0].id }, { userId: user.id });
  }

  private async checkTrade(tradeId: string): Promise<void> {
    if (!(await this.areas.tradeExists(tradeId))) throw invalid('tradeId', 'The trade does not exist; choose one from the list of trades');
  }

  private checkContract(start: string, end: string, status: ApprenticeStatus, endedOn: string | null): void {
    const problem = contractProblem(start, end);
    if (problem) throw invalid('contractEnd', problem);
    if (endedOn !== null) {
      if (!isIsoDate(endedOn)) throw invalid('endedOn', 'endedOn must be a date (YYYY-MM-DD)');
      if (endedOn < start) throw invalid('endedOn', 'The contract cannot end before it starts');
    }
    if ((status === ApprenticeStatus.TERMINATED || status === ApprenticeStatus.COMPLETED) && endedOn === null) {
      throw invalid('endedOn', 'Give the date the contract ended (endedOn) when it is terminated or completed');
    }
  }

  async create(actor: Actor, input: CreateApprenticeInput): Promise<ApprenticeEntity> {
    await this.agencies.getManageable(actor, input.agencyId);
    await this.checkTrade(input.tradeId);
    this.checkContract(input.contractStart, input.contractEnd, ApprenticeStatus.ACTIVE, null);
    return this.apprentices.save(
      this.apprentices.create({
        ...input,
        name: input.name.trim(),
        email: input.email.trim().toLowerCase(),
        status: ApprenticeStatus.ACTIVE,
        endedOn: null,
      }),
    );
  }

  async update(actor: Actor, id: string, input: UpdateApprenticeInput): Promise<ApprenticeEntity> {
    const a = await this.apprentices.findOne({ where: { id } });
    if (!a) throw new ApprenticesException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');
    try {
      await this.agencies.getManageable(actor, a.agencyId);
    } catch (e) {
      if ((e as { code?: string }).code === ErrorCode.NOT_FOUND)
        throw new ApprenticesException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');
      throw e;
    }
    if (input.tradeId !== undefined) await this.checkTrade(input.tradeId);
    const next = { ...a };
    for (const k of ['tradeId', 'name', 'contractStart', 'contractEnd', 'status', 'endedOn'] as const) {
      if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
    }
    if (input.email !== undefined) next.email = input.email.trim().toLowerCase();
    if (next.status === ApprenticeStatus.ACTIVE || next.status === ApprenticeStatus.INTERRUPTED) {
      if (input.endedOn === undefined) next.endedOn = null;
    }
    this.checkContract(next.contractStart, next.contractEnd, next.status, next.endedOn);
    return this.apprentices.save(next);
  }
}
