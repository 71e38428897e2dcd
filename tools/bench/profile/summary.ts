/** Where a .cpuprofile's time went: the functions with the most self time, and time per package (inclusive). */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function summarise(file: string, top = 15): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  p.samples.forEach((s, i) => time.set(s, (time.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, t] of time) {
    const cf = byId.get(id)!.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}`;
    self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url;
      const pkg =
        /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('/dist/apps/api/') ? 'Lærenett (dist/apps/api)' : null);
      if (pkg && !seen.has(pkg)) {
        seen.add(pkg);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
      }
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [
    `CPU profile of the API (${(total / 1e6).toFixed(1)} s sampled): self time`,
    ...rows(self),
    'inclusive time by package',
    ...rows(byPackage),
  ].join('\n');
}
