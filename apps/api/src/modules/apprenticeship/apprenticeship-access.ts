import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@laerenett/shared-domain';
import { canKeepApprenticeships, canReadArea, canSeeApprenticeship } from '../../common/access-policy';
import type { Actor } from '../../common/request-context';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';
import { apprenticeNotFound, ApprenticeshipException } from './apprenticeship.exception';

export interface AgencyInScope {
  id: string;
  area_id: string;
  name: string;
  training_office_id: string | null;
}

export interface ApprenticeInScope {
  id: string;
  agency_id: string;
  user_id: string | null;
  status: string;
  contract_start: string;
  contract_end: string;
}

/**
 * Whose apprenticeships an actor may see or keep, by `common/access-policy.ts`. Another agency's
 * apprentice, or one of another area, is NOT_FOUND, so that the answer tells nothing of who is
 * there; the ministry of the agency's own area is refused (FORBIDDEN): it sees figures only.
 */
@Injectable()
export class ApprenticeshipAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** An agency whose apprenticeships the actor keeps. */
  async agencyToKeep(actor: Actor, agencyId: string): Promise<AgencyInScope> {
    const [agency]: AgencyInScope[] = await this.ds.query(
      `SELECT id, area_id, name, training_office_id FROM ${AGENCY_DIRECTORY} WHERE id = $1`,
      [agencyId],
    );
    if (agency && canKeepApprenticeships(actor, agency.id)) return agency;
    if (agency && canReadArea(actor, agency.area_id))
      throw new ApprenticeshipException(
        ErrorCode.FORBIDDEN,
        "The ministry sees the apprenticeship figures of its agencies, not each apprentice's",
      );
    throw new ApprenticeshipException(ErrorCode.NOT_FOUND, 'The agency was not found, or you do not have access to it');
  }

  /** An apprentice the actor may see (`keep`: and change): NOT_FOUND for anyone else, FORBIDDEN for the apprentice changing their own. */
  async apprentice(
    actor: Actor,
    apprenticeId: string,
    need: 'see' | 'keep',
    m: EntityManager = this.ds.manager,
  ): Promise<ApprenticeInScope> {
    const [a]: ApprenticeInScope[] = await m.query(
      `SELECT id, agency_id, user_id, status, contract_start::text, contract_end::text FROM ${APPRENTICE_CONTRACT} WHERE id = $1`,
      [apprenticeId],
    );
    if (!a) throw apprenticeNotFound();
    const scope = { agencyId: a.agency_id, userId: a.user_id };
    if (need === 'keep' && canKeepApprenticeships(actor, a.agency_id)) return a;
    if (!canSeeApprenticeship(actor, scope)) throw apprenticeNotFound();
    if (need === 'keep') throw new ApprenticeshipException(ErrorCode.FORBIDDEN, 'Your professional leader or the agency records this');
    return a;
  }
}
