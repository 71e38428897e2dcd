import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, Role } from '@laerenett/shared-domain';
import { canKeepAgencyFollowUp, canKeepFollowUp, canSeeFollowUp, FollowUpScope } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { APPRENTICESHIP_RESPONSIBLE } from '../apprenticeship/read-model';
import { caseNotFound, FollowUpException } from './follow-up.exception';

/** An apprentice as the follow-up rules see them. */
export interface ApprenticeInCase extends FollowUpScope {
  apprenticeId: string;
  name: string;
  contractStart: string;
  lastDay: string;
  status: string;
}

/** A case with whom it concerns. */
export interface CaseInScope extends ApprenticeInCase {
  caseId: string;
}

const APPRENTICE_SQL = `SELECT a.id AS "apprenticeId", a.agency_id AS "agencyId", a.user_id AS "apprenticeUserId", a.name,
    a.contract_start::text AS "contractStart", a.last_day::text AS "lastDay", a.status,
    ARRAY(SELECT r.user_id FROM ${APPRENTICESHIP_RESPONSIBLE} r WHERE r.apprentice_id = a.id) AS "responsibleIds"
  FROM ${APPRENTICE_CONTRACT} a`;

/**
 * Who may see and keep follow-up cases, by `common/access-policy.ts`. Anyone who may not see a
 * case — another agency, the ministry, an admin — is told it is NOT_FOUND, so that not even
 * its existence leaks; the apprentice, who sees their own, is refused changes (FORBIDDEN).
 */
@Injectable()
export class FollowUpAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The case, if the actor may see it (`keep`: and document it). `lock` takes the case's row for the transaction. */
  async case(actor: Actor, caseId: string, need: 'see' | 'keep', m: EntityManager = this.ds.manager, lock = false): Promise<CaseInScope> {
    const [c]: CaseInScope[] = await m.query(
      `SELECT c.id AS "caseId", x.* FROM follow_up_case c JOIN LATERAL (${APPRENTICE_SQL} WHERE a.id = c.apprentice_id) x ON true
        WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
      [caseId],
    );
    if (!c || !canSeeFollowUp(actor, c)) throw caseNotFound();
    if (need === 'keep' && !canKeepFollowUp(actor, c))
      throw new FollowUpException(ErrorCode.FORBIDDEN, 'The professional leader or the agency documents the case');
    return c;
  }

  /** An apprentice on whom the actor may open a case. */
  async apprentice(actor: Actor, apprenticeId: string): Promise<ApprenticeInCase> {
    const [a]: ApprenticeInCase[] = await this.ds.query(`${APPRENTICE_SQL} WHERE a.id = $1`, [apprenticeId]);
    const notFound = new FollowUpException(ErrorCode.NOT_FOUND, 'The apprentice was not found, or you do not have access to them');
    if (!a) throw notFound;
    if (canKeepFollowUp(actor, a)) return a;
    if (canSeeFollowUp(actor, a)) throw new FollowUpException(ErrorCode.FORBIDDEN, 'The professional leader or the agency opens a case');
    throw notFound;
  }

  /** An agency whose follow-up work (list, read log, settings) the actor keeps. */
  async agency(actor: Actor, agencyId: string): Promise<string> {
    const [agency]: { id: string }[] = await this.ds.query(`SELECT id FROM ${AGENCY_DIRECTORY} WHERE id = $1`, [agencyId]);
    if (agency && canKeepAgencyFollowUp(actor, agency.id)) return agency.id;
    if (agency && actor.role === Role.APPRENTICE && actor.agencyId === agency.id)
      throw new FollowUpException(ErrorCode.FORBIDDEN, "The agency's coordinators keep its follow-up cases");
    throw new FollowUpException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');
  }
}
