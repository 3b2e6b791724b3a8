import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback (the `smtp-server` package) that parses and keeps every
 * message it accepts. It can go down and come back on the same port (an outage), and can hold
 * a message before accepting it (`hold`), so a test can kill a sender in the middle.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;
  /** While set, each message waits for this promise before the server answers 250. */
  hold: Promise<void> | null = null;
  /** Called when a message's data has arrived, before it is accepted. */
  onArrival: (() => void) | null = null;

  /** Sessions whose client went away: a message held for one of them is not accepted. */
  private readonly closed = new Set<string>();
  /** Messages refused because their sender vanished before the server accepted them. */
  abandoned = 0;
  /** Connections reset by their sender (killed), and any other error the server reported. */
  resets = 0;
  readonly errors: Error[] = [];

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onClose: (session) => { this.closed.add(session.id); },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(async (mail) => {
          this.onArrival?.();
          if (this.hold) await this.hold;
          if (this.closed.has(session.id)) {
            this.abandoned++;
            return callback(new Error('the client went away'));
          }
          this.messages.push(mail);
          callback();
        }, (e: Error) => callback(e));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // A sender killed mid-conversation (outbox-fault.test kills a worker with SIGKILL) resets its
    // connection: smtp-server reports that as the server's 'error' event, which, with no
    // listener, is an uncaught exception in the test process. It is the client's fault, not ours.
    server.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') this.resets++;
      else this.errors.push(e);
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many messages arrived per idempotency key (the header the outbox sets). */
  countsByKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) {
      const key = String(m.headers.get('x-sportello-idempotency-key') ?? '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }
}
