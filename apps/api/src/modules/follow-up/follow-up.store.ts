import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AfterTermination,
  CountyContactChannel,
  DEFAULT_FOLLOW_UP_RETENTION_MONTHS,
  ExternalParticipant,
  FollowUpConcern,
  FollowUpParticipant,
  FollowUpParticipantRole,
  FollowUpStepKind,
  followUpErasureDay,
  nextFollowUpSteps,
  Role,
  TerminationCause,
  TerminationMode,
  TerminationPhase,
} from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import { canKeepFollowUp } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { APPRENTICESHIP_RESPONSIBLE } from '../apprenticeship/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { FollowUpStatus } from './entities/follow-up-case.entity';
import {
  FollowUpActionModel,
  FollowUpCaseModel,
  FollowUpCaseSummaryModel,
  FollowUpParticipantModel,
  FollowUpPersonModel,
  FollowUpStepModel,
} from './models/follow-up.models';

/** What a step's `record` column holds: the step's facts beyond kind, date, actions and internal note. */
export interface StoredRecord {
  participants: readonly FollowUpParticipant[];
  externalParticipants: readonly ExternalParticipant[];
  summary: string;
  nextMeetingOn: string | null;
  countyAdviserInformed?: { on: string; how: CountyContactChannel } | null;
  trustedPersonInvited?: boolean;
  interruption?: { startsOn: string; countyNotifiedOn: string | null } | null;
  agreement?: { agreedOn: string; agreedBy: readonly FollowUpParticipant[] } | null;
  mode?: TerminationMode;
  terminatedOn?: string;
  causes?: readonly TerminationCause[];
  causeText?: string | null;
  afterwards?: AfterTermination;
  sentToCountyOn?: string | null;
  countyDecidedOn?: string | null;
}

interface CaseRow {
  id: string;
  apprentice_id: string;
  agency_id: string;
  apprentice_name: string;
  apprentice_user_id: string | null;
  contract_start: string;
  last_day: string;
  opened_on: string;
  opened_by_name: string | null;
  concerns: FollowUpConcern[];
  concern_text: string | null;
  status: FollowUpStatus;
  closed_on: string | null;
  termination_phase: TerminationPhase | null;
  responsible: { user_id: string; role: 'PROFESSIONAL_LEADER' | 'INSTRUCTOR' }[];
  retention_months: number;
}
interface StepRow {
  id: string;
  case_id: string;
  kind: FollowUpStepKind;
  date: string;
  record: StoredRecord;
  internal_note: string | null;
  recorded_by_name: string | null;
}
interface ActionRow {
  id: string;
  case_id: string;
  step_id: string;
  description: string;
  owner_user_id: string | null;
  owner_name: string | null;
  deadline: string;
  done_on: string | null;
}

/** Which cases to load. */
export type CaseFilter = { caseIds: string[] } | { agencyId: string } | { apprenticeUserId: string };

/** Everything held about a set of cases, as loaded. */
export interface LoadedCases {
  cases: CaseRow[];
  steps: Map<string, StepRow[]>;
  actions: Map<string, ActionRow[]>;
  /** Everyone named in them, and the agencies' coordinators: id → name. */
  names: Map<string, string>;
  coordinators: Map<string, string[]>;
}

const group = <T extends { case_id: string }>(rows: T[]) => groupBy(rows, (r) => r.case_id);

/**
 * Reads cases: this module's tables, the apprentice's record (`apprentice_contract`), who
 * answers for the apprentice (`apprenticeship_responsible`) and people's names
 * (`user_directory`), in one statement each for any number of cases. Turns them into models for
 * a reader: without the staff's internal notes for the apprentice.
 */
