import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { FollowUpReadKind } from './entities/follow-up-read-log.entity';
import { FollowUpAccess } from './follow-up-access';
import { FollowUpReadLogEntryModel } from './models/follow-up.models';

/** Every read of a case, written in the same request as the read (who, when, what); listed for the agency's coordinators. */
@Injectable()
export class FollowUpReadLogService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: FollowUpAccess,
    private readonly clock: Clock,
  ) {}

  /** Records that `actor` read these cases (one row each). */
  async record(actor: Actor, cases: { id: string; agencyId: string }[], what: FollowUpReadKind, m: EntityManager = this.ds.manager) {
    if (!cases.length) return;
    await m.query(
      `INSERT INTO follow_up_read_log (agency_id, case_id, reader_id, reader_name, reader_role, what, read_at)
       SELECT agency_id, case_id, $3, $4, $5, $6, $7 FROM unnest($1::uuid[], $2::uuid[]) AS r(agency_id, case_id)`,
      [cases.map((c) => c.agencyId), cases.map((c) => c.id), actor.id, actor.name, actor.role, what, this.clock.now()],
    );
  }

  /** The agency's read log, newest first. */
  async list(actor: Actor, agencyId: string, limit = 200): Promise<FollowUpReadLogEntryModel[]> {
    const agency = await this.access.agency(actor, agencyId);
    const rows: FollowUpReadLogEntryModel[] = await this.ds.query(
      `SELECT l.id, l.case_id AS "caseId", a.name AS "apprenticeName", l.reader_name AS "readerName", l.reader_role AS "readerRole",
              l.what, l.read_at AS "readAt"
         FROM follow_up_read_log l JOIN follow_up_case c ON c.id = l.case_id JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
        WHERE l.agency_id = $1 ORDER BY l.read_at DESC, l.id LIMIT $2`,
      [agency, Math.min(Math.max(limit, 1), 1000)],
    );
    return rows;
  }

  /** Who read an apprentice's cases (for their own download). */
  async forApprenticeUser(
    userId: string,
  ): Promise<{ caseId: string; readerName: string; readerRole: string; what: string; readAt: Date }[]> {
    return this.ds.query(
      `SELECT l.case_id AS "caseId", l.reader_name AS "readerName", l.reader_role AS "readerRole", l.what, l.read_at AS "readAt"
         FROM follow_up_read_log l JOIN follow_up_case c ON c.id = l.case_id JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
        WHERE a.user_id = $1 ORDER BY l.read_at, l.id`,
      [userId],
    );
  }
}
