import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/request-context';
import { areaWork } from '../../common/access-policy';
import { AREA_DIRECTORY } from '../areas/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { SummaryContentModel, SummaryVersionModel } from './models/annual-summary.models';
import { summaryAccess, summaryArea, versionNotFound } from './summary-access';
import type { SummaryData } from './utils/compile-summary.util';

export type SummaryFile = 'pdf-nb' | 'pdf-en' | 'xlsx';

/** The purpose of the mails that send an area's summary for a year: each recipient gets it once. */
export const summaryMailPurpose = (areaId: string, year: number) => `annual-summary:${areaId}:${year}`;

/**
 * The compiled versions of an area's summary: the year's versions (all for the ministry, the
 * sent one for the agencies), the archive of sent ones, one version's content and its files.
 */
@Injectable()
export class SummaryVersionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
  ) {}

  /** Versions without their content: lists read only the totals out of each version's figures, and the delivery of sent ones from the mail. */
  private async versionModels(where: string, params: unknown[]): Promise<SummaryVersionModel[]> {
    const rows: {
      id: string;
      area_id: string;
      area_name: string;
      year: number;
      version: number;
      created_at: Date;
      created_by: string | null;
      sent_at: Date | null;
      sent_by: string | null;
      totals: SummaryData['totals'];
    }[] = await this.ds.query(
      `SELECT v.id, v.area_id, ar.name AS area_name, v.year, v.version, v.created_at, cu.name AS created_by, v.sent_at, su.name AS sent_by, v.data -> 'totals' AS totals
         FROM summary_version v JOIN ${AREA_DIRECTORY} ar ON ar.id = v.area_id
         LEFT JOIN ${USER_DIRECTORY} cu ON cu.id = v.created_by_user_id LEFT JOIN ${USER_DIRECTORY} su ON su.id = v.sent_by_user_id
        WHERE ${where}
        ORDER BY v.year DESC, v.version DESC`,
      params,
    );
    const delivery = await this.mail.deliveryByPurpose(rows.filter((r) => r.sent_at).map((r) => summaryMailPurpose(r.area_id, r.year)));
    return rows.map((r) => {
      const mails = r.sent_at ? delivery.get(summaryMailPurpose(r.area_id, r.year)) : undefined;
      return {
        id: r.id,
        areaId: r.area_id,
        areaName: r.area_name,
        year: r.year,
        version: r.version,
        createdAt: r.created_at,
        createdByName: r.created_by,
        sentAt: r.sent_at,
        sentByName: r.sent_by,
        recipients: mails?.recipients ?? 0,
        delivered: mails?.delivered ?? 0,
        totals: r.totals,
      };
    });
  }

  /** The year's versions: all of them for the ministry; only the sent one for the area's agencies. */
  async versions(actor: Actor, areaIdArg: string | undefined, year: number): Promise<SummaryVersionModel[]> {
    const areaId = summaryArea(actor, areaIdArg);
    const access = summaryAccess(actor, areaId);
    return this.versionModels(`v.area_id = $1 AND v.year = $2${access === 'manage' ? '' : ' AND v.sent_at IS NOT NULL'}`, [areaId, year]);
  }

  /** The area's archive: the summary sent each year. */
  async archive(actor: Actor, areaIdArg: string | undefined): Promise<SummaryVersionModel[]> {
    const areaId = summaryArea(actor, areaIdArg);
    summaryAccess(actor, areaId);
    return this.versionModels(`v.area_id = $1 AND v.sent_at IS NOT NULL`, [areaId]);
  }

  private async readableVersion(actor: Actor, id: string): Promise<SummaryVersionModel> {
    const [v] = await this.versionModels(`v.id = $1`, [id]);
    const access = v && areaWork(actor, v.areaId);
    if (!access || (access === 'read' && !v.sentAt)) throw versionNotFound();
    return v;
  }

  async version(actor: Actor, id: string): Promise<SummaryVersionModel> {
    const v = await this.readableVersion(actor, id);
    const [{ data }]: { data: SummaryData }[] = await this.ds.query(`SELECT data FROM summary_version WHERE id = $1`, [id]);
    const content: SummaryContentModel = {
      ...data,
      // Versions compiled before these figures were kept have none.
      apprenticeship: data.apprenticeship ?? null,
      followUp: data.followUp ?? null,
      criteria: data.criteria.map((c) => ({
        label: c.label,
        status: c.status,
        value: c.value,
        required: c.required,
        missingNames: c.missing.map((x) => x.name),
      })),
    };
    return { ...v, content };
  }

  async file(actor: Actor, id: string, kind: SummaryFile): Promise<{ body: Buffer; year: number; version: number }> {
    const v = await this.readableVersion(actor, id);
    const column = kind === 'xlsx' ? 'xlsx' : kind === 'pdf-en' ? 'pdf_en' : 'pdf_nb';
    const [row]: { body: Buffer }[] = await this.ds.query(`SELECT ${column} AS body FROM summary_version WHERE id = $1`, [id]);
    return { body: row.body, year: v.year, version: v.version };
  }

  /** The PDF of a version in a language, for mail attachments (`summary-pdf:<id>:<lang>`). */
  async pdfFor(key: string): Promise<Buffer> {
    const [id, lang] = key.split(':');
    const [row]: { body: Buffer }[] = await this.ds.query(
      `SELECT ${lang === 'en' ? 'pdf_en' : 'pdf_nb'} AS body FROM summary_version WHERE id = $1`,
      [id],
    );
    if (!row) throw new Error(`Summary version ${id} is gone`);
    return row.body;
  }
}
