import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AfterTermination,
  ApprenticeStatus,
  DEFAULT_FOLLOW_UP_RETENTION_MONTHS,
  ErrorCode,
  FollowUpParticipant,
  FollowUpParticipantRole,
  followUpOpeningProblems,
  FollowUpStepKind,
  followUpStepProblems,
  FollowUpStepRecord,
  InterruptionKind,
  Role,
  TerminationMode,
  terminationPhase,
} from '@laerenett/shared-domain';
import { canKeepFollowUp } from '../../common/access-policy';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { ApprenticeRecords } from '../apprentices/apprentice-records';
import { syncRecord } from '../apprenticeship/contract-sync';
import { APPRENTICESHIP_RESPONSIBLE, OPEN_INTERRUPTION, OpenInterruptionArgs } from '../apprenticeship/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { FollowUpParticipantInput, OpenFollowUpCaseInput, RecordFollowUpStepInput, FollowUpSettingsInput } from './dto/follow-up.inputs';
import { FollowUpReadKind } from './entities/follow-up-read-log.entity';
import { CaseInScope, FollowUpAccess } from './follow-up-access';
import { FollowUpException, invalidField, problemsException } from './follow-up.exception';
import { FollowUpStore, StoredRecord } from './follow-up.store';
import { FollowUpCaseModel, FollowUpCaseSummaryModel, FollowUpDeadlineModel, FollowUpSettingsModel } from './models/follow-up.models';
import { FollowUpReadLogService } from './read-log.service';
import { FollowUpRemindersService } from './reminders.service';

const RUNNING = new Set<string>([ApprenticeStatus.ACTIVE, ApprenticeStatus.INTERRUPTED]);
const clean = (s: string | null | undefined) => (s ?? '').trim();

/**
 * Follow-up cases and their steps: opening a case on a concern, documenting each step in the
 * ladder's order (the domain's `followUpStepProblems` decides what a step must hold), the agreed
 * actions, and reading cases — every read written to the read log in the same request. Each
 * change is one transaction; a plan that interrupts the contract opens the apprenticeship's
 * interruption, and a termination ends the apprentice's record, in the same one.
 */
