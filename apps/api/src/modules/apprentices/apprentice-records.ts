import { Injectable, Module } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprenticeStatus } from '@laerenett/shared-domain';
import { ApprenticeEntity } from './entities/apprentice.entity';

/** What another module may change of an apprentice's record: the contract's state as the apprenticeship moves on. */
export interface ContractStatePatch {
  contractEnd?: string;
  status?: ApprenticeStatus;
  endedOn?: string | null;
}

/** A record as an import of the agency's list gives it; with `id`, an existing record of the agency to bring up to date. */
export interface ImportedRecord {
  id?: string;
  tradeId: string;
  name: string;
  email: string;
  contractStart: string;
  contractEnd: string;
}

/**
 * The apprentices module's writes for the apprenticeship module: the planned end moved by
 * interruptions, the status (interrupted, completed), and an import of the agency's list. Each
 * runs in the caller's transaction; the caller has checked access and validated the values.
 */
@Injectable()
export class ApprenticeRecords {
  async setContractState(m: EntityManager, id: string, patch: ContractStatePatch): Promise<void> {
    if (Object.keys(patch).length) await m.update(ApprenticeEntity, { id }, patch);
  }

  /** Creates the new records and updates the others (of `agencyId` only); the ids in the order given. */
  async importRecords(m: EntityManager, agencyId: string, rows: ImportedRecord[]): Promise<string[]> {
    const ids: string[] = [];
    for (const r of rows) {
      const values = {
        tradeId: r.tradeId,
        name: r.name,
        email: r.email.trim().toLowerCase(),
        contractStart: r.contractStart,
        contractEnd: r.contractEnd,
      };
      if (r.id) {
        await m.update(ApprenticeEntity, { id: r.id, agencyId }, values);
        ids.push(r.id);
      } else {
        const saved = await m.save(m.create(ApprenticeEntity, { ...values, agencyId, status: ApprenticeStatus.ACTIVE, endedOn: null }));
        ids.push(saved.id);
      }
    }
    return ids;
  }
}

/** Provides ApprenticeRecords on its own, so that the apprenticeship module can import it. */
@Module({
  providers: [ApprenticeRecords],
  exports: [ApprenticeRecords],
})
export class ApprenticeRecordsModule {}
