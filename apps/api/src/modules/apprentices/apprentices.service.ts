import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApprenticeStatus, contractProblem, ErrorCode, isIsoDate } from '@laerenett/shared-domain';
import { canListApprentices } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AgenciesService } from '../agencies/agencies.service';
import { TradeEntity } from '../areas/entities/trade.entity';
import { ApprenticesException } from './apprentices.exception';
import { CreateApprenticeInput, UpdateApprenticeInput } from './dto/apprentice.inputs';
import { ApprenticeEntity } from './entities/apprentice.entity';

const invalid = (field: string, message: string) => new ApprenticesException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

@Injectable()
export class ApprenticesService {
  constructor(
    @InjectRepository(ApprenticeEntity) private readonly apprentices: Repository<ApprenticeEntity>,
    @InjectRepository(TradeEntity) private readonly trades: Repository<TradeEntity>,
    private readonly agencies: AgenciesService,
  ) {}

  async listForAgency(actor: Actor, agencyId: string): Promise<ApprenticeEntity[]> {
    const agency = await this.agencies.get(actor, agencyId);
    if (!canListApprentices(actor, agency)) throw new ApprenticesException(ErrorCode.FORBIDDEN, "Only the agency's and the area's coordinators can see the list of apprentices");
    return this.apprentices.find({ where: { agencyId }, order: { contractStart: 'DESC', name: 'ASC' } });
  }

  private async checkTrade(tradeId: string): Promise<void> {
    if (!(await this.trades.exists({ where: { id: tradeId } }))) throw invalid('tradeId', 'The trade does not exist; choose one from the list of trades');
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
    return this.apprentices.save(this.apprentices.create({ ...input, name: input.name.trim(), email: input.email.trim().toLowerCase(), status: ApprenticeStatus.ACTIVE, endedOn: null }));
  }

  async update(actor: Actor, id: string, input: UpdateApprenticeInput): Promise<ApprenticeEntity> {
    const a = await this.apprentices.findOne({ where: { id } });
    if (!a) throw new ApprenticesException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');
    try {
      await this.agencies.getManageable(actor, a.agencyId);
    } catch (e) {
      if ((e as { code?: string }).code === ErrorCode.NOT_FOUND) throw new ApprenticesException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');
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
