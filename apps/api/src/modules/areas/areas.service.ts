import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, Repository } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { loaderById } from '../../common/loaders';
import type { Actor } from '../../common/request-context';
import { AreasException } from './areas.exception';
import { NetworksService } from '../networks/networks.service';
import { CreateMinistryAreaInput, CreateTradeInput } from './dto/area.inputs';
import { MinistryAreaEntity } from './entities/ministry-area.entity';
import { TradeEntity } from './entities/trade.entity';
import { TrainingOfficeEntity } from './entities/training-office.entity';

export const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e as unknown as { code?: string }).code === '23505';

@Injectable()
export class AreasService {
  constructor(
    @InjectRepository(MinistryAreaEntity) private readonly areas: Repository<MinistryAreaEntity>,
    @InjectRepository(TradeEntity) private readonly trades: Repository<TradeEntity>,
    @InjectRepository(TrainingOfficeEntity) private readonly offices: Repository<TrainingOfficeEntity>,
    private readonly networks: NetworksService,
  ) {}

  /** Per-request loaders by id, for relation fields (`ctx.loaders.of(areas.areaById)`). */
  readonly areaById = loaderById((ids) => this.areas.findBy({ id: In(ids) }));
  readonly tradeById = loaderById((ids) => this.trades.findBy({ id: In(ids) }));
  readonly trainingOfficeById = loaderById((ids) => this.offices.findBy({ id: In(ids) }));

  /** An area by id, without an access check (the caller checks): null when there is none. */
  findArea(id: string): Promise<MinistryAreaEntity | null> {
    return this.areas.findOne({ where: { id } });
  }

  /** How many of these trades exist (each id counted once). */
  countTrades(ids: string[]): Promise<number> {
    return ids.length ? this.trades.count({ where: { id: In([...new Set(ids)]) } }) : Promise.resolve(0);
  }

  tradeExists(id: string): Promise<boolean> {
    return this.trades.exists({ where: { id } });
  }

  trainingOfficeExists(id: string): Promise<boolean> {
    return this.offices.exists({ where: { id } });
  }

  /** Admins see every area; everyone else sees their own. */
  listAreas(actor: Actor): Promise<MinistryAreaEntity[]> {
    if (actor.role === Role.ADMIN) return this.areas.find({ order: { name: 'ASC' } });
    return this.areas.find({ where: { id: actor.areaId ?? '00000000-0000-0000-0000-000000000000' } });
  }

  listTrades(): Promise<TradeEntity[]> {
    return this.trades.find({ order: { nameNb: 'ASC' } });
  }

  listTrainingOffices(): Promise<TrainingOfficeEntity[]> {
    return this.offices.find({ order: { name: 'ASC' } });
  }

  async createArea(input: CreateMinistryAreaInput): Promise<MinistryAreaEntity> {
    try {
      // The area comes with its two networks (staff and apprentices).
      return await this.areas.manager.transaction(async (m) => {
        const area = await m.save(m.create(MinistryAreaEntity, { code: input.code, name: input.name.trim() }));
        await this.networks.createForArea(area.id, m);
        return area;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AreasException(ErrorCode.CONFLICT, `A ministry area with the code ${input.code} exists already`);
      throw e;
    }
  }

  async createTrade(input: CreateTradeInput): Promise<TradeEntity> {
    try {
      return await this.trades.save(this.trades.create({ code: input.code, nameNb: input.nameNb.trim(), nameEn: input.nameEn.trim() }));
    } catch (e) {
      if (isUniqueViolation(e)) throw new AreasException(ErrorCode.CONFLICT, `A trade with the code ${input.code} exists already`);
      throw e;
    }
  }
}
