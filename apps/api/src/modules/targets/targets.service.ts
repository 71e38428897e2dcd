import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DEFAULT_MINIMUM_THRESHOLD, ErrorCode, targetProblem } from '@laerenett/shared-domain';
import { loaderByKey } from '../../common/loaders';
import type { Actor } from '../../common/request-context';
import { AgenciesService } from '../agencies/agencies.service';
import { AreasService } from '../areas/areas.service';
import { SetMinimumRuleInput, SetTargetInput } from './dto/target.inputs';
import { MinimumRuleEntity } from './entities/minimum-rule.entity';
import { TargetEntity } from './entities/target.entity';
import { TradeTargetEntity } from './entities/trade-target.entity';
import { TargetsException } from './targets.exception';
import { MINIMUM_RULE_SQL } from './dashboard.sql';

const invalid = (field: string, message: string) =>
  new TargetsException(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: [message] } });

@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(TargetEntity) private readonly targets: Repository<TargetEntity>,
    @InjectRepository(MinimumRuleEntity) private readonly rules: Repository<MinimumRuleEntity>,
    private readonly agencies: AgenciesService,
    private readonly areas: AreasService,
  ) {}

  /** Per-request loader of agencies' targets with their split per trade; key: `${agencyId}|${year}`. */
  readonly targetByAgencyYear = loaderByKey<string, TargetEntity | null>(
    async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows = await this.targets
        .createQueryBuilder('t')
        .leftJoinAndSelect('t.byTrade', 'bt')
        .where(
          '(t.agency_id, t.year) IN (' + pairs.map((_, i) => `(:a${i}::uuid, :y${i}::int)`).join(',') + ')',
          Object.fromEntries(
            pairs.flatMap(([a, y], i) => [
              [`a${i}`, a],
              [`y${i}`, Number(y)],
            ]),
          ),
        )
        .getMany();
      return new Map(rows.map((r) => [`${r.agencyId}|${r.year}`, r]));
    },
    () => null,
  );

  async history(actor: Actor, agencyId: string): Promise<TargetEntity[]> {
    await this.agencies.get(actor, agencyId);
    return this.targets.find({ where: { agencyId }, relations: { byTrade: true }, order: { year: 'DESC' } });
  }

  /** Sets (or replaces) an agency's target for a year, with the per-trade split, in one transaction. */
  async setTarget(actor: Actor, input: SetTargetInput): Promise<TargetEntity> {
    const agency = await this.agencies.getManageable(actor, input.agencyId);
    const problem = targetProblem(input.total, agency.employees);
    if (problem) throw invalid('total', problem);
    const tradeIds = input.byTrade.map((t) => t.tradeId);
    if (new Set(tradeIds).size !== tradeIds.length) throw invalid('byTrade', 'Each trade can appear only once in the split');
    if (tradeIds.length) {
      const known = await this.areas.countTrades(tradeIds);
      if (known !== tradeIds.length) throw invalid('byTrade', 'The split names a trade that does not exist; choose trades from the list');
    }
    const split = input.byTrade.reduce((s, t) => s + t.count, 0);
    if (split > input.total) throw invalid('byTrade', `The split per trade (${split}) is larger than the total target (${input.total})`);
    const id = await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(TargetEntity)
        .values({ agencyId: agency.id, year: input.year, total: input.total, note: input.note.trim(), setByUserId: actor.id })
        .orUpdate(['total', 'note', 'set_by_user_id', 'updated_at'], ['agency_id', 'year'])
        .updateEntity(false)
        .execute();
      const t = await m.findOneByOrFail(TargetEntity, { agencyId: agency.id, year: input.year });
      await m.delete(TradeTargetEntity, { targetId: t.id });
      if (input.byTrade.length)
        await m.insert(
          TradeTargetEntity,
          input.byTrade.map((b) => ({ targetId: t.id, tradeId: b.tradeId, count: b.count })),
        );
      return t.id;
    });
    return this.targets.findOneOrFail({ where: { id }, relations: { byTrade: true } });
  }

  listRules(): Promise<MinimumRuleEntity[]> {
    return this.rules.find({ order: { year: 'DESC' } });
  }

  /** The threshold in force for a year: that year's rule, else the latest earlier one, else the pilot's 100. */
  async thresholdFor(year: number): Promise<number> {
    const rows: { threshold: number }[] = await this.ds.query(MINIMUM_RULE_SQL, [year]);
    return rows[0]?.threshold ?? DEFAULT_MINIMUM_THRESHOLD;
  }

  async setRule(input: SetMinimumRuleInput): Promise<MinimumRuleEntity> {
    await this.rules.upsert({ year: input.year, threshold: input.threshold, source: input.source?.trim() ?? '' }, ['year']);
    return this.rules.findOneByOrFail({ year: input.year });
  }
}
