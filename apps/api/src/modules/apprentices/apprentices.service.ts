import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApprenticeStatus, contractProblem, ErrorCode, isIsoDate } from '@laerenett/shared-domain';
import { canListApprentices } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AgenciesService } from '../agencies/agencies.service';
import { TradeEntity } from '../areas/entities/trade.entity';
import { ApprenticesException } from './apprentices.exception';
import { CreateApprenticeInput, UpdateApprenticeInput } from './dto/apprentice.inputs';
import { ApprenticeEntity } from './entities/apprentice.entity';
import { ApprenticeAccount } from './models/apprentice.model';

/**
 * Links every apprentice user without a record to the newest record of their agency with the
 * same e-mail address (for data loaded outside the invitation flow, such as the demo).
 */
export async function linkApprenticeUsersByEmail(m: EntityManager): Promise<void> {
  await m.query(`
    UPDATE apprentice p SET user_id = x.user_id
      FROM (SELECT DISTINCT ON (u.id) u.id AS user_id, r.id AS apprentice_id
              FROM app_user u JOIN apprentice r ON r.agency_id = u.agency_id AND lower(r.email) = lower(u.email) AND r.user_id IS NULL
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
    @InjectRepository(TradeEntity) private readonly trades: Repository<TradeEntity>,
    private readonly agencies: AgenciesService,
  ) {}

  async listForAgency(actor: Actor, agencyId: string): Promise<ApprenticeEntity[]> {
    const agency = await this.agencies.get(actor, agencyId);
    if (!canListApprentices(actor, agency))
      throw new ApprenticesException(ErrorCode.FORBIDDEN, "Only the agency's and the area's coordinators can see the list of apprentices");
    const list = await this.apprentices.find({ where: { agencyId }, order: { contractStart: 'DESC', name: 'ASC' } });
    // Whether each has a user, or an invitation waiting; one query for the whole list.
    const invited: { apprentice_id: string }[] = await this.apprentices.query(
      `SELECT DISTINCT apprentice_id FROM invitation WHERE agency_id = $1 AND apprentice_id IS NOT NULL AND accepted_at IS NULL AND expires_at > now()`,
      [agencyId],
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
    if (!(await this.trades.exists({ where: { id: tradeId } })))
      throw invalid('tradeId', 'The trade does not exist; choose one from the list of trades');
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