@Injectable()
export class FollowUpCasesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: FollowUpAccess,
    private readonly store: FollowUpStore,
    private readonly readLog: FollowUpReadLogService,
    private readonly records: ApprenticeRecords,
    private readonly reminders: FollowUpRemindersService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInOslo(this.clock.now());
  }

  /** The cases as the actor may read them, each read logged. */
  private async present(actor: Actor, caseIds: string[], what = FollowUpReadKind.CASE): Promise<FollowUpCaseModel[]> {
    const models = this.store.models(actor, await this.store.load({ caseIds }), this.today());
    await this.readLog.record(actor, models, what);
    return models;
  }

  async get(actor: Actor, caseId: string): Promise<FollowUpCaseModel> {
    const c = await this.access.case(actor, caseId, 'see');
    return (await this.present(actor, [c.caseId]))[0];
  }

  /** The signed-in apprentice's own cases: the steps and the plan, without the staff's internal notes. */
  async mine(actor: Actor): Promise<FollowUpCaseModel[]> {
    const loaded = await this.store.load({ apprenticeUserId: actor.id });
    const models = this.store.models(actor, loaded, this.today());
    await this.readLog.record(actor, models, FollowUpReadKind.CASE);
    return models;
  }

  /** The agency's cases for its coordinators: who, since when, where it stands; each listed case is logged. */
  async list(actor: Actor, agencyId: string): Promise<FollowUpCaseSummaryModel[]> {
    const agency = await this.access.agency(actor, agencyId);
    const loaded = await this.store.load({ agencyId: agency });
    await this.readLog.record(
      actor,
      loaded.cases.map((c) => ({ id: c.id, agencyId: c.agency_id })),
      FollowUpReadKind.LIST,
    );
    return this.store.summaries(loaded);
  }

  /** The actor's own deadlines and next meetings (their reminder's lines) in the cases they keep; each case listed is logged. */
  async deadlines(actor: Actor): Promise<FollowUpDeadlineModel[]> {
    const lines = (await this.reminders.dueFor(actor.id, this.today())).filter((l) => canKeepFollowUp(actor, l.scope));
    const cases = new Map(lines.map((l) => [l.caseId, { id: l.caseId, agencyId: l.scope.agencyId }]));
    await this.readLog.record(actor, [...cases.values()], FollowUpReadKind.LIST);
    return lines.map((l) => ({ caseId: l.caseId, kind: l.kind, date: l.date, overdue: l.overdue, apprenticeName: l.apprentice }));
  }

  async open(actor: Actor, input: OpenFollowUpCaseInput): Promise<FollowUpCaseModel> {
    const a = await this.access.apprentice(actor, input.apprenticeId);
    const opening = { openedOn: input.openedOn, concerns: [...new Set(input.concerns)], concernText: clean(input.concernText) || null };
    const problems = followUpOpeningProblems(opening, this.today());
    if (problems.length) throw problemsException(problems, actor.language);
    if (opening.openedOn < a.contractStart) throw invalidField('openedOn', 'A case is opened on or after the day the contract starts');
    const id = await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('follow-up:' || $1))`, [a.apprenticeId]);
      const [open] = await m.query(`SELECT 1 FROM follow_up_case WHERE apprentice_id = $1 AND status = 'OPEN'`, [a.apprenticeId]);
      if (open) throw new FollowUpException(ErrorCode.CONFLICT, 'The apprentice already has an open case: document the next step there');
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO follow_up_case (apprentice_id, agency_id, opened_by, opened_on, concerns, concern_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [a.apprenticeId, a.agencyId, actor.id, opening.openedOn, opening.concerns, opening.concernText],
      );
      return row.id;
    });
    return (await this.present(actor, [id]))[0];
  }

  /** Who may take part in a step of this case, and in which roles; coordinators stand in for a leader where none is named. */
  private async rolesOf(m: EntityManager, c: CaseInScope): Promise<Map<string, Set<FollowUpParticipantRole>>> {
    const roles = new Map<string, Set<FollowUpParticipantRole>>();
    const add = (id: string, role: FollowUpParticipantRole) => roles.set(id, (roles.get(id) ?? new Set()).add(role));
    add(c.apprenticeUserId ?? c.apprenticeId, FollowUpParticipantRole.APPRENTICE);
    const responsible: { user_id: string; role: 'PROFESSIONAL_LEADER' | 'INSTRUCTOR' }[] = await m.query(
      `SELECT r.user_id, r.role FROM ${APPRENTICESHIP_RESPONSIBLE} r WHERE r.apprentice_id = $1`,
      [c.apprenticeId],
    );
    for (const r of responsible) add(r.user_id, FollowUpParticipantRole[r.role]);
    const coordinators: { id: string }[] = await m.query(`SELECT id FROM ${USER_DIRECTORY} WHERE agency_id = $1 AND role = $2`, [
      c.agencyId,
      Role.AGENCY_COORDINATOR,
    ]);
    for (const u of coordinators) {
      add(u.id, FollowUpParticipantRole.COORDINATOR);
      if (!responsible.length) add(u.id, FollowUpParticipantRole.PROFESSIONAL_LEADER);
    }
    return roles;
  }

  private checkPeople(
    field: string,
    list: FollowUpParticipantInput[],
    roles: Map<string, Set<FollowUpParticipantRole>>,
  ): FollowUpParticipant[] {
    list.forEach((p, i) => {
      if (!roles.get(p.userId)?.has(p.role))
        throw invalidField(`${field}[${i}]`, 'Choose the people taking part among the apprentice and the agency’s staff of this case');
    });
    return list.map((p) => ({ role: p.role, userId: p.userId }));
  }

  /** The step as the domain's rules read it, from the input. */
  private recordOf(input: RecordFollowUpStepInput, roles: Map<string, Set<FollowUpParticipantRole>>): FollowUpStepRecord {
    const base = {
      date: input.date,
      participants: this.checkPeople('participants', input.participants, roles),
      externalParticipants: input.externalParticipants.map((x) => ({
        role: x.role,
        name: clean(x.name),
        roleText: clean(x.roleText) || null,
      })),
      summary: clean(input.summary),
      actions: input.actions.map((a, i) => {
        if (a.ownerUserId && !roles.has(a.ownerUserId))
          throw invalidField(`actions[${i}].ownerUserId`, 'The owner is a person of the case, or someone outside named by name');
        return {
          description: clean(a.description),
          ownerUserId: a.ownerUserId ?? null,
          ownerName: clean(a.ownerName) || null,
          deadline: a.deadline,
        };
      }),
      nextMeetingOn: input.nextMeetingOn ?? null,
      internalNote: clean(input.internalNote) || null,
    };
    const agreement = input.agreement
      ? { agreedOn: input.agreement.agreedOn, agreedBy: this.checkPeople('agreement.agreedBy', input.agreement.agreedBy, roles) }
      : null;
    switch (input.kind) {
      case FollowUpStepKind.CONCERN_TALK:
      case FollowUpStepKind.RESOLUTION:
        return { ...base, kind: input.kind };
      case FollowUpStepKind.FOLLOW_UP_MEETING:
        return {
          ...base,
          kind: input.kind,
          countyAdviserInformed: input.countyAdviserInformed ?? null,
          trustedPersonInvited: !!input.trustedPersonInvited,
        };
      case FollowUpStepKind.FOLLOW_UP_PLAN:
        return {
          ...base,
          kind: input.kind,
          interruption: input.interruption
            ? { startsOn: input.interruption.startsOn, countyNotifiedOn: input.interruption.countyNotifiedOn ?? null }
            : null,
          agreement,
        };
      case FollowUpStepKind.TERMINATION:
        if (!input.mode) throw invalidField('mode', 'Choose whether the contract ends by agreement or by the county’s decision');
        if (!input.terminatedOn) throw invalidField('terminatedOn', 'Give the contract’s last day');
        return {
          ...base,
          kind: input.kind,
          mode: input.mode,
          terminatedOn: input.terminatedOn,
          causes: [...new Set(input.causes ?? [])],
          causeText: clean(input.causeText) || null,
          afterwards: input.afterwards ?? AfterTermination.UNKNOWN,
          sentToCountyOn: input.sentToCountyOn ?? null,
          countyDecidedOn: input.mode === TerminationMode.BY_COUNTY_DECISION ? (input.countyDecidedOn ?? null) : null,
          agreement: input.mode === TerminationMode.BY_AGREEMENT ? agreement : null,
        };
    }
  }

  /** Documents the next step; resolving or terminating closes the case. */
  async recordStep(actor: Actor, input: RecordFollowUpStepInput): Promise<FollowUpCaseModel> {
    const today = this.today();
    const caseId = await this.ds.transaction(async (m) => {
      const c = await this.access.case(actor, input.caseId, 'keep', m, true);
      const [{ opened_on: openedOn }]: { opened_on: string }[] = await m.query(`SELECT opened_on::text FROM follow_up_case WHERE id = $1`, [
        c.caseId,
      ]);
      const previous: { kind: FollowUpStepKind; date: string }[] = await m.query(
        `SELECT kind, date::text AS date FROM follow_up_step WHERE case_id = $1 ORDER BY seq`,
        [c.caseId],
      );
      const roles = await this.rolesOf(m, c);
      const step = this.recordOf(input, roles);
      const problems = followUpStepProblems(step, { today, openedOn, previous, contractStart: c.contractStart });
      if (problems.length) throw problemsException(problems, actor.language);

      const { kind, date, actions, internalNote, ...rest } = step;
      const record: StoredRecord = rest;
      const [{ id: stepId }]: { id: string }[] = await m.query(
        `INSERT INTO follow_up_step (case_id, seq, kind, date, record, internal_note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [c.caseId, previous.length + 1, kind, date, record, internalNote ?? null, actor.id],
      );
      for (const [position, a] of actions.entries()) {
        const apprenticeWithoutUser = a.ownerUserId === c.apprenticeId && !c.apprenticeUserId;
        await m.query(
          `INSERT INTO follow_up_action (case_id, step_id, position, description, owner_user_id, owner_name, deadline) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            c.caseId,
            stepId,
            position,
            a.description,
            apprenticeWithoutUser ? null : (a.ownerUserId ?? null),
            apprenticeWithoutUser ? c.name : a.ownerUserId ? null : a.ownerName,
            a.deadline,
          ],
        );
      }
      if (step.kind === FollowUpStepKind.FOLLOW_UP_PLAN && step.interruption) await this.interrupt(m, c, step.interruption, today);
      if (step.kind === FollowUpStepKind.RESOLUTION)
        await m.query(`UPDATE follow_up_case SET status = 'RESOLVED', closed_on = $2, updated_at = now() WHERE id = $1`, [c.caseId, date]);
      if (step.kind === FollowUpStepKind.TERMINATION) {
        await m.query(
          `UPDATE follow_up_case SET status = 'TERMINATED', closed_on = $2, termination_phase = $3, termination_causes = $4, afterwards = $5, updated_at = now() WHERE id = $1`,
          [c.caseId, date, terminationPhase(c.contractStart, step.terminatedOn), [...step.causes].sort(), step.afterwards],
        );
        await this.records.setContractState(m, c.apprenticeId, { status: ApprenticeStatus.TERMINATED, endedOn: step.terminatedOn });
      }
      return c.caseId;
    });
    return (await this.present(actor, [caseId]))[0];
  }

  /** The plan's temporary interruption, through the apprenticeship's published way of opening one. */
  private async interrupt(m: EntityManager, c: CaseInScope, i: { startsOn: string; countyNotifiedOn: string | null }, today: string) {
    if (!RUNNING.has(c.status)) throw invalidField('interruption', 'The contract has ended; it cannot be interrupted');
    if (i.startsOn < c.contractStart) throw invalidField('interruption.startsOn', 'An interruption starts on or after the contract starts');
    const args: OpenInterruptionArgs = [c.apprenticeId, InterruptionKind.OTHER, i.startsOn, i.countyNotifiedOn, 'Oppfølgingsplan'];
    await m.query(OPEN_INTERRUPTION, args);
    await syncRecord(m, this.records, c.apprenticeId, today);
  }

  /** Marks an agreed action done (today), or not done again. */
  async setActionDone(actor: Actor, actionId: string, done: boolean): Promise<FollowUpCaseModel> {
    const [a]: { case_id: string }[] = await this.ds.query(`SELECT case_id FROM follow_up_action WHERE id = $1`, [actionId]);
    if (!a) throw new FollowUpException(ErrorCode.NOT_FOUND, 'The action was not found, or you do not have access to it');
    const c = await this.access.case(actor, a.case_id, 'keep');
    await this.ds.query(`UPDATE follow_up_action SET done_on = $2 WHERE id = $1`, [actionId, done ? this.today() : null]);
    return (await this.present(actor, [c.caseId]))[0];
  }

  async settings(actor: Actor, agencyId: string): Promise<FollowUpSettingsModel> {
    const agency = await this.access.agency(actor, agencyId);
    const [s]: { retention_months: number }[] = await this.ds.query(
      `SELECT retention_months FROM follow_up_settings WHERE agency_id = $1`,
      [agency],
    );
    return { agencyId: agency, retentionMonths: s?.retention_months ?? DEFAULT_FOLLOW_UP_RETENTION_MONTHS };
  }

  async setSettings(actor: Actor, input: FollowUpSettingsInput): Promise<FollowUpSettingsModel> {
    const agency = await this.access.agency(actor, input.agencyId);
    await this.ds.query(
      `INSERT INTO follow_up_settings (agency_id, retention_months) VALUES ($1, $2) ON CONFLICT (agency_id) DO UPDATE SET retention_months = EXCLUDED.retention_months`,
      [agency, input.retentionMonths],
    );
    return this.settings(actor, agency);
  }
}
