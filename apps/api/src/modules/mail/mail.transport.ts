import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
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

/** A made-up invitation, composed once at start to warm the code (never sent). */
const REHEARSAL: OutgoingMail = {
  to: 'ola.nordmann@example.no',
  subject: 'Invitasjon: Nettverkssamling for lærlinger',
  text: 'Hei Ola,\n\nDu er invitert til nettverkssamlingen. Svar ja eller nei med lenkene under.\n',
  html: '<p>Hei Ola,</p><p>Du er invitert til nettverkssamlingen. Svar ja eller nei med lenkene under.</p>',
  messageId: '<rehearsal@laerenett.no>',
  attachments: [
    {
      filename: 'invitasjon.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
      content: Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Lærenett//NO\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n').toString(
        'base64',
      ),
    },
  ],
  headers: { 'X-Laerenett-Purpose': 'rehearsal' },
};

/** The one way out for e-mail: SMTP in real use; without SMTP_URL, a log line (development). */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  readonly kind: 'smtp' | 'log';
  /** The sender's address alone (MAIL FROM), from MAIL_FROM's "Name <address>". */
  private readonly envelopeFrom: string;

  constructor(private readonly config: AppConfig) {
    this.kind = config.mail.smtpUrl ? 'smtp' : 'log';
    const [sender] = addressparser(config.mail.from, { flatten: true });
    this.envelopeFrom = sender?.address || config.mail.from;
    this.transporter = config.mail.smtpUrl
      ? nodemailer.createTransport({ url: config.mail.smtpUrl, ...SMTP_POOL })
      : nodemailer.createTransport({ jsonTransport: true });
  }

  /**
   * In a process that delivers mail, at its start: the way out made ready before the first mail.
   * A made-up invitation is composed and thrown away (nodemailer's MIME code is compiled as it
   * first runs: the first real mail took ~0.3 s longer to build), and the SMTP server is asked
   * whether it answers, so that a wrong SMTP_URL shows in the log at start rather than at the
   * first invitation. Never fails: a server that is away now is tried again by each mail's job.
   */
  async warm(): Promise<void> {
    if (this.kind !== 'smtp') return;
    await new MailComposer(this.message(REHEARSAL)).compile().build();
    try {
      await this.transporter.verify();
      this.logger.debug('The SMTP server answers');
    } catch (e) {
      this.logger.warn(`The SMTP server did not answer at start (mails wait on the queue until it does): ${(e as Error).message}`);
    }
  }

  async send(mail: OutgoingMail): Promise<string> {
    const message = this.message(mail);
    // Over SMTP the message is built whole first and handed to the connection as one piece: the
    // same bytes as nodemailer's streamed build, written to the socket in a couple of writes
    // instead of one per part (a worker sending thousands spent a fifth of its time in them).
    const info =
      this.kind === 'smtp'
        ? await this.transporter.sendMail({
            envelope: { from: this.envelopeFrom, to: [mail.to] },
            raw: await new MailComposer(message).compile().build(),
            messageId: mail.messageId,
          })
        : await this.transporter.sendMail(message);
    // A warning, so that it shows at the launcher's log level: this mail was not really sent.
    if (this.kind === 'log') {
      const attached = (mail.attachments ?? []).map(
        (a) => `${a.filename} (${a.contentType.split(';')[0]}, ${Math.round((a.content.length * 3) / 4 / 1024)} KiB)`,
      );
      const files = attached.length ? `\nAttached: ${attached.join(', ')}` : '';
      this.logger.warn(`(no SMTP_URL: not sent) mail to ${mail.to}: ${mail.subject}\n${mail.text}${files}`);
    }
    return info.messageId ?? mail.messageId;
  }

  private message(mail: OutgoingMail): SendMailOptions {
    // A calendar invitation travels as nodemailer's icalEvent: an alternative part with the
    // METHOD that mail clients turn into accept/decline buttons, and a .ics attachment.
    const calendar = mail.attachments?.find((a) => a.contentType.startsWith('text/calendar'));
    const others = mail.attachments?.filter((a) => a !== calendar);
    const method = calendar ? (/method=([A-Z]+)/i.exec(calendar.contentType)?.[1] ?? 'REQUEST').toUpperCase() : undefined;
    return {
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
    };
  }

  onModuleDestroy() {
    this.transporter.close();
  }
}
