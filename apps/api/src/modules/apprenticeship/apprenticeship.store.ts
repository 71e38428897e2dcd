import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AfterPlan,
  ApprenticeStatus,
  ContractKind,
  DEFAULT_LIFECYCLE_SETTINGS,
  interruptedDays,
  InterruptionKind,
  IsoDate,
  LifecycleFacts,
  LifecycleSettings,
  lifecycleDates,
  lifecycleWarnings,
  TalkKind,
  TradeTestResult,
} from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import { readAll } from '../../database/reads';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { AreasService } from '../areas/areas.service';
import { USER_DIRECTORY } from '../identity/read-model';
import { ApprenticeshipModel, ApprenticeshipPersonModel, TradeTestState } from './models/apprenticeship.models';

/** One apprentice's record with the contract's details (defaults where none are recorded yet). */
export interface ContractRow {
  id: string;
  agency_id: string;
  agency_name: string;
  area_id: string;
  trade_id: string;
  trade_nb: string;
  trade_en: string;
  user_id: string | null;
  name: string;
  email: string;
  status: ApprenticeStatus;
  contract_start: string;
  contract_end: string;
  ended_on: string | null;
  has_details: boolean;
  kind: ContractKind;
  county: string | null;
  training_office_id: string | null;
  signed_on: string | null;
  birth_date: string | null;
  original_end: string;
  leader_id: string | null;
  after_plan: AfterPlan | null;
}

interface TalkRow {
  id: string;
  apprentice_id: string;
  kind: TalkKind;
  held_on: string;
  participants: string;
  summary: string;
  goals: string;
}
interface InterruptionRow {
  id: string;
  apprentice_id: string;
  kind: InterruptionKind;
  starts_on: string;
  ends_on: string | null;
  county_notified_on: string | null;
  note: string;
}
interface TradeTestRow {
  id: string;
  apprentice_id: string;
  attempt: number;
  registered_on: string;
  test_date: string | null;
  result: TradeTestResult | null;
}

/** Everything held about one apprenticeship, as loaded. */
export interface Loaded {
  c: ContractRow;
  talks: TalkRow[];
  interruptions: InterruptionRow[];
  tests: TradeTestRow[];
  instructorIds: string[];
}

/** What the lifecycle's rules read of an apprenticeship: `Loaded` has it, and so has the figures' lighter read. */
export interface LifecycleRows {
  c: Pick<
    ContractRow,
    'agency_id' | 'status' | 'contract_start' | 'contract_end' | 'ended_on' | 'signed_on' | 'birth_date' | 'original_end' | 'after_plan'
  >;
  talks: Pick<TalkRow, 'kind' | 'held_on'>[];
  interruptions: Pick<InterruptionRow, 'starts_on' | 'ends_on'>[];
  tests: Pick<TradeTestRow, 'registered_on' | 'test_date' | 'result'>[];
}

/** Which apprenticeships to load: of some agencies, or some apprentices; `current` leaves out those that have ended. */
export type LoadFilter = ({ agencyIds: string[] } | { apprenticeIds: string[] }) & { current?: boolean };

export const isEnded = (s: ApprenticeStatus) => s === ApprenticeStatus.COMPLETED || s === ApprenticeStatus.TERMINATED;

/** The lifecycle facts of one loaded apprenticeship, for the domain's rules. */
export function factsOf(l: LifecycleRows): LifecycleFacts {
  return {
    contractStart: l.c.contract_start,
    originalEnd: l.c.original_end,
    ended: isEnded(l.c.status),
    signedOn: l.c.signed_on,
    birthDate: l.c.birth_date,
    talks: l.talks.map((t) => ({ kind: t.kind, heldOn: t.held_on })),
    interruptions: l.interruptions.map((i) => ({ startsOn: i.starts_on, endsOn: i.ends_on })),
    tradeTests: l.tests.map((t) => ({ registeredOn: t.registered_on, testDate: t.test_date, result: t.result })),
    afterPlan: l.c.after_plan,
  };
}

const byApprentice = <T extends { apprentice_id: string }>(rows: T[]) => groupBy(rows, (r) => r.apprentice_id);

/**
 * Reads apprenticeships: the apprentice's record (through the apprentices module's
 * `apprentice_contract`), the agency and trade (their modules' directories), and this module's
 * tables, in one statement each for any number of apprentices.
 */