@Injectable()
export class FollowUpStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async load(filter: CaseFilter, m: EntityManager = this.ds.manager): Promise<LoadedCases> {
    const where =
      'caseIds' in filter
        ? { sql: 'c.id = ANY($1::uuid[])', arg: filter.caseIds }
        : 'agencyId' in filter
          ? { sql: 'c.agency_id = $1', arg: filter.agencyId }
          : { sql: 'a.user_id = $1', arg: filter.apprenticeUserId };
    const cases: CaseRow[] = await m.query(
      `SELECT c.id, c.apprentice_id, c.agency_id, a.name AS apprentice_name, a.user_id AS apprentice_user_id,
              a.contract_start::text, a.last_day::text, c.opened_on::text, u.name AS opened_by_name, c.concerns, c.concern_text,
              c.status, c.closed_on::text, c.termination_phase,
              coalesce((SELECT json_agg(json_build_object('user_id', r.user_id, 'role', r.role)) FROM ${APPRENTICESHIP_RESPONSIBLE} r
                         WHERE r.apprentice_id = c.apprentice_id), '[]'::json) AS responsible,
              coalesce(s.retention_months, $2) AS retention_months
         FROM follow_up_case c
         JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
         LEFT JOIN ${USER_DIRECTORY} u ON u.id = c.opened_by
         LEFT JOIN follow_up_settings s ON s.agency_id = c.agency_id
        WHERE ${where.sql}
        ORDER BY c.status = 'OPEN' DESC, c.opened_on DESC, a.name`,
      [where.arg, DEFAULT_FOLLOW_UP_RETENTION_MONTHS],
    );
    const ids = cases.map((c) => c.id);
    const steps: StepRow[] = ids.length
      ? await m.query(
          `SELECT s.id, s.case_id, s.kind, s.date::text, s.record, s.internal_note, u.name AS recorded_by_name
             FROM follow_up_step s LEFT JOIN ${USER_DIRECTORY} u ON u.id = s.recorded_by
            WHERE s.case_id = ANY($1::uuid[]) ORDER BY s.case_id, s.seq`,
          [ids],
        )
      : [];
    const actions: ActionRow[] = ids.length
      ? await m.query(
          `SELECT x.id, x.case_id, x.step_id, x.description, x.owner_user_id, x.owner_name, x.deadline::text, x.done_on::text
             FROM follow_up_action x JOIN follow_up_step s ON s.id = x.step_id
            WHERE x.case_id = ANY($1::uuid[]) ORDER BY s.seq, x.position`,
          [ids],
        )
      : [];
    const agencies = [...new Set(cases.map((c) => c.agency_id))];
    const people: { id: string; name: string; agency_id: string | null; role: Role }[] = cases.length
      ? await m.query(
          `SELECT id, name, agency_id, role FROM ${USER_DIRECTORY}
            WHERE (agency_id = ANY($1::uuid[]) AND role = $2) OR id = ANY($3::uuid[])`,
          [
            agencies,
            Role.AGENCY_COORDINATOR,
            [
              ...new Set([
                ...cases.flatMap((c) => c.responsible.map((r) => r.user_id)),
                ...steps.flatMap((s) => [...s.record.participants, ...(s.record.agreement?.agreedBy ?? [])].map((p) => p.userId)),
                ...actions.flatMap((a) => (a.owner_user_id ? [a.owner_user_id] : [])),
              ]),
            ],
          ],
        )
      : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const c of cases) {
      names.set(c.apprentice_id, c.apprentice_name);
      if (c.apprentice_user_id) names.set(c.apprentice_user_id, c.apprentice_name);
    }
    const coordinators = new Map(
      [
        ...groupBy(
          people.filter((p) => p.role === Role.AGENCY_COORDINATOR && p.agency_id),
          (p) => p.agency_id as string,
        ),
      ].map(([agency, list]) => [agency, list.map((p) => p.id)]),
    );
    return { cases, steps: group(steps), actions: group(actions), names, coordinators };
  }

  /** The cases as `actor` may read them: the staff's internal notes only for those who keep the case. */
  models(actor: Actor, l: LoadedCases, today: string): FollowUpCaseModel[] {
    return l.cases.map((c) => {
      const keep = canKeepFollowUp(actor, {
        agencyId: c.agency_id,
        apprenticeUserId: c.apprentice_user_id,
        responsibleIds: c.responsible.map((r) => r.user_id),
      });
      const name = (id: string) => l.names.get(id) ?? '';
      const participant = (p: FollowUpParticipant): FollowUpParticipantModel => ({ ...p, name: name(p.userId) });
      const actions = (l.actions.get(c.id) ?? []).map((a): FollowUpActionModel & { stepId: string } => ({
        id: a.id,
        stepId: a.step_id,
        description: a.description,
        ownerUserId: a.owner_user_id,
        ownerName: a.owner_user_id ? name(a.owner_user_id) : (a.owner_name ?? ''),
        deadline: a.deadline,
        doneOn: a.done_on,
        overdue: !a.done_on && a.deadline < today,
      }));
      const steps = (l.steps.get(c.id) ?? []).map((s): FollowUpStepModel => {
        const r = s.record;
        return {
          id: s.id,
          kind: s.kind,
          date: s.date,
          participants: r.participants.map(participant),
          externalParticipants: r.externalParticipants.map((x) => ({ role: x.role, name: x.name, roleText: x.roleText ?? null })),
          summary: r.summary,
          actions: actions.filter((a) => a.stepId === s.id).map(({ stepId: _step, ...a }) => a),
          nextMeetingOn: r.nextMeetingOn,
          internalNote: keep ? s.internal_note : null,
          recordedByName: s.recorded_by_name,
          countyAdviserInformedOn: r.countyAdviserInformed?.on ?? null,
          countyAdviserInformedHow: r.countyAdviserInformed?.how ?? null,
          trustedPersonInvited: r.trustedPersonInvited ?? null,
          interruptionStartsOn: r.interruption?.startsOn ?? null,
          interruptionCountyNotifiedOn: r.interruption?.countyNotifiedOn ?? null,
          agreedOn: r.agreement?.agreedOn ?? null,
          agreedBy: (r.agreement?.agreedBy ?? []).map(participant),
          mode: r.mode ?? null,
          terminatedOn: r.terminatedOn ?? null,
          causes: [...(r.causes ?? [])],
          causeText: r.causeText ?? null,
          afterwards: r.afterwards ?? null,
          sentToCountyOn: r.sentToCountyOn ?? null,
          countyDecidedOn: r.countyDecidedOn ?? null,
        };
      });
      const people: FollowUpPersonModel[] = [
        { id: c.apprentice_user_id ?? c.apprentice_id, name: c.apprentice_name, role: FollowUpParticipantRole.APPRENTICE },
        ...c.responsible.map((r) => ({ id: r.user_id, name: name(r.user_id), role: FollowUpParticipantRole[r.role] })),
        // Where the apprenticeship names no professional leader or instructor, the coordinators stand in.
        ...(l.coordinators.get(c.agency_id) ?? [])
          .filter((id) => !c.responsible.some((r) => r.user_id === id))
          .map((id) => ({
            id,
            name: name(id),
            role: c.responsible.length ? FollowUpParticipantRole.COORDINATOR : FollowUpParticipantRole.PROFESSIONAL_LEADER,
          })),
      ];
      const last = steps[steps.length - 1];
      return {
        id: c.id,
        apprenticeId: c.apprentice_id,
        apprenticeName: c.apprentice_name,
        agencyId: c.agency_id,
        openedOn: c.opened_on,
        openedByName: c.opened_by_name,
        concerns: c.concerns,
        concernText: c.concern_text,
        status: c.status,
        closedOn: c.closed_on,
        nextSteps: [...nextFollowUpSteps(steps.map((s) => s.kind))],
        steps,
        nextMeetingOn: last?.nextMeetingOn ?? null,
        terminationPhase: c.termination_phase,
        rightToEducationNormallyKept: c.termination_phase === TerminationPhase.FIRST_THREE_MONTHS,
        people,
        canKeep: keep,
        erasureDay: followUpErasureDay(
          { closedOn: c.closed_on, contractEndedOn: c.last_day < today ? c.last_day : null },
          c.retention_months,
        ),
      };
    });
  }

  /** The agency's list: no concerns, no steps. */
  summaries(l: LoadedCases): FollowUpCaseSummaryModel[] {
    return l.cases.map((c) => {
      const steps = l.steps.get(c.id) ?? [];
      const open = (l.actions.get(c.id) ?? []).filter((a) => !a.done_on).map((a) => a.deadline);
      const last = steps[steps.length - 1];
      return {
        id: c.id,
        apprenticeId: c.apprentice_id,
        apprenticeName: c.apprentice_name,
        openedOn: c.opened_on,
        status: c.status,
        closedOn: c.closed_on,
        lastStep: last?.kind ?? null,
        nextMeetingOn: last?.record.nextMeetingOn ?? null,
        nextDeadline: open.length ? open.sort()[0] : null,
      };
    });
  }
}
