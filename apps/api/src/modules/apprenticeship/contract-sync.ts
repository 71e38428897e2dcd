import { EntityManager } from 'typeorm';
import { addDays, ApprenticeStatus, interruptedDays, interruptionOn } from '@laerenett/shared-domain';
import { ApprenticeRecords } from '../apprentices/apprentice-records';
import { APPRENTICE_CONTRACT } from '../apprentices/read-model';

/**
 * Brings the apprentice's record in line with the interruptions: its planned end is the end as
 * signed moved by the interruptions that have ended (an open one moves it when it ends), and
 * its status is INTERRUPTED while one goes on today. A contract that has ended keeps its status.
 */
export async function syncRecord(m: EntityManager, records: ApprenticeRecords, apprenticeId: string, today: string): Promise<void> {
  const [c]: { original_end: string; contract_start: string; status: ApprenticeStatus }[] = await m.query(
    `SELECT d.original_end::text, a.contract_start::text, a.status
       FROM apprenticeship_contract d JOIN ${APPRENTICE_CONTRACT} a ON a.id = d.apprentice_id WHERE d.apprentice_id = $1`,
    [apprenticeId],
  );
  if (!c) return;
  const periods: { startsOn: string; endsOn: string | null }[] = await m.query(
    `SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM apprenticeship_interruption WHERE apprentice_id = $1`,
    [apprenticeId],
  );
  const contractEnd = addDays(c.original_end, interruptedDays(periods, { from: c.contract_start }));
  const running = c.status === ApprenticeStatus.ACTIVE || c.status === ApprenticeStatus.INTERRUPTED;
  const status = interruptionOn(periods, today) ? ApprenticeStatus.INTERRUPTED : ApprenticeStatus.ACTIVE;
  await records.setContractState(m, apprenticeId, running ? { contractEnd, status } : { contractEnd });
}
