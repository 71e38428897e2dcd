import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { todayInOslo } from '../../common/time';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { APPRENTICESHIP_RESPONSIBLE } from '../apprenticeship/read-model';
import { TRADE_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { FollowUpReadKind } from './entities/follow-up-read-log.entity';
import { FollowUpStore } from './follow-up.store';
import { FollowUpCaseModel } from './models/follow-up.models';
import { FollowUpReadLogService } from './read-log.service';

/** Everything Lærenett's follow-up holds about one apprentice, as they may download it. */
export interface FollowUpExport {
  madeAt: string;
  person: { name: string; email: string; language: string };
  apprenticeships: {
    agency: string;
    trade: string;
    contractStart: string;
    contractEnd: string;
    endedOn: string | null;
    status: string;
    responsible: { name: string; role: string }[];
  }[];
  /** The cases: the concerns, each step and the agreed actions; the staff's internal notes are not part of it. */
  followUpCases: FollowUpCaseModel[];
  /** Who has read the cases, when, and how. */
  readLog: { caseId: string; readerName: string; readerRole: string; what: string; readAt: Date }[];
}

/**
 * The apprentice's own download (JSON and PDF): their person, their apprenticeships with who
 * answers for them, every follow-up case about them and who has read it. Nothing of anyone
 * else's: everything is selected by the signed-in apprentice's own user. Each case read for it
 * is logged (EXPORT).
 */
@Injectable()
export class FollowUpExportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: FollowUpStore,
    private readonly readLog: FollowUpReadLogService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<FollowUpExport> {
    const [person]: { name: string; email: string; language: string }[] = await this.ds.query(
      `SELECT name, email, language FROM ${USER_DIRECTORY} WHERE id = $1`,
      [actor.id],
    );
    const apprenticeships: FollowUpExport['apprenticeships'] = await this.ds.query(
      `SELECT g.name AS agency, t.name_nb AS trade, a.contract_start::text AS "contractStart", a.contract_end::text AS "contractEnd",
              a.ended_on::text AS "endedOn", a.status,
              coalesce((SELECT json_agg(json_build_object('name', u.name, 'role', r.role) ORDER BY r.role, u.name)
                          FROM ${APPRENTICESHIP_RESPONSIBLE} r JOIN ${USER_DIRECTORY} u ON u.id = r.user_id WHERE r.apprentice_id = a.id), '[]'::json) AS responsible
         FROM ${APPRENTICE_CONTRACT} a JOIN ${AGENCY_DIRECTORY} g ON g.id = a.agency_id JOIN ${TRADE_DIRECTORY} t ON t.id = a.trade_id
        WHERE a.user_id = $1 ORDER BY a.contract_start`,
      [actor.id],
    );
    const loaded = await this.store.load({ apprenticeUserId: actor.id });
    const followUpCases = this.store.models(actor, loaded, todayInOslo(this.clock.now()));
    // The log as it stood before this download, then the download itself logged.
    const readLog = await this.readLog.forApprenticeUser(actor.id);
    await this.readLog.record(actor, followUpCases, FollowUpReadKind.EXPORT);
    return { madeAt: this.clock.now().toISOString(), person, apprenticeships, followUpCases, readLog };
  }
}
