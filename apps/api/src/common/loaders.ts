import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AgencyEntity } from '../modules/agencies/entities/agency.entity';
import { MinistryAreaEntity } from '../modules/areas/entities/ministry-area.entity';
import { TradeEntity } from '../modules/areas/entities/trade.entity';
import { TrainingOfficeEntity } from '../modules/areas/entities/training-office.entity';
import { TargetEntity } from '../modules/targets/entities/target.entity';
import { todayInOslo } from './time';

function byId<T extends { id: string }>(ds: DataSource, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Per-request batch loaders: every relation field resolves through one of these (no N+1). */
export function createLoaders(ds: DataSource) {
  return {
    /** Answers worked out once per request (e.g. which networks the user leads), by key. */
    memo: new Map<string, Promise<unknown>>(),
    agency: byId(ds, AgencyEntity),
    area: byId(ds, MinistryAreaEntity),
    trade: byId(ds, TradeEntity),
    trainingOffice: byId(ds, TrainingOfficeEntity),
    /** key: `${agencyId}|${year}` */
    target: new DataLoader<string, TargetEntity | null>(async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows = await ds
        .getRepository(TargetEntity)
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
      const map = new Map(rows.map((r) => [`${r.agencyId}|${r.year}`, r]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    /** Apprentices under contract today, per agency. */
    apprenticesNow: new DataLoader<string, number>(async (agencyIds) => {
      const today = todayInOslo();
      const rows: { agency_id: string; n: string }[] = await ds.query(
        `SELECT agency_id, count(*) AS n FROM apprentice
          WHERE agency_id = ANY($1::uuid[]) AND contract_start <= $2 AND LEAST(ended_on, contract_end) >= $2
          GROUP BY agency_id`,
        [agencyIds, today],
      );
      const map = new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
      return agencyIds.map((id) => map.get(id) ?? 0);
    }),
    /** Answers per gathering, counted. */
    rsvpCounts: new DataLoader<string, { yes: number; no: number; waitlist: number; checkedIn: number }>(async (ids) => {
      const rows: { gathering_id: string; yes: number; no: number; waitlist: number; checked_in: number }[] = await ds.query(
        `SELECT gathering_id, count(*) FILTER (WHERE state = 'YES')::int AS yes, count(*) FILTER (WHERE state = 'NO')::int AS no,
                count(*) FILTER (WHERE state = 'WAITLIST')::int AS waitlist, count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS checked_in
           FROM gathering_rsvp WHERE gathering_id = ANY($1::uuid[]) GROUP BY gathering_id`,
        [ids],
      );
      const map = new Map(rows.map((r) => [r.gathering_id, { yes: r.yes, no: r.no, waitlist: r.waitlist, checkedIn: r.checked_in }]));
      return ids.map((id) => map.get(id) ?? { yes: 0, no: 0, waitlist: 0, checkedIn: 0 });
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
