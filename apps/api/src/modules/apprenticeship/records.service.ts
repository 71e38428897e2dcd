import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApprenticeStatus, ErrorCode, isPassed, TalkKind, TradeTestResult } from '@laerenett/shared-domain';
import type { Actor } from '../../common/request-context';
import { ApprenticeRecords } from '../apprentices/apprentice-records';
import { ApprenticeInScope, ApprenticeshipAccess } from './apprenticeship-access';
import { ApprenticeshipException, invalidField } from './apprenticeship.exception';
import { ApprenticeshipService, ensureDetails } from './apprenticeship.service';
import { syncRecord } from './contract-sync';
import {
  RecordInterruptionInput,
  RecordTalkInput,
  RegisterTradeTestInput,
  TradeTestResultInput,
  UpdateInterruptionInput,
} from './dto/apprenticeship.inputs';
import { ApprenticeshipModel } from './models/apprenticeship.models';

const notFound = (what: string) =>
  new ApprenticeshipException(ErrorCode.NOT_FOUND, `The ${what} was not found, or you do not have access to it`);
const conflict = (message: string) => new ApprenticeshipException(ErrorCode.CONFLICT, message);

/** What is recorded as the apprenticeship goes on: talks, interruptions, the trade test. Each answers with the apprenticeship as it now stands. */
@Injectable()
export class ApprenticeshipRecordsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: ApprenticeshipAccess,
    private readonly apprenticeships: ApprenticeshipService,
    private readonly records: ApprenticeRecords,
  ) {}

  private notInFuture(field: string, day: string): void {
    if (day > this.apprenticeships.today()) throw invalidField(field, 'The date cannot be in the future');
  }

  /** An apprentice the actor keeps, whose contract is still running. */
  private async running(actor: Actor, apprenticeId: string): Promise<ApprenticeInScope> {
    const a = await this.access.apprentice(actor, apprenticeId, 'keep');
    ApprenticeshipService.checkOpen(a);
    return a;
  }

  async recordTalk(actor: Actor, input: RecordTalkInput): Promise<ApprenticeshipModel> {
    const a = await this.running(actor, input.apprenticeId);
    this.notInFuture('heldOn', input.heldOn);
    if (input.heldOn < a.contract_start) throw invalidField('heldOn', 'A talk is recorded from the day the contract starts');
    await this.ds.transaction(async (m) => {
      await ensureDetails(m, a);
      if (input.kind === TalkKind.STARTUP) {
        const [held] = await m.query(`SELECT 1 FROM apprenticeship_talk WHERE apprentice_id = $1 AND kind = 'STARTUP' FOR UPDATE`, [a.id]);
        if (held) throw conflict('The start-up talk is already recorded; record the next talk as an assessment');
      }
      await m.query(
        `INSERT INTO apprenticeship_talk (apprentice_id, kind, held_on, participants, summary, goals, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [a.id, input.kind, input.heldOn, input.participants.trim(), input.summary.trim(), input.goals.trim(), actor.id],
      );
    });
    return this.apprenticeships.one(actor, a.id);
  }

  async recordInterruption(actor: Actor, input: RecordInterruptionInput): Promise<ApprenticeshipModel> {
    const a = await this.running(actor, input.apprenticeId);
    if (input.startsOn < a.contract_start) throw invalidField('startsOn', 'An interruption starts on or after the contract starts');
    if (input.endsOn && input.endsOn < input.startsOn) throw invalidField('endsOn', 'The last day away cannot be before the first');
    if (input.countyNotifiedOn) this.notInFuture('countyNotifiedOn', input.countyNotifiedOn);
    await this.ds.transaction(async (m) => {
      await ensureDetails(m, a);
      await m.query(
        `INSERT INTO apprenticeship_interruption (apprentice_id, kind, starts_on, ends_on, county_notified_on, note) VALUES ($1, $2, $3, $4, $5, $6)`,
        [a.id, input.kind, input.startsOn, input.endsOn ?? null, input.countyNotifiedOn ?? null, (input.note ?? '').trim()],
      );
      await syncRecord(m, this.records, a.id, this.apprenticeships.today());
    });
    return this.apprenticeships.one(actor, a.id);
  }

  /** Ends an interruption (its last day), or records when the county was notified. */
  async updateInterruption(actor: Actor, id: string, input: UpdateInterruptionInput): Promise<ApprenticeshipModel> {
    const [row]: { apprentice_id: string; starts_on: string }[] = await this.ds.query(
      `SELECT apprentice_id, starts_on::text FROM apprenticeship_interruption WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('interruption');
    const a = await this.running(actor, row.apprentice_id).catch((e: ApprenticeshipException) => {
      throw e.code === ErrorCode.NOT_FOUND ? notFound('interruption') : e;
    });
    if (input.endsOn && input.endsOn < row.starts_on) throw invalidField('endsOn', 'The last day away cannot be before the first');
    if (input.countyNotifiedOn) this.notInFuture('countyNotifiedOn', input.countyNotifiedOn);
    await this.ds.transaction(async (m) => {
      const set: string[] = [];
      const values: unknown[] = [id];
      for (const [column, value] of [
        ['ends_on', input.endsOn],
        ['county_notified_on', input.countyNotifiedOn],
        ['note', input.note?.trim()],
      ] as const) {
        if (value === undefined) continue;
        values.push(value);
        set.push(`${column} = $${values.length}`);
      }
      if (!set.length) return;
      await m.query(`UPDATE apprenticeship_interruption SET ${set.join(', ')}, updated_at = now() WHERE id = $1`, values);
      await syncRecord(m, this.records, a.id, this.apprenticeships.today());
    });
    return this.apprenticeships.one(actor, a.id);
  }

  /** Registers the trade test: the first attempt, or a retake after a failed one. */
  async registerTradeTest(actor: Actor, input: RegisterTradeTestInput): Promise<ApprenticeshipModel> {
    const a = await this.running(actor, input.apprenticeId);
    if (input.registeredOn < a.contract_start) throw invalidField('registeredOn', 'The registration is after the contract starts');
    this.notInFuture('registeredOn', input.registeredOn);
    if (input.testDate && input.testDate < input.registeredOn) throw invalidField('testDate', 'The test is held after it is registered');
    await this.ds.transaction(async (m) => {
      await ensureDetails(m, a);
      const [last]: { attempt: number; result: TradeTestResult | null }[] = await m.query(
        `SELECT attempt, result FROM trade_test WHERE apprentice_id = $1 ORDER BY attempt DESC LIMIT 1 FOR UPDATE`,
        [a.id],
      );
      if (last && last.result !== TradeTestResult.FAILED)
        throw conflict(
          isPassed(last.result) ? 'The trade test is passed' : 'The trade test is registered already; record its result first',
        );
      await m.query(`INSERT INTO trade_test (apprentice_id, attempt, registered_on, test_date) VALUES ($1, $2, $3, $4)`, [
        a.id,
        (last?.attempt ?? 0) + 1,
        input.registeredOn,
        input.testDate ?? null,
      ]);
    });
    return this.apprenticeships.one(actor, a.id);
  }

  /** Records the result of the newest attempt; a pass completes the contract on the day of the test. */
  async recordTradeTestResult(actor: Actor, input: TradeTestResultInput): Promise<ApprenticeshipModel> {
    const [t]: { apprentice_id: string; attempt: number; registered_on: string; newest: number }[] = await this.ds.query(
      `SELECT t.apprentice_id, t.attempt, t.registered_on::text, (SELECT max(attempt) FROM trade_test x WHERE x.apprentice_id = t.apprentice_id) AS newest
         FROM trade_test t WHERE t.id = $1`,
      [input.tradeTestId],
    );
    if (!t) throw notFound('trade test');
    const a = await this.running(actor, t.apprentice_id).catch((e: ApprenticeshipException) => {
      throw e.code === ErrorCode.NOT_FOUND ? notFound('trade test') : e;
    });
    if (t.attempt !== t.newest) throw conflict('Only the newest attempt can be given a result');
    if (input.testDate < t.registered_on) throw invalidField('testDate', 'The test is held after it is registered');
    this.notInFuture('testDate', input.testDate);
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE trade_test SET test_date = $2, result = $3, updated_at = now() WHERE id = $1`, [
        input.tradeTestId,
        input.testDate,
        input.result,
      ]);
      if (isPassed(input.result))
        await this.records.setContractState(m, a.id, { status: ApprenticeStatus.COMPLETED, endedOn: input.testDate });
    });
    return this.apprenticeships.one(actor, a.id);
  }
}
