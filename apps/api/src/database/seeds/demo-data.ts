/**
 * Demo data from the pilot ("Pilotprosjekt for økt inntak av lærlinger i staten"): the five
 * ministry areas, and for the KDD area 37 apprentices (36 in underlying agencies, 1 in the
 * ministry) in 7 trades. Idempotent: does nothing when the KDD area exists.
 *
 * With `living`, KDD's year is under way as it would be on `today` (see living-year.ts): what
 * `npm start` shows a new user. Without it the area's year is empty, for tests that make their own.
 */
import { DataSource, EntityManager } from 'typeorm';
import { ApprenticeStatus, completeOrgNumber, proposeOccurrences } from '@laerenett/shared-domain';
import { todayInOslo } from '../../common/time';
import { hashPassword } from '../../modules/identity/identity.service';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { linkApprenticeUsersByEmail } from '../../modules/apprentices/apprentices.service';
import { seedApprenticeships } from './apprenticeships';
import { seedFollowUp } from './follow-up';
import { DemoApprentice, seedLivingYear } from './living-year';
import { seasonYear } from './living-year.dates';

export { DEMO_PASSWORD, DEMO_USERS };

export const TRADES = [
  { code: 'kontor-og-administrasjon', nameNb: 'Kontor- og administrasjonsfaget', nameEn: 'Office and administration' },
  { code: 'ikt-service', nameNb: 'IKT-servicefaget', nameEn: 'ICT service' },
  { code: 'sikkerhet', nameNb: 'Sikkerhetsfaget', nameEn: 'Security' },
  { code: 'byggdrifter', nameNb: 'Byggdrifterfaget', nameEn: 'Building operations' },
  { code: 'mediegrafiker', nameNb: 'Mediegrafikerfaget', nameEn: 'Media graphics' },
  { code: 'dataelektroniker', nameNb: 'Dataelektronikerfaget', nameEn: 'Computer electronics' },
  { code: 'kokk', nameNb: 'Kokkfaget', nameEn: 'Cookery' },
  { code: 'logistikk', nameNb: 'Logistikkfaget', nameEn: 'Logistics' },
  { code: 'informasjonsteknologi', nameNb: 'Informasjonsteknologifaget', nameEn: 'Information technology' },
] as const;

export type TradeCode = (typeof TRADES)[number]['code'];

/** KDD's agencies, with today's apprentices per trade and their e-mail domain. Sums to 37 in 7 trades. */
export const KDD_AGENCIES: {
  name: string;
  domain: string;
  employees: number;
  ministry?: boolean;
  now: Partial<Record<TradeCode, number>>;
  target: number | null;
}[] = [
  {
    name: 'Kommunal- og distriktsdepartementet',
    domain: 'kdd.dep.no',
    employees: 420,
    ministry: true,
    now: { 'kontor-og-administrasjon': 1 },
    target: 2,
  },
  {
    name: 'Digitaliseringsdirektoratet',
    domain: 'digdir.no',
    employees: 1050,
    now: { mediegrafiker: 2, dataelektroniker: 2, 'ikt-service': 3, 'kontor-og-administrasjon': 1 },
    target: 10,
  },
  { name: 'Statsbygg', domain: 'statsbygg.no', employees: 870, now: { byggdrifter: 4, 'kontor-og-administrasjon': 2 }, target: 8 },
  {
    name: 'Departementenes sikkerhets- og serviceorganisasjon',
    domain: 'dss.dep.no',
    employees: 760,
    now: { sikkerhet: 5, 'ikt-service': 3, 'kontor-og-administrasjon': 2 },
    target: 10,
  },
  { name: 'Nasjonal kommunikasjonsmyndighet', domain: 'nkom.no', employees: 185, now: { kokk: 2, 'ikt-service': 1 }, target: 3 },
  { name: 'Kartverket', domain: 'kartverket.no', employees: 920, now: { 'kontor-og-administrasjon': 3, 'ikt-service': 2 }, target: 6 },
  { name: 'Husbanken', domain: 'husbanken.no', employees: 330, now: { 'kontor-og-administrasjon': 2 }, target: 3 },
  {
    name: 'Statsforvalteren i Oslo og Viken',
    domain: 'statsforvalteren.no',
    employees: 640,
    now: { 'kontor-og-administrasjon': 2 },
    target: 4,
  },
  { name: 'Statsforvalteren i Vestland', domain: 'statsforvalteren.no', employees: 410, now: {}, target: 1 },
  { name: 'Direktoratet for byggkvalitet', domain: 'dibk.no', employees: 90, now: {}, target: null },
  { name: 'Distriktssenteret', domain: 'distriktssenteret.no', employees: 32, now: {}, target: null },
  { name: 'Valgdirektoratet', domain: 'valg.no', employees: 30, now: {}, target: null },
  { name: 'Husleietvistutvalget', domain: 'htu.no', employees: 45, now: {}, target: null },
];

