/**
 * `npm run infra:check` (part of `npm run test:static`): what can be checked of the deployment
 * files without a container engine. infra/compose.yaml parses, every long-running service has a
 * healthcheck and a restart policy, no secret is written in it, the API sits behind the balancer
 * with a grace period above its drain; the Kubernetes manifests parse and every Deployment has
 * readiness and liveness probes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = resolve(__dirname, '../..');
const problems: string[] = [];
const check = (ok: unknown, problem: string) => ok || problems.push(problem);

interface Service {
  image?: string;
  build?: unknown;
  restart?: string;
  healthcheck?: { test?: unknown };
  environment?: Record<string, string>;
  stop_grace_period?: string;
  deploy?: { replicas?: number };
  ports?: string[];
}
const compose = parse(readFileSync(resolve(root, 'infra/compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services ?? {};
for (const [name, s] of Object.entries(services)) {
  const oneShot = s.restart === 'no';
  if (!oneShot) {
    check(s.healthcheck?.test, `compose: service ${name} has no healthcheck`);
    check(s.restart && s.restart !== 'no', `compose: service ${name} has no restart policy`);
  }
  for (const [k, v] of Object.entries(s.environment ?? {})) {
    if (/SECRET|PASSWORD/.test(k))
      check(
        /^\$\{[A-Z_]+(:\?[^}]*)?\}$/.test(String(v)),
        `compose: ${name}.${k} is written in the file; take it from the env file (\${${k}:?…})`,
      );
    check(!/:\/\/[^:@/]+:[^$@/][^@/]*@/.test(String(v)), `compose: ${name}.${k} holds a literal password in a URL`);
  }
}
const api = services['api'];
check(api && (api.deploy?.replicas ?? 1) >= 2, 'compose: the API should run as at least two replicas');
check(api && !api.ports, 'compose: the API replicas are reached through the balancer, not a host port');
check(
  api?.environment?.['DRAIN_SECONDS'] && parseInt(api.stop_grace_period ?? '0', 10) > Number(api.environment['DRAIN_SECONDS']),
  "compose: the API's stop_grace_period must exceed DRAIN_SECONDS",
);
check(services['balancer'] && existsSync(resolve(root, 'infra/haproxy.cfg')), 'compose: a balancer with infra/haproxy.cfg');
check(
  /option httpchk GET \/api\/health\/ready/.test(readFileSync(resolve(root, 'infra/haproxy.cfg'), 'utf8')),
  'haproxy.cfg: the balancer must check readiness',
);
check(existsSync(resolve(root, 'infra/.env.example')), 'infra/.env.example lists the secrets compose needs');

const docs = parseAllDocuments(readFileSync(resolve(root, 'infra/k8s/laerenett.yaml'), 'utf8'));
for (const d of docs) {
  check(d.errors.length === 0, `k8s: ${d.errors.map((e) => e.message).join('; ')}`);
  const o = d.toJS() as {
    kind?: string;
    metadata?: { name?: string };
    spec?: { template?: { spec?: { containers?: { readinessProbe?: unknown; livenessProbe?: unknown }[] } } };
  };
  if (o?.kind === 'Deployment') {
    for (const c of o.spec?.template?.spec?.containers ?? [])
      check(c.readinessProbe && c.livenessProbe, `k8s: Deployment ${o.metadata?.name} needs readiness and liveness probes`);
  }
}
check(
  docs.some((d) => (d.toJS() as { kind?: string })?.kind === 'Job'),
  'k8s: a migration Job',
);

if (problems.length) {
  console.error(`Deployment files:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Deployment files: compose (${Object.keys(services).length} services) and Kubernetes (${docs.length} objects) hold together.`);
