import { SMTPServer } from 'smtp-server';
import PostalMime, { Email } from 'postal-mime';
import { AddressInfo } from 'node:net';

/** A real SMTP server inside the test that receives and parses every mail. */
export class SmtpSink {
  readonly mails: (Email & { envelopeTo: string[] })[] = [];
  private server: SMTPServer;
  port = 0;
  /** Connections made to it, a message sent or not. */
  connections = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, cb) => {
        this.connections++;
        cb();
      },
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
    // A client that dies mid-conversation (a killed worker) resets its connection; not a test failure.
    this.server.on('error', () => undefined);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    return this.mails.filter((m) => m.envelopeTo.includes(address));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until)
        throw new Error(
          `Timed out waiting for mail; received ${this.mails.length}: ${this.mails.map((m) => `${m.envelopeTo} ${m.subject}`).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