const OTHER_AREAS = [
  {
    code: 'FD',
    name: 'Forsvarsdepartementet',
    agencies: [
      ['Forsvarsdepartementet', 300, true, 1, 'fd.dep.no'],
      ['Forsvarsbygg', 1500, false, 6, 'forsvarsbygg.no'],
      ['Forsvarets forskningsinstitutt', 750, false, 2, 'ffi.no'],
      ['Nasjonal sikkerhetsmyndighet', 400, false, 0, 'nsm.no'],
    ],
  },
  {
    code: 'KD',
    name: 'Kunnskapsdepartementet',
    agencies: [
      ['Kunnskapsdepartementet', 330, true, 0, 'kd.dep.no'],
      ['Utdanningsdirektoratet', 400, false, 3, 'udir.no'],
      ['Direktoratet for høyere utdanning og kompetanse', 450, false, 2, 'hkdir.no'],
    ],
  },
  {
    code: 'KUD',
    name: 'Kulturdepartementet',
    agencies: [
      ['Kulturdepartementet', 170, true, 1, 'kud.dep.no'],
      ['Nasjonalbiblioteket', 450, false, 3, 'nb.no'],
      ['Arkivverket', 330, false, 1, 'arkivverket.no'],
      ['Medietilsynet', 50, false, 0, 'medietilsynet.no'],
    ],
  },
  {
    code: 'LMD',
    name: 'Landbruks- og matsektoren',
    agencies: [
      ['Landbruks- og matdepartementet', 160, true, 0, 'lmd.dep.no'],
      ['Mattilsynet', 1300, false, 4, 'mattilsynet.no'],
      ['Landbruksdirektoratet', 400, false, 1, 'landbruksdirektoratet.no'],
    ],
  },
] as const;

/** The apprentice user of the demo: the same person as the first apprentice in Digdir's list. */
const DEMO_APPRENTICE = { agency: 'Digitaliseringsdirektoratet', name: 'Emma Larsen', email: 'emma.larsen@digdir.no' } as const;

const FIRST = [
  'Emma',
  'Noah',
  'Nora',
  'Jakob',
  'Sofie',
  'Lucas',
  'Ella',
  'Filip',
  'Olivia',
  'Isak',
  'Ingrid',
  'Aksel',
  'Maja',
  'Emil',
  'Leah',
  'Oskar',
  'Frida',
  'Henrik',
  'Sara',
  'Magnus',
  'Amalie',
  'Sander',
  'Hedda',
  'Tobias',
  'Thea',
  'Elias',
  'Selma',
  'Johannes',
  'Tiril',
  'Mathias',
  'Vilde',
  'Adrian',
  'Live',
  'Kasper',
  'Aurora',
  'Mohammed',
  'Ida',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
];

/** Deterministic valid organisation numbers from a seed. */
export function orgNumberFor(seed: number): string {
  for (let i = 0; ; i++) {
    const n = completeOrgNumber(String(91_000_000 + ((seed * 7919 + i * 104_729) % 8_999_999)).padStart(8, '0'));
    if (n) return n;
  }
}

export const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '');

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: { id: string }[] = await m.query(sql, params);
  return rows[0].id;
}

export interface DemoDataOptions {
  /** The day the demo is loaded on (default: now). */
  today?: Date;
  /** KDD's year under way on that day: plan, meetings, gatherings, pool, competence, reports. */
  living?: boolean;
}

