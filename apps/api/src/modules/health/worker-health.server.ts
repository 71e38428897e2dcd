import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';

/**
 * The worker's health for a supervisor, on WORKER_HEALTH_PORT when set: `/live` answers while the
 * process runs; `/ready` is 200 once the worker has started and while its database answers, and
 * 503 from the moment it begins to shut down (it finishes its active jobs first).
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private server: Server | null = null;
  private ready = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    const port = this.config.app.workerHealthPort;
    this.ready = true;
    if (!port) return;
    this.server = createServer((req, res) => {
      const answer = (status: number, body: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/live') return answer(200, { status: 'ok' });
      if (req.url !== '/ready') return answer(404, { status: 'not found' });
      if (!this.ready) return answer(503, { status: 'stopping' });
      const timeout = new Promise<never>((_, no) => setTimeout(() => no(new Error('no answer within 1.5 s')), 1_500).unref());
      Promise.race([this.ds.query('SELECT 1'), timeout]).then(
        () => answer(200, { status: 'ok' }),
        (e: Error) => answer(503, { status: 'down', database: e.message }),
      );
    });
    this.server.listen(port, () => new Logger('Worker').log(`Health on port ${port} (/live, /ready)`));
  }

  beforeApplicationShutdown() {
    this.ready = false;
  }

  async onApplicationShutdown() {
    await new Promise((r) => (this.server ? this.server.close(r) : r(undefined)));
  }
}
