/**
 * A horizontal bar chart as SVG for the summary's PDF (pdfmake draws SVG natively): one bar per
 * row with its value printed, and an optional target drawn as a tick across the bar.
 */
export interface BarRow {
  label: string;
  value: number;
  /** Drawn as a dark tick (e.g. the target). */
  mark?: number | null;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function barChartSvg(
  rows: BarRow[],
  opts: { width?: number; labelWidth?: number; legend?: { value: string; mark?: string }; colour?: string } = {},
): string {
  const width = opts.width ?? 500;
  const labelWidth = opts.labelWidth ?? 170;
  const rowHeight = 18;
  const top = opts.legend ? 22 : 4;
  const plot = width - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.mark ?? 0)));
  const x = (v: number) => labelWidth + (v / max) * plot;
  const colour = opts.colour ?? '#0062ba';
  const parts: string[] = [];
  if (opts.legend) {
    parts.push(`<rect x="${labelWidth}" y="4" width="10" height="10" fill="${colour}"/>`);
    parts.push(
      `<text x="${labelWidth + 14}" y="13" font-family="Helvetica" font-size="9" fill="#1e2b3c">${escape(opts.legend.value)}</text>`,
    );
    if (opts.legend.mark) {
      const lx = labelWidth + 24 + opts.legend.value.length * 5;
      parts.push(`<rect x="${lx}" y="3" width="3" height="12" fill="#1e2b3c"/>`);
      parts.push(`<text x="${lx + 8}" y="13" font-family="Helvetica" font-size="9" fill="#1e2b3c">${escape(opts.legend.mark)}</text>`);
    }
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + 12}" font-family="Helvetica" font-size="9" text-anchor="end" fill="#1e2b3c">${escape(clip(r.label, 34))}</text>`,
    );
    parts.push(
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(0.5, x(r.value) - labelWidth).toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"/>`,
    );
    parts.push(
      `<text x="${(x(Math.max(r.value, r.mark ?? 0)) + 6).toFixed(1)}" y="${y + 12}" font-family="Helvetica" font-size="9" fill="#1e2b3c">${r.value}</text>`,
    );
    if (r.mark !== undefined && r.mark !== null)
      parts.push(`<rect x="${(x(r.mark) - 1).toFixed(1)}" y="${y + 1}" width="3" height="${rowHeight - 2}" fill="#1e2b3c"/>`);
  });
  const height = top + rows.length * rowHeight + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