export async function seedDemoData(
  ds: DataSource,
  { today = new Date(), living = false }: DemoDataOptions = {},
): Promise<{ created: boolean }> {
  const exists: unknown[] = await ds.query(`SELECT 1 FROM ministry_area WHERE code = 'KDD'`);
  if (exists.length) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const todayIso = todayInOslo(today);
  const year = Number(todayIso.slice(0, 4));
  await ds.transaction(async (m) => {
    const tradeIds = new Map<string, string>();
    for (const t of TRADES)
      tradeIds.set(
        t.code,
        await insertReturningId(m, `INSERT INTO trade (code, name_nb, name_en) VALUES ($1,$2,$3) RETURNING id`, [
          t.code,
          t.nameNb,
          t.nameEn,
        ]),
      );
    const okStat = await insertReturningId(m, `INSERT INTO training_office (name) VALUES ('OK stat') RETURNING id`, []);
    await m.query(
      `INSERT INTO minimum_rule (year, threshold, source) VALUES ($1, 100, 'Pilotprosjektet (krav: over 100 ansatte)'), ($2, 75, 'Regjeringens krav fra 2022: over 75 ansatte') ON CONFLICT (year) DO NOTHING`,
      [2021, 2022],
    );

    const areaIds = new Map<string, string>();
    const agencyIds = new Map<string, string>();
    let seq = 1;
    let person = 0;
    const emails = new Set<string>();
    /** Today's apprentices per agency, in the order they were added. */
    const active = new Map<string, DemoApprentice[]>();
    const addApprentice = async (
      agencyId: string,
      domain: string,
      trade: TradeCode,
      start: string,
      end: string,
      status: ApprenticeStatus,
      endedOn: string | null,
      who?: { name: string; email: string },
    ) => {
      const first = FIRST[person % FIRST.length];
      const last = LAST[(person * 7) % LAST.length];
      person++;
      let email = who?.email ?? `${slug(first)}.${slug(last)}@${domain}`;
      for (let n = 2; emails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
      emails.add(email);
      const name = who?.name ?? `${first} ${last}`;
      await m.query(
        `INSERT INTO apprentice (agency_id, trade_id, name, email, contract_start, contract_end, ended_on, status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [agencyId, tradeIds.get(trade), name, email, start, end, endedOn, status],
      );
      if (status === ApprenticeStatus.ACTIVE) {
        const list = active.get(agencyId);
        if (list) list.push({ name, email, trade });
        else active.set(agencyId, [{ name, email, trade }]);
      }
    };

    const kdd = await insertReturningId(
      m,
      `INSERT INTO ministry_area (code, name) VALUES ('KDD', 'Kommunal- og distriktsdepartementet') RETURNING id`,
      [],
    );
    areaIds.set('KDD', kdd);
    for (const a of KDD_AGENCIES) {
      const orgNumber = a.name === 'Digitaliseringsdirektoratet' ? '991825827' : orgNumberFor(seq++);
      const id = await insertReturningId(
        m,
        `INSERT INTO agency (area_id, name, org_number, employees, is_ministry, training_office_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [kdd, a.name, orgNumber, a.employees, !!a.ministry, okStat],
      );
      agencyIds.set(a.name, id);
      // Today's apprentices: half started last August, half this August.
      let k = 0;
      for (const [trade, n] of Object.entries(a.now) as [TradeCode, number][]) {
        for (let i = 0; i < n; i++, k++) {
          const startYear = k % 2 === 0 ? year - 1 : year;
          const who = a.name === DEMO_APPRENTICE.agency && k === 0 ? DEMO_APPRENTICE : undefined;
          await addApprentice(id, a.domain, trade, `${startYear}-08-15`, `${startYear + 2}-08-14`, ApprenticeStatus.ACTIVE, null, who);
        }
      }
      // History for the trend: earlier cohorts that completed (fewer, further back).
      const total = Object.values(a.now).reduce((s, n) => s + (n ?? 0), 0);
      const trades = Object.keys(a.now) as TradeCode[];
      for (let back = 2; back <= 5 && trades.length; back++) {
        const n = Math.max(0, Math.round(total / 2) - Math.floor(back / 2));
        for (let i = 0; i < n; i++) {
          const s = year - back;
          await addApprentice(
            id,
            a.domain,
            trades[i % trades.length],
            `${s}-08-15`,
            `${s + 2}-08-14`,
            ApprenticeStatus.COMPLETED,
            `${s + 2}-06-20`,
          );
        }
      }
      if (a.target !== null) {
        for (let y = year - 4; y <= year; y++) {
          const t = Math.max(0, a.target - (year - y));
          await m.query(`INSERT INTO target (agency_id, year, total, note) VALUES ($1,$2,$3,$4)`, [
            id,
            y,
            t,
            y === year ? 'Avtalt i bilateralt møte med departementet i juni' : '',
          ]);
        }
      }
    }
    // One apprentice whose contract was terminated in the spring (not counted now).
    await addApprentice(
      agencyIds.get('Statsbygg') as string,
      'statsbygg.no',
      'byggdrifter',
      `${year - 1}-08-15`,
      `${year + 1}-08-14`,
      ApprenticeStatus.TERMINATED,
      `${year}-03-01`,
    );

    for (const area of OTHER_AREAS) {
      const areaId = await insertReturningId(m, `INSERT INTO ministry_area (code, name) VALUES ($1,$2) RETURNING id`, [
        area.code,
        area.name,
      ]);
      await m.query(`INSERT INTO network (area_id, kind) VALUES ($1, 'STAFF'), ($1, 'APPRENTICE')`, [areaId]);
      areaIds.set(area.code, areaId);
      for (const [name, employees, ministry, n, domain] of area.agencies) {
        const id = await insertReturningId(
          m,
          `INSERT INTO agency (area_id, name, org_number, employees, is_ministry, training_office_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
          [areaId, name, orgNumberFor(seq++), employees, ministry, okStat],
        );
        agencyIds.set(name, id);
        for (let i = 0; i < n; i++)
          await addApprentice(
            id,
            domain,
            i % 2 ? 'ikt-service' : 'kontor-og-administrasjon',
            `${year - (i % 2)}-08-15`,
            `${year - (i % 2) + 2}-08-14`,
            ApprenticeStatus.ACTIVE,
            null,
          );
        await m.query(`INSERT INTO target (agency_id, year, total, note) VALUES ($1,$2,$3,'')`, [id, year, Math.max(1, n)]);
      }
    }

    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const agencyId = 'agency' in u ? (agencyIds.get(u.agency) as string) : null;
      const areaId = 'area' in u ? (areaIds.get(u.area) as string) : agencyId ? kdd : null;
      userIds.set(
        u.email,
        await insertReturningId(
          m,
          `INSERT INTO app_user (email, name, password_hash, role, area_id, agency_id, language) VALUES ($1,$2,$3,$4,$5,$6,'nb') RETURNING id`,
          [u.email, u.name, passwordHash, u.role, areaId, agencyId],
        ),
      );
    }

    // KDD's networks: Kari Nordmann leads the staff network, Ola Hansen the apprentice network;
    // the staff network meets every other month on the last Wednesday (planned, not yet sent out;
    // in the living year, since the season began in August).
    const staff = await insertReturningId(m, `INSERT INTO network (area_id, kind) VALUES ($1, 'STAFF') RETURNING id`, [kdd]);
    const apprenticeNet = await insertReturningId(m, `INSERT INTO network (area_id, kind) VALUES ($1, 'APPRENTICE') RETURNING id`, [kdd]);
    await m.query(`INSERT INTO network_lead (network_id, user_id) VALUES ($1, $2), ($3, $4)`, [
      staff,
      userIds.get('kari.nordmann@kdd.dep.no'),
      apprenticeNet,
      userIds.get('ola.hansen@digdir.no'),
    ]);
    await m.query(`INSERT INTO network_member (network_id, user_id, added_by_id) VALUES ($1, $2, $3), ($1, $4, $3)`, [
      staff,
      userIds.get('ola.hansen@digdir.no'),
      userIds.get('kari.nordmann@kdd.dep.no'),
      userIds.get('ingrid.berg@statsbygg.no'),
    ]);
    const rule = {
      rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE',
      firstDate: living ? `${seasonYear(todayIso)}-08-01` : todayIso,
      startTime: '10:00',
      endTime: '14:00',
    };
    const series = await insertReturningId(
      m,
      `INSERT INTO gathering_series (area_id, audience, title, rrule, first_date, start_time, end_time, created_by_id) VALUES ($1, 'STAFF', 'Nettverkssamling for ansatte', $2, $3, $4, $5, $6) RETURNING id`,
      [kdd, rule.rrule, rule.firstDate, rule.startTime, rule.endTime, userIds.get('kari.nordmann@kdd.dep.no')],
    );
    const to = todayInOslo(new Date(today.getTime() + 365 * 86_400_000));
    for (const o of proposeOccurrences(rule, rule.firstDate, to)) {
      await m.query(
        `INSERT INTO gathering (area_id, series_id, rule_date, audience, title, starts_at, ends_at) VALUES ($1, $2, $3, 'STAFF', 'Nettverkssamling for ansatte', $4, $5)`,
        [kdd, series, o.ruleDate, o.startsAt, o.endsAt],
      );
    }
    if (living) {
      const agencies = new Map(
        KDD_AGENCIES.map((a) => [
          a.name,
          {
            id: agencyIds.get(a.name) as string,
            domain: a.domain,
            target: a.target,
            apprentices: active.get(agencyIds.get(a.name) as string) ?? [],
          },
        ]),
      );
      await seedLivingYear(m, { today: todayIso, areaId: kdd, agencies, userIds, tradeIds, staffNetworkId: staff, staffSeriesId: series });
    }
    // Each apprentice user is the apprentice in their agency's list, as an accepted invitation makes them.
    await linkApprenticeUsersByEmail(m);
    await seedApprenticeships(m, todayIso);
    await seedFollowUp(m, todayIso);
  });
  return { created: true };
}
