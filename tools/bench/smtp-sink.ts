/**
 * The benchmarks' SMTP server, in a process of its own (so that it takes no CPU from the sender it
 * measures): accepts every mail and counts them per recipient for the current phase. The parent
 * talks to it over IPC: `{ phase }` starts a new count, `{ stats: true }` answers with the counts.
 *   fork('tools/bench/smtp-sink.ts', [port], { execArgv: process.execArgv })
 */
import { SMTPServer } from 'smtp-server';

export interface SinkStats {
  /** Recipients with at least one mail; mails in all; first and last acceptance (epoch ms). */
  recipients: number;
  total: number;
  first: number;
  last: number;
  /** Recipients whose address ends with the `suffix` asked for. */
  matching: number;
}

let received = new Map<string, number>();
let first = 0;
let last = 0;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
      last = Date.now();
      first ||= last;
      cb();
    });
  },
});

process.on('message', (m: { phase?: string; stats?: { suffix: string } }) => {
  if (m.phase) {
    received = new Map();
    first = last = 0;
    process.send?.({ ok: true });
  } else if (m.stats) {
    let total = 0;
    let matching = 0;
    for (const [a, n] of received) {
      total += n;
      if (a.endsWith(m.stats.suffix)) matching++;
    }
    process.send?.({ recipients: received.size, total, first, last, matching } satisfies SinkStats);
  }
});
process.on('disconnect', () => smtp.close(() => process.exit(0)));
smtp.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.({ listening: true }));
