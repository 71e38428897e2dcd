import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_LIFECYCLE_SETTINGS, lifecycleWarnings, Role } from '@laerenett/shared-domain';
import { groupBy } from '../../common/group-by';
import { AppConfig } from '../../config/config';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { USER_DIRECTORY, UserDirectoryRow } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { ApprenticeshipStore, factsOf } from './apprenticeship.store';
import { WarningLine, warningsMail } from './templates/warnings.mail';

/** The once-only key of a person's list of the day: with the recipient, one mail per person and day. */
export const warningsPurpose = (today: string) => `apprenticeship-warnings:${today}`;

/**
 * The daily early warnings: each responsible person gets one mail with their own list, once a
 * day, and nothing when it is empty. The responsible people of an apprentice are the
 * professional leader and the instructors; where none is named, the agency's coordinators.
 */
@Injectable()
export class WarningsDigestService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: ApprenticeshipStore,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async send(today: string): Promise<{ recipients: number; warnings: number }> {
    const agencies: { id: string }[] = await this.ds.query(`SELECT id FROM ${AGENCY_DIRECTORY}`);
    const loaded = await this.store.load({ agencyIds: agencies.map((a) => a.id), current: true });
    const settings = await this.store.settings([...new Set(loaded.map((l) => l.c.agency_id))]);
    const coordinators: Pick<UserDirectoryRow, 'id' | 'agency_id'>[] = await this.ds.query(
      `SELECT id, agency_id FROM ${USER_DIRECTORY} WHERE role = $1 AND agency_id IS NOT NULL`,
      [Role.AGENCY_COORDINATOR],
    );
    const byAgency = new Map(
      [...groupBy(coordinators, (c) => c.agency_id as string)].map(([agency, list]) => [agency, list.map((c) => c.id)]),
    );

    const lists = new Map<string, WarningLine[]>();
    let count = 0;
    for (const l of loaded) {
      const warnings = lifecycleWarnings(factsOf(l), today, settings.get(l.c.agency_id) ?? DEFAULT_LIFECYCLE_SETTINGS);
      if (!warnings.length) continue;
      count += warnings.length;
      const named = [...new Set([...(l.c.leader_id ? [l.c.leader_id] : []), ...l.instructorIds])];
      for (const userId of named.length ? named : (byAgency.get(l.c.agency_id) ?? [])) {
        const list = lists.get(userId) ?? [];
        for (const w of warnings) list.push({ apprentice: l.c.name, agency: l.c.agency_name, kind: w.kind, date: w.date });
        lists.set(userId, list);
      }
    }
    if (!lists.size) return { recipients: 0, warnings: 0 };
    const people: Pick<UserDirectoryRow, 'id' | 'name' | 'email' | 'language'>[] = await this.ds.query(
      `SELECT id, name, email, language FROM ${USER_DIRECTORY} WHERE id = ANY($1::uuid[])`,
      [[...lists.keys()]],
    );
    const url = `${this.config.app.publicUrl}/laerlinger/varsler`;
    const ids = await this.mail.recordMany(
      people.map((p) => ({
        ...warningsMail(mailLanguage(p.language), { name: p.name, lines: lists.get(p.id) ?? [], url }),
        purpose: warningsPurpose(today),
        to: p.email,
      })),
    );
    await this.mail.dispatch(ids);
    return { recipients: ids.length, warnings: count };
  }
}
