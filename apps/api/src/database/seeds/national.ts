/**
 * A national-scale data set for benchmarks: by default 200 agencies in 20 areas, 5,000
 * apprentices and 5 years of targets. Bulk inserts; deterministic from the seed.
 */
import { DataSource } from 'typeorm';
import { ApprenticeStatus } from '@laerenett/shared-domain';
import { orgNumberFor, TRADES } from './demo-data';

export interface NationalOptions {
  agencies: number;
  apprentices: number;
  years: number;
  areas: number;
  year: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export async function seedNational(ds: DataSource, o: NationalOptions): Promise<{ areaIds: string[] }> {
  const rand = rng(42);
  const prefix = `N${o.agencies}`;
  return ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO trade (code, name_nb, name_en) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (code) DO NOTHING`,
      [TRADES.map((t) => t.code), TRADES.map((t) => t.nameNb), TRADES.map((t) => t.nameEn)],
    );
    const trades: { id: string }[] = await m.query(`SELECT id FROM trade ORDER BY code`);
    const areas: { id: string }[] = await m.query(
      `INSERT INTO ministry_area (code, name) SELECT $1 || '-' || i, 'Departementsområde ' || i FROM generate_series(1, $2::int) i RETURNING id`,
      [prefix, o.areas],
    );
    await m.query(
      `INSERT INTO network (area_id, kind) SELECT a, k::network_kind FROM unnest($1::uuid[]) a CROSS JOIN (VALUES ('STAFF'), ('APPRENTICE')) v(k)`,
      [areas.map((a) => a.id)],
    );
    const names: string[] = [],
      orgs: string[] = [],
      emps: number[] = [],
      areaOf: string[] = [],
      ministry: boolean[] = [];
    for (let i = 0; i < o.agencies; i++) {
      names.push(`${prefix} virksomhet ${i + 1}`);
      orgs.push(orgNumberFor(100_000 + o.agencies * 10 + i));
      emps.push(Math.round(20 + rand() * rand() * 3000));
      areaOf.push(areas[i % areas.length].id);
      ministry.push(i < areas.length);
    }
    const agencies: { id: string }[] = await m.query(
      `INSERT INTO agency (area_id, name, org_number, employees, is_ministry) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::bool[]) RETURNING id`,
      [areaOf, names, orgs, emps, ministry],
    );
    const ag: string[] = [],
      tr: string[] = [],
      nm: string[] = [],
      em: string[] = [],
      st: string[] = [],
      en: string[] = [],
      status: string[] = [],
      ended: (string | null)[] = [];
    for (let i = 0; i < o.apprentices; i++) {
      const startYear = o.year - Math.floor(rand() * (o.years + 1));
      const terminated = rand() < 0.06;
      ag.push(agencies[Math.floor(rand() * rand() * agencies.length)].id);
      tr.push(trades[Math.floor(rand() * trades.length)].id);
      nm.push(`Lærling ${i + 1}`);
      em.push(`laerling${i + 1}@${prefix.toLowerCase()}.example.no`);
      st.push(`${startYear}-08-15`);
      en.push(`${startYear + 2}-08-14`);
      status.push(terminated ? ApprenticeStatus.TERMINATED : startYear + 2 < o.year ? ApprenticeStatus.COMPLETED : ApprenticeStatus.ACTIVE);
      ended.push(terminated ? `${startYear + 1}-02-01` : null);
    }
    await m.query(
      `INSERT INTO apprentice (agency_id, trade_id, name, email, contract_start, contract_end, status, ended_on)
       SELECT a, t, n, e, s::date, x::date, st::apprentice_status, d::date FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(a, t, n, e, s, x, st, d)`,
      [ag, tr, nm, em, st, en, status, ended],
    );
    await m.query(
      `INSERT INTO target (agency_id, year, total, note)
       SELECT a.id, y, LEAST(500, GREATEST(0, (a.employees / 150) + (y - $1::int))), 'generated' FROM agency a CROSS JOIN generate_series($1::int, $2::int) y
        WHERE a.id = ANY($3::uuid[])`,
      [o.year - o.years + 1, o.year, agencies.map((a) => a.id)],
    );
    return { areaIds: areas.map((a) => a.id) };
  });
}
