import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_FOLLOW_UP_RETENTION_MONTHS, isDueForErasure } from '@laerenett/shared-domain';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';

interface ClosedCase {
  id: string;
  area_id: string;
  opened_on: string;
  closed_on: string;
  outcome: string;
  phase: string | null;
  causes: string[];
  afterwards: string | null;
  last_day: string;
  retention_months: number;
}

/**
 * Erases closed cases whose day has come (`isDueForErasure`: the agency's retention period after
 * the contract ended, two years by default): the case, its steps, actions and read log go, and
 * only an anonymous count stays (area, the years it opened and closed, outcome, phase, causes,
 * what came after). One transaction per case; running it again the same day changes nothing.
 */
@Injectable()
export class FollowUpRetentionService {
  private readonly logger = new Logger('FollowUpRetention');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async run(today: string): Promise<{ erased: number }> {
    const closed: ClosedCase[] = await this.ds.query(
      `SELECT c.id, g.area_id, c.opened_on::text, c.closed_on::text, c.status AS outcome, c.termination_phase AS phase,
              c.termination_causes AS causes, c.afterwards, a.last_day::text, coalesce(s.retention_months, $1) AS retention_months
         FROM follow_up_case c
         JOIN ${APPRENTICE_CONTRACT} a ON a.id = c.apprentice_id
         JOIN ${AGENCY_DIRECTORY} g ON g.id = c.agency_id
         LEFT JOIN follow_up_settings s ON s.agency_id = c.agency_id
        WHERE c.status <> 'OPEN'`,
      [DEFAULT_FOLLOW_UP_RETENTION_MONTHS],
    );
    let erased = 0;
    for (const c of closed) {
      const facts = { closedOn: c.closed_on, contractEndedOn: c.last_day < today ? c.last_day : null };
      if (!isDueForErasure(facts, today, c.retention_months)) continue;
      await this.ds.transaction(async (m) => {
        const gone: unknown[] = await m.query(`DELETE FROM follow_up_case WHERE id = $1 AND status <> 'OPEN' RETURNING id`, [c.id]);
        if (!gone.length) return;
        await m.query(
          `INSERT INTO follow_up_count (area_id, opened_year, closed_year, outcome, phase, causes, afterwards, cases) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
           ON CONFLICT ON CONSTRAINT "UQ_follow_up_count_key" DO UPDATE SET cases = follow_up_count.cases + 1`,
          [
            c.area_id,
            Number(c.opened_on.slice(0, 4)),
            Number(c.closed_on.slice(0, 4)),
            c.outcome,
            c.phase ?? '',
            [...c.causes].sort(),
            c.afterwards ?? '',
          ],
        );
        erased++;
      });
    }
    if (erased) this.logger.log(`Erased ${erased} closed follow-up case(s), keeping their counts`);
    return { erased };
  }
}