@Injectable()
export class ApprenticeshipStore {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly areas: AreasService,
  ) {}

  async contracts(filter: LoadFilter, m: EntityManager = this.ds.manager): Promise<ContractRow[]> {
    const byAgency = 'agencyIds' in filter;
    return m.query(
      `SELECT a.id, a.agency_id, g.name AS agency_name, g.area_id, a.trade_id, t.name_nb AS trade_nb, t.name_en AS trade_en, a.user_id, a.name, a.email,
              a.status, a.contract_start::text, a.contract_end::text, a.ended_on::text, (c.apprentice_id IS NOT NULL) AS has_details,
              COALESCE(c.kind, 'APPRENTICE') AS kind, c.county, COALESCE(c.training_office_id, g.training_office_id) AS training_office_id,
              c.signed_on::text, c.birth_date::text, COALESCE(c.original_end, a.contract_end)::text AS original_end, c.leader_id, c.after_plan
         FROM ${APPRENTICE_CONTRACT} a
         JOIN ${AGENCY_DIRECTORY} g ON g.id = a.agency_id
         JOIN ${TRADE_DIRECTORY} t ON t.id = a.trade_id
         LEFT JOIN apprenticeship_contract c ON c.apprentice_id = a.id
        WHERE ${byAgency ? 'a.agency_id' : 'a.id'} = ANY($1::uuid[]) AND ($2::boolean IS NOT TRUE OR a.status IN ('ACTIVE', 'INTERRUPTED'))
        ORDER BY a.name, a.contract_start`,
      [byAgency ? filter.agencyIds : filter.apprenticeIds, filter.current ?? false],
    );
  }

  /** The apprenticeships of the filter with their talks, interruptions, trade tests and instructors. */
  async load(filter: LoadFilter, m: EntityManager = this.ds.manager): Promise<Loaded[]> {
    const contracts = await this.contracts(filter, m);
    if (!contracts.length) return [];
    const ids = contracts.map((c) => c.id);
    const [talks, interruptions, tests, instructors] = await readAll(m, [
      () =>
        m.query(
          `SELECT id, apprentice_id, kind, held_on::text, participants, summary, goals FROM apprenticeship_talk WHERE apprentice_id = ANY($1::uuid[]) ORDER BY held_on, created_at`,
          [ids],
        ) as Promise<TalkRow[]>,
      () =>
        m.query(
          `SELECT id, apprentice_id, kind, starts_on::text, ends_on::text, county_notified_on::text, note FROM apprenticeship_interruption WHERE apprentice_id = ANY($1::uuid[]) ORDER BY starts_on, created_at`,
          [ids],
        ) as Promise<InterruptionRow[]>,
      () =>
        m.query(
          `SELECT id, apprentice_id, attempt, registered_on::text, test_date::text, result FROM trade_test WHERE apprentice_id = ANY($1::uuid[]) ORDER BY attempt`,
          [ids],
        ) as Promise<TradeTestRow[]>,
      () =>
        m.query(`SELECT apprentice_id, user_id FROM apprenticeship_instructor WHERE apprentice_id = ANY($1::uuid[])`, [ids]) as Promise<
          { apprentice_id: string; user_id: string }[]
        >,
    ]);
    const [t, i, x, s] = [byApprentice(talks), byApprentice(interruptions), byApprentice(tests), byApprentice(instructors)];
    return contracts.map((c) => ({
      c,
      talks: t.get(c.id) ?? [],
      interruptions: i.get(c.id) ?? [],
      tests: x.get(c.id) ?? [],
      instructorIds: (s.get(c.id) ?? []).map((r) => r.user_id).sort(),
    }));
  }

  /**
   * The lifecycle facts of every apprenticeship of the agencies, and nothing else (no names, texts
   * or directories): what counting them needs, light enough for a whole area's thousands.
   */
  async lifecycles(agencyIds: string[], m: EntityManager = this.ds.manager): Promise<LifecycleRows[]> {
    const ofAgencies = `apprentice_id IN (SELECT id FROM ${APPRENTICE_CONTRACT} WHERE agency_id = ANY($1::uuid[]))`;
    const [contracts, talks, interruptions, tests] = await readAll(m, [
      () =>
        m.query(
          `SELECT a.id, a.agency_id, a.status, a.contract_start::text, a.contract_end::text, a.ended_on::text, c.signed_on::text,
                c.birth_date::text, COALESCE(c.original_end, a.contract_end)::text AS original_end, c.after_plan
           FROM ${APPRENTICE_CONTRACT} a LEFT JOIN apprenticeship_contract c ON c.apprentice_id = a.id
          WHERE a.agency_id = ANY($1::uuid[])`,
          [agencyIds],
        ) as Promise<(LifecycleRows['c'] & { id: string })[]>,
      () =>
        m.query(`SELECT apprentice_id, kind, held_on::text FROM apprenticeship_talk WHERE ${ofAgencies} ORDER BY held_on, created_at`, [
          agencyIds,
        ]) as Promise<(LifecycleRows['talks'][number] & { apprentice_id: string })[]>,
      () =>
        m.query(
          `SELECT apprentice_id, starts_on::text, ends_on::text FROM apprenticeship_interruption WHERE ${ofAgencies} ORDER BY starts_on, created_at`,
          [agencyIds],
        ) as Promise<(LifecycleRows['interruptions'][number] & { apprentice_id: string })[]>,
      () =>
        m.query(`SELECT apprentice_id, registered_on::text, test_date::text, result FROM trade_test WHERE ${ofAgencies} ORDER BY attempt`, [
          agencyIds,
        ]) as Promise<(LifecycleRows['tests'][number] & { apprentice_id: string })[]>,
    ]);
    const [t, i, x] = [byApprentice(talks), byApprentice(interruptions), byApprentice(tests)];
    return contracts.map((c) => ({ c, talks: t.get(c.id) ?? [], interruptions: i.get(c.id) ?? [], tests: x.get(c.id) ?? [] }));
  }

  /** The agencies' settings (the defaults where an agency has none). */
  async settings(agencyIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, LifecycleSettings>> {
    const rows: { agency_id: string; trade_test_lead_months: number; long_interruption_weeks: number }[] = await m.query(
      `SELECT agency_id, trade_test_lead_months, long_interruption_weeks FROM apprenticeship_settings WHERE agency_id = ANY($1::uuid[])`,
      [agencyIds],
    );
    const found = new Map(rows.map((r) => [r.agency_id, r]));
    return new Map(
      agencyIds.map((id) => {
        const r = found.get(id);
        return [
          id,
          r
            ? {
                ...DEFAULT_LIFECYCLE_SETTINGS,
                tradeTestLeadMonths: r.trade_test_lead_months,
                longInterruptionWeeks: r.long_interruption_weeks,
              }
            : DEFAULT_LIFECYCLE_SETTINGS,
        ];
      }),
    );
  }

  /** The users named as leaders and instructors, by id. */
  async people(ids: string[]): Promise<Map<string, ApprenticeshipPersonModel>> {
    if (!ids.length) return new Map();
    const rows: ApprenticeshipPersonModel[] = await this.ds.query(
      `SELECT id, name, email FROM ${USER_DIRECTORY} WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The loaded apprenticeships as the API shows them on `today`. */
  async models(list: Loaded[], today: IsoDate, canEdit: (l: Loaded) => boolean): Promise<ApprenticeshipModel[]> {
    if (!list.length) return [];
    const [settings, people, offices] = await Promise.all([
      this.settings([...new Set(list.map((l) => l.c.agency_id))]),
      this.people(list.flatMap((l) => [...(l.c.leader_id ? [l.c.leader_id] : []), ...l.instructorIds])),
      this.areas.listTrainingOffices(),
    ]);
    const officeName = new Map(offices.map((o) => [o.id, o.name]));
    return list.map((l) => {
      const s = settings.get(l.c.agency_id) ?? DEFAULT_LIFECYCLE_SETTINGS;
      const f = factsOf(l);
      const d = lifecycleDates(f, today, s);
      return {
        apprenticeId: l.c.id,
        agencyId: l.c.agency_id,
        agencyName: l.c.agency_name,
        name: l.c.name,
        tradeId: l.c.trade_id,
        tradeNameNb: l.c.trade_nb,
        tradeNameEn: l.c.trade_en,
        kind: l.c.kind,
        status: l.c.status,
        contractStart: l.c.contract_start,
        originalEnd: l.c.original_end,
        plannedEnd: isEnded(l.c.status) ? l.c.contract_end : d.plannedEnd,
        endedOn: l.c.ended_on,
        signedOn: l.c.signed_on,
        birthDate: l.c.birth_date,
        county: l.c.county,
        trainingOfficeId: l.c.training_office_id,
        trainingOfficeName: l.c.training_office_id ? (officeName.get(l.c.training_office_id) ?? null) : null,
        leader: l.c.leader_id ? (people.get(l.c.leader_id) ?? null) : null,
        instructors: l.instructorIds.map((id) => people.get(id)).filter((p): p is ApprenticeshipPersonModel => !!p),
        afterPlan: l.c.after_plan,
        probationEnd: d.probationEnd,
        startupTalkDue: isEnded(l.c.status) ? null : d.startupTalkDue,
        nextAssessmentDue: isEnded(l.c.status) ? null : d.nextAssessmentDue,
        tradeTestRegistrationDue: d.tradeTestRegistrationDue,
        tradeTestState: d.tradeTest as TradeTestState,
        talks: l.talks.map((t) => ({
          id: t.id,
          kind: t.kind,
          heldOn: t.held_on,
          participants: t.participants,
          summary: t.summary,
          goals: t.goals,
        })),
        interruptions: l.interruptions.map((i) => ({
          id: i.id,
          kind: i.kind,
          startsOn: i.starts_on,
          endsOn: i.ends_on,
          countyNotifiedOn: i.county_notified_on,
          note: i.note,
          days: interruptedDays([{ startsOn: i.starts_on, endsOn: i.ends_on }], { asOf: today }),
        })),
        tradeTests: l.tests.map((t) => ({
          id: t.id,
          attempt: t.attempt,
          registeredOn: t.registered_on,
          testDate: t.test_date,
          result: t.result,
        })),
        warnings: lifecycleWarnings(f, today, s),
        canEdit: canEdit(l),
      };
    });
  }
}
