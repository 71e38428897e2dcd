import { AddressInfo, createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/config';
import { MailTransport } from '../mail.transport';
// The integration tests' SMTP server: real, on loopback, parsing what it receives.
import { SmtpSink } from '../../../../test/smtp-sink';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

const transportTo = (smtpUrl: string | null) =>
  new MailTransport(AppConfig.from({ mail: { smtpUrl, from: 'Lærenett <noreply@laerenett.no>' } } as AppConfig));

describe('MailTransport.warm (a delivering process at its start)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks the SMTP server whether it answers and sends nothing; a real mail afterwards arrives whole', async () => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const smtp = new SmtpSink();
    const transport = transportTo(await smtp.start());
    try {
      await transport.warm();
      expect(smtp.connections).toBe(1);
      expect(smtp.mails).toHaveLength(0);

      await transport.send({
        to: 'kari.nordmann@kdd.dep.no',
        subject: 'Invitasjon: Nettverkssamling',
        text: 'Hei Kari',
        messageId: '<m1@laerenett.no>',
        attachments: [
          {
            filename: 'invitasjon.ics',
            contentType: 'text/calendar; charset=utf-8; method=REQUEST',
            content: Buffer.from('BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n').toString('base64'),
          },
        ],
      });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0].subject).toBe('Invitasjon: Nettverkssamling');
      expect(smtp.mails[0].to?.[0].address).toBe('kari.nordmann@kdd.dep.no');
      expect(smtp.mails[0].text?.trim()).toBe('Hei Kari');
    } finally {
      transport.onModuleDestroy();
      await smtp.stop();
    }
  });

  it('never fails when the SMTP server is away: it says so in the log', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const transport = transportTo(`smtp://127.0.0.1:${await closedPort()}`);
    try {
      await expect(transport.warm()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('The SMTP server did not answer at start'));
    } finally {
      transport.onModuleDestroy();
    }
  });

  it('does nothing without SMTP_URL (mail written to the log)', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const transport = transportTo(null);
    await expect(transport.warm()).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });
});
