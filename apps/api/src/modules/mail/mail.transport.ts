import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/config';
import { SMTP_POOL } from './smtp-pool';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  headers?: Record<string, string>;
}

/** The one way out for e-mail: SMTP in real use; without SMTP_URL, a log line (development). */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  readonly kind: 'smtp' | 'log';

  constructor(private readonly config: AppConfig) {
    this.kind = config.mail.smtpUrl ? 'smtp' : 'log';
    this.transporter = config.mail.smtpUrl
      ? nodemailer.createTransport({ url: config.mail.smtpUrl, ...SMTP_POOL })
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<string> {
    // A calendar invitation travels as nodemailer's icalEvent: an alternative part with the
    // METHOD that mail clients turn into accept/decline buttons, and a .ics attachment.
    const calendar = mail.attachments?.find((a) => a.contentType.startsWith('text/calendar'));
    const others = mail.attachments?.filter((a) => a !== calendar);
    const method = calendar ? (/method=([A-Z]+)/i.exec(calendar.contentType)?.[1] ?? 'REQUEST').toUpperCase() : undefined;
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId: mail.messageId,
      headers: mail.headers,
      attachments: others?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
      icalEvent: calendar
        ? { filename: calendar.filename, method, content: Buffer.from(calendar.content, 'base64').toString('utf8') }
        : undefined,
    });
    // A warning, so that it shows at the launcher's log level: this mail was not really sent.
    if (this.kind === 'log') this.logger.warn(`(no SMTP_URL: not sent) mail to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return info.messageId ?? mail.messageId;
  }

  onModuleDestroy() {
    this.transporter.close();
  }
}
