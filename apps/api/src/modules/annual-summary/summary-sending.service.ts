import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Actor } from '../../common/request-context';
import { AppConfig } from '../../config/config';
import { AGENCY_DIRECTORY } from '../agencies/read-model';
import { USER_DIRECTORY } from '../identity/read-model';
import { MailService } from '../mail/mail.service';
import { mailLanguage } from '../mail/templates/render';
import { NetworksService } from '../networks/networks.service';
import { OutboxService } from '../queue/outbox.service';
import { SummaryVersionEntity } from './entities/summary-version.entity';
import { sendJob } from './jobs/annual-summary.job';
import { SummaryVersionModel } from './models/annual-summary.models';
import { assertManagesFound, conflict, versionNotFound } from './summary-access';
import { lockAreaYear } from './summary-compilations.service';
import { SummaryCycleService } from './summary-cycle.service';
import { summaryMailPurpose, SummaryVersionsService } from './summary-versions.service';
import { summaryMail } from './templates/summary.mails';
import type { SummaryData } from './utils/compile-summary.util';

/**
 * Sending a version to the network: the ministry freezes it as the year's summary (the year is
 * then closed), and the queue mails it to the area's staff network, agency coordinators and
 * ministry coordinators, each once, with the PDF in their language.
 */
@Injectable()
export class SummarySendingService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cycle: SummaryCycleService,
    private readonly versions: SummaryVersionsService,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly networks: NetworksService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    MailService.registerAttachmentSource('summary-pdf', (key) => this.versions.pdfFor(key));
  }

  /**
   * Freezes the version as the year's summary and queues the mail to the network. Sending the
   * same version again changes nothing (the job and every mail are once-only); another version
   * of a year already sent is refused.
   */
  async send(actor: Actor, versionId: string): Promise<SummaryVersionModel> {
    const v = await this.ds.getRepository(SummaryVersionEntity).findOne({ where: { id: versionId } });
    if (!v) throw versionNotFound();
    assertManagesFound(actor, v.areaId, versionNotFound);
    await this.ds.transaction(async (m) => {
      await lockAreaYear(m, v.areaId, v.year);
      const sent = await this.cycle.sentVersion(v.areaId, v.year, m);
      if (sent && sent.id !== v.id)
        throw conflict(`Version ${sent.version} of the ${v.year} summary has already been sent; the year is closed`, 'SUMMARY_SENT');
      if (!sent) await m.update(SummaryVersionEntity, { id: v.id }, { sentAt: this.clock.now(), sentByUserId: actor.id });
      await this.outbox.record(m, [sendJob(v.id)]);
    });
    await this.outbox.flush([sendJob(v.id).jobId]);
    return this.versions.version(actor, v.id);
  }

  /**
   * Mails the sent version to the area's staff network, its agency coordinators and its ministry
   * coordinators, each once (the purpose is the area and year), with the PDF in their language.
   */
  async sendVersion(versionId: string): Promise<{ recipients: number }> {
    const [v]: { id: string; area_id: string; year: number; version: number; sent_at: Date | null; data: SummaryData }[] =
      await this.ds.query(`SELECT id, area_id, year, version, sent_at, data FROM summary_version WHERE id = $1`, [versionId]);
    if (!v || !v.sent_at) return { recipients: 0 };
    const staff = await this.networks.memberIds(v.area_id, 'STAFF');
    const people: Person[] = await this.ds.query(
      `SELECT DISTINCT ON (lower(u.email)) u.email, u.name, u.language
         FROM ${USER_DIRECTORY} u
        WHERE u.id = ANY($2::uuid[])
           OR (u.role = 'AGENCY_COORDINATOR' AND u.agency_id IN (SELECT id FROM ${AGENCY_DIRECTORY} WHERE area_id = $1))
           OR (u.role = 'MINISTRY_COORDINATOR' AND u.area_id = $1)
        ORDER BY lower(u.email)`,
      [v.area_id, staff],
    );
    const t = v.data.totals;
    const ids = await this.ds.transaction(async (m) => {
      const list: string[] = [];
      for (const p of people) {
        const lang = mailLanguage(p.language);
        const mail = summaryMail(lang, {
          name: p.name,
          areaName: v.data.areaName,
          year: v.year,
          apprentices: t.apprenticesSnapshot,
          change: t.changeFromLastYear,
          targetSum: t.targetSum,
          reported: t.agenciesReported,
          expected: t.reportsExpected,
          url: `${this.config.app.publicUrl}/arsoppsummering/${v.id}`,
        });
        const filename = lang === 'en' ? `annual-summary-${v.year}.pdf` : `arsoppsummering-${v.year}.pdf`;
        list.push(
          await this.mail.record(
            {
              ...mail,
              purpose: summaryMailPurpose(v.area_id, v.year),
              to: p.email,
              attachments: [{ filename, contentType: 'application/pdf', source: `summary-pdf:${v.id}:${lang}` }],
            },
            m,
          ),
        );
      }
      return list;
    });
    await this.mail.dispatch(ids);
    return { recipients: ids.length };
  }
}

interface Person {
  email: string;
  name: string;
  language: string;
}
