import { SMTPServer } from 'smtp-server';
import PostalMime, { Email } from 'postal-mime';

/** The SMTP server the platform under test sends to; the test reads the mail people get. */
export class Mailbox {
  readonly mails: (Email & { envelopeTo: string[] })[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks)).then(
          (parsed) => {
            this.mails.push({ ...parsed, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  });

  constructor() {
    // A client that drops its connection is the sender's problem, not the test's.
    this.server.on('error', () => undefined);
  }

  listen(port: number) {
    return new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  async waitFor(to: string, match: RegExp, timeoutMs = 30_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = this.mails.find((x) => x.envelopeTo.includes(to) && match.test(x.subject ?? ''));
      if (m) return m;
      if (Date.now() > until) throw new Error(`No mail to ${to} matching ${match}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
