/**
 * The house PDF layout drawn straight onto pdfkit, for documents too large for pdfmake's layout:
 * the December summary of 1,000 agencies is over 150 pages a language, and pdfmake keeps every word of
 * the document as an object of some thirty properties until it draws the first page (~1.2–2 s and
 * ~100 MiB a language). Here each block is drawn as it is met, through pdfkit's own line wrapping,
 * and only the pages' content is kept until the footers ("Side 3 av 164") are written: about a
 * quarter of the time, a fraction of the memory.
 *
 * A document is a list of blocks in the house style of `common/pdf.ts` (A4, Helvetica, the same
 * headings, colours, margins and table lines): headings, text of plain and bold runs, tables with
 * fixed columns and one that takes the rest (its header repeated on every page), bullet lists and
 * horizontal bar charts. Pages break by themselves; a block may start a page in either
 * orientation. A heading is never left alone at a page's foot.
 */
import PDFDocument from 'pdfkit';
import { leanStandardFont, StandardFontLike } from './pdf-fonts';
import type { PdfLanguage } from './pdf-text';

export interface Run {
  text: string;
  bold?: boolean;
  color?: string;
}
/** A paragraph's text: a string, or runs of plain and bold text. */
export type Runs = string | (string | Run)[];
export type Cell = string | { text: string; bold?: boolean; color?: string };
export type Orientation = 'portrait' | 'landscape';

export interface BarRow {
  label: string;
  value: number;
  /** Drawn as a dark tick across the bar (e.g. the target). */
  mark?: number | null;
}
export interface BarChartOptions {
  legend?: { value: string; mark?: string };
  colour?: string;
}

export interface TableSpec {
  /** Content widths in points, as pdfmake's; '*' takes what is left. */
  widths: (number | '*')[];
  header: Cell[];
  rows: Cell[][];
  /** Columns aligned to the right (numbers). */
  right?: number[];
  fontSize?: number;
}

export type Block =
  | { heading: string; level: 1 | 2 | 3; newPage?: Orientation }
  | { text: Runs; style?: 'body' | 'lead' | 'meta'; top?: number; bottom?: number }
  | { table: TableSpec }
  | { bullets: Runs[] }
  | { chart: BarRow[]; options?: BarChartOptions };

export interface FlowDocument {
  title: string;
  subject: string;
  lang: PdfLanguage;
  footerLeft: string;
  page: (p: number, n: number) => string;
  blocks: Block[];
}

const MARGIN = { top: 56, bottom: 56, left: 48, right: 48 };
const INK = '#1e2b3c';
const MUTED = '#555555';
const RULE = '#aaaaaa';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
/** Lines 1.2 × the size apart: pdfkit's Helvetica line is 1.156 × the size, and the rest is the gap. */
const lineHeight = (size: number) => size * 1.2;
const gapFor = (size: number) => size * (1.2 - 1.156);

const STYLES = {
  h1: { size: 22, bold: true, color: INK, top: 0, bottom: 2 },
  h2: { size: 15, bold: true, color: INK, top: 14, bottom: 6 },
  h3: { size: 11, bold: true, color: INK, top: 10, bottom: 3 },
  body: { size: 10, bold: false, color: INK, top: 0, bottom: 0 },
  lead: { size: 13, bold: false, color: MUTED, top: 0, bottom: 12 },
  meta: { size: 10, bold: false, color: MUTED, top: 0, bottom: 6 },
};

// Text composed (NFC): "é" pasted as "e" and a combining accent is drawn as the one letter it is.
const COMBINING = /[\u0300-\u036f]/;
const nfc = (text: string) => (COMBINING.test(text) ? text.normalize('NFC') : text);
const runOf = (x: string | Run): Run => (typeof x === 'string' ? { text: nfc(x) } : { ...x, text: nfc(x.text) });
const runsOf = (r: Runs): Run[] => (typeof r === 'string' ? [runOf(r)] : r.map(runOf));
const cellOf = (c: Cell): Run => runOf(c);

class Flow {
  readonly doc: PDFKit.PDFDocument;
  private y = MARGIN.top;
  private orientation: Orientation = 'portrait';
  private font = '';
  private size = 0;
  private colour = '';
  private readonly tables = new WeakMap<TableSpec, { need: number; draw: () => void }>();

  constructor(d: FlowDocument) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: true,
      compress: true,
      pdfVersion: '1.3',
      lang: d.lang === 'en' ? 'en-GB' : 'nb-NO',
      info: { Title: d.title, Author: 'Lærenett', Subject: d.subject, Creator: 'Lærenett', Producer: 'Lærenett' },
    } as PDFKit.PDFDocumentOptions);
    // A page's content starts in black: where the flow begins a page, the colour it draws in is set again.
    this.doc.on('pageAdded', () => {
      if (this.colour) this.doc.fillColor(this.colour);
    });
    this.addPage('portrait');
  }

  private get top() {
    return MARGIN.top;
  }
  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }
  private get left() {
    return MARGIN.left;
  }
  private get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  addPage(orientation: Orientation = this.orientation) {
    this.orientation = orientation;
    this.doc.addPage({ size: 'A4', layout: orientation, margins: MARGIN });
    this.y = this.top;
  }

  /** Sets font and size (enough to measure), telling pdfkit only what changes. */
  private setFont(bold: boolean | undefined, size: number) {
    const font = bold ? BOLD : REGULAR;
    if (font !== this.font) {
      this.doc.font((this.font = font));
      // Measured and encoded from tables (the same numbers as pdfkit's, a fraction of the work).
      leanStandardFont((this.doc as unknown as { _font: StandardFontLike })._font);
    }
    if (size !== this.size) this.doc.fontSize((this.size = size));
  }

  /** Sets font, size and colour to draw in. */
  private use(bold: boolean | undefined, size: number, colour: string) {
    this.setFont(bold, size);
    if (colour !== this.colour) this.doc.fillColor((this.colour = colour));
  }

  /** Room for `height` more points on this page, or a new page. */
  private room(height: number) {
    if (this.y + height > this.bottom && this.y > this.top) this.addPage();
  }

  /** Wrapped text of runs from (x, this.y) over `width`; pdfkit breaks the page where it must. */
  private paragraph(runs: Run[], x: number, width: number, size: number, colour: string, align: 'left' | 'right' = 'left') {
    const parts = runs.filter((r) => r.text !== '');
    if (!parts.length) return;
    const lineGap = gapFor(size);
    parts.forEach((r, i) => {
      this.use(r.bold, size, r.color ?? colour);
      const options = { width, lineGap, align, continued: i < parts.length - 1 };
      if (i === 0) this.doc.text(r.text, x, this.y, options);
      else this.doc.text(r.text, options);
    });
    // pdfkit may have begun pages of its own (in the document's orientation): follow it.
    this.y = this.doc.y;
  }

  heading(text: string, level: 1 | 2 | 3, newPage?: Orientation, next?: Block) {
    const s = STYLES[`h${level}`];
    if (newPage) this.addPage(newPage);
    // Not alone at the foot of a page: the heading and what the block after it needs to begin there.
    else this.room(s.top + lineHeight(s.size) + s.bottom + Math.min(this.need(next), this.bottom - this.top - 60));
    if (this.y > this.top) this.y += s.top;
    this.paragraph([{ text, bold: true }], this.left, this.width, s.size, s.color);
    this.y += s.bottom;
  }

  /** What a block needs on a page to begin there (a table kept whole needs all of itself). */
  private need(b: Block | undefined): number {
    if (!b) return 0;
    if ('heading' in b) return b.newPage ? 0 : STYLES[`h${b.level}`].top + lineHeight(STYLES[`h${b.level}`].size) + 2 * lineHeight(10);
    if ('text' in b) return (b.top ?? 0) + 2 * lineHeight(STYLES[b.style ?? 'body'].size);
    if ('bullets' in b) return Math.min(2, b.bullets.length) * lineHeight(10);
    if ('table' in b) return this.tableOf(b.table).need;
    return (b.options?.legend ? 22 : 4) + Math.min(3, b.chart.length) * 14 + 4;
  }

  text(runs: Runs, style: 'body' | 'lead' | 'meta', top?: number, bottom?: number) {
    const s = STYLES[style];
    this.y += top ?? s.top;
    this.room(lineHeight(s.size));
    this.paragraph(runsOf(runs), this.left, this.width, s.size, s.color);
    this.y += bottom ?? s.bottom;
  }

  bullets(items: Runs[]) {
    const size = STYLES.body.size;
    const indent = 12;
    for (const item of items) {
      if (runsOf(item).every((r) => r.text === '')) continue;
      this.room(lineHeight(size));
      this.use(false, size, INK);
      this.doc.circle(this.left + 3, this.y + size * 0.45, size / 7).fill();
      this.paragraph(runsOf(item), this.left + indent, this.width - indent, size, INK);
    }
  }

  /** A table in pdfmake's "lightHorizontalLines": a line under the header and between rows, padding 8 between columns. */
  table(spec: TableSpec) {
    this.tableOf(spec).draw();
  }

  /** A table measured (its rows' heights, what it needs on a page) and ready to draw; measured once. */
  private tableOf(spec: TableSpec): { need: number; draw: () => void } {
    const known = this.tables.get(spec);
    if (known) return known;
    const size = spec.fontSize ?? STYLES.body.size;
    const n = spec.widths.length;
    const padLeft = (i: number) => (i === 0 ? 0 : 8);
    const padRight = (i: number) => (i === n - 1 ? 0 : 8);
    const fixed = spec.widths.reduce<number>((t, w, i) => t + (w === '*' ? 0 : w) + padLeft(i) + padRight(i), 0);
    const stars = spec.widths.filter((w) => w === '*').length;
    const widths = spec.widths.map((w) => (w === '*' ? Math.max(20, (this.width - fixed) / Math.max(1, stars)) : w));
    const right = new Set(spec.right ?? []);
    const line = lineHeight(size);

    // A word wider than its column stands out into the padding, as in pdfmake, rather than break inside it.
    const oneLine = (text: string, w: number, i: number) => !text.includes('\n') && (w <= widths[i] || !/\s/.test(text.trim()));
    /** Each cell's text width, measured once for its height and again of use where it is drawn. */
    const measure = (cells: Run[], cellSize: number) =>
      cells.map((c) => (c.text === '' ? 0 : (this.setFont(c.bold, cellSize), this.doc.widthOfString(c.text))));
    /** A cell's height: one line where it fits (most do), else as wrapped. */
    const height = (c: Run, w: number, i: number, cellSize: number) => {
      if (c.text === '') return line;
      if (oneLine(c.text, w, i)) return lineHeight(cellSize);
      this.setFont(c.bold, cellSize);
      return this.doc.heightOfString(c.text, { width: widths[i], lineGap: gapFor(cellSize) });
    };
    const draw = (cells: Run[], ws: number[], cellSize: number, rowHeight: number) => {
      let x = this.left;
      cells.forEach((c, i) => {
        x += padLeft(i);
        if (c.text !== '') {
          this.use(c.bold, cellSize, c.color ?? INK);
          const w = ws[i];
          if (oneLine(c.text, w, i)) this.doc.text(c.text, right.has(i) ? x + widths[i] - w : x, this.y + 2, { lineBreak: false });
          else {
            const y = this.y;
            this.y += 2;
            this.paragraph([c], x, widths[i], cellSize, c.color ?? INK, right.has(i) ? 'right' : 'left');
            this.y = y;
          }
        }
        x += widths[i] + padRight(i);
      });
      this.y += rowHeight + 4;
    };
    const rule = (thickness: number, colour: string) => {
      const end = this.left + widths.reduce((t, w, i) => t + w + padLeft(i) + padRight(i), 0);
      this.doc.save().moveTo(this.left, this.y).lineTo(end, this.y).lineWidth(thickness).strokeColor(colour).stroke().restore();
    };
    const header = spec.header.map((c) => ({ bold: true, ...cellOf(c) }));
    const headerSize = Math.min(9, size + 1);
    const headerWidths = measure(header, headerSize);
    const headerHeight = Math.max(line, ...header.map((c, i) => height(c, headerWidths[i], i, headerSize)));
    const drawHeader = () => {
      draw(header, headerWidths, headerSize, headerHeight);
      rule(2, INK);
      this.y += 1;
    };

    const rows = spec.rows.map((row) => row.map(cellOf));
    const cellWidths = rows.map((cells) => measure(cells, size));
    const heights = rows.map((cells, r) => Math.max(line, ...cells.map((c, i) => height(c, cellWidths[r][i], i, size))));
    /** What rows from..to take on a page, with the rules between them. */
    const span = (from: number, to: number) => {
      let t = 0;
      for (let r = from; r < to; r++) t += heights[r] + 4.5;
      return t;
    };
    const head = headerHeight + 4 + 3;
    // A table that fits on a page is kept on one: it starts on the next page rather than split.
    const whole = head + span(0, rows.length);
    const kept = whole <= this.bottom - this.top;
    const need = kept ? whole : head + span(0, Math.min(2, rows.length));
    const drawTable = () => {
      this.room(need);
      drawHeader();
      let onPage = 0;
      rows.forEach((cells, r) => {
        const h = heights[r];
        const left = rows.length - r;
        // A new page when the row does not fit, or earlier, so that the table's last page has at
        // least three rows (its total not alone under a repeated header).
        const breakHere = this.y + h + 4 > this.bottom || (onPage > 3 && left <= 3 && this.y + span(r, rows.length) > this.bottom);
        if (breakHere) {
          this.addPage();
          drawHeader();
          onPage = 0;
        }
        draw(cells, cellWidths[r], size, h);
        onPage++;
        if (r < rows.length - 1) {
          rule(1, RULE);
          this.y += 0.5;
        }
      });
      this.y += 2;
    };
    const table = { need, draw: drawTable };
    this.tables.set(spec, table);
    return table;
  }

  /** One bar per row with its value, the target as a tick across it; the legend above. */
  chart(rows: BarRow[], opts: BarChartOptions = {}) {
    if (!rows.length) return;
    // The page's width (a landscape page gives the labels more room); the labels are cut to theirs.
    const width = this.width;
    const labelWidth = width > 600 ? 260 : 170;
    const legendHeight = opts.legend ? 22 : 4;
    const plot = width - labelWidth - 40;
    const finite = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const max = Math.max(1, ...rows.map((r) => Math.max(finite(r.value) ?? 0, finite(r.mark) ?? 0)));
    const colour = opts.colour ?? '#0062ba';
    const marked = rows.some((r) => finite(r.mark) !== null);
    const x0 = this.left;
    const at = (v: number) => x0 + labelWidth + (v / max) * plot;
    const measure = (text: string) => (this.setFont(false, 9), this.doc.widthOfString(text));
    const label = (text: string, x: number, baseline: number, anchor: 'start' | 'end' = 'start') => {
      const w = measure(text);
      this.use(false, 9, INK);
      this.doc.text(text, anchor === 'end' ? x - w : x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    };
    const fitted = (raw: string, room: number) => {
      const text = raw.replace(/\s+/g, ' ');
      if (measure(text) <= room) return text;
      let n = text.length;
      while (n > 1 && measure(`${text.slice(0, n - 1).trimEnd()}…`) > room) n--;
      return `${text.slice(0, n - 1).trimEnd()}…`;
    };
    const box = (x: number, y: number, w: number, h: number, fill: string) => {
      this.doc.rect(x, y, w, h).fill(fill);
      this.colour = fill;
    };
    // Page by page: the legend above the first rows; rows of 18 points, closer (down to 14) where
    // that keeps the rest on the page; a chart taller than a page goes on over the next.
    let i = 0;
    while (i < rows.length) {
      const top = i === 0 ? legendHeight : 4;
      this.room(top + Math.min(3, rows.length - i) * 14 + 4);
      const room = this.bottom - this.y - top - 4;
      const rowHeight = Math.max(14, Math.min(18, room / (rows.length - i)));
      const count = Math.max(1, Math.min(rows.length - i, Math.floor(room / rowHeight)));
      const y0 = this.y;
      if (i === 0 && opts.legend) {
        box(x0 + labelWidth, y0 + 4, 10, 10, colour);
        label(opts.legend.value, x0 + labelWidth + 14, y0 + 13);
        // The mark's legend only where some row has one.
        if (opts.legend.mark && marked) {
          const lx = x0 + labelWidth + 14 + measure(opts.legend.value) + 12;
          box(lx, y0 + 3, 3, 12, INK);
          label(opts.legend.mark, lx + 8, y0 + 13);
        }
      }
      for (let k = 0; k < count; k++) {
        const r = rows[i + k];
        const value = finite(r.value) ?? 0;
        const mark = finite(r.mark);
        const y = y0 + top + k * rowHeight;
        const baseline = y + rowHeight / 2 + 3;
        label(fitted(r.label, labelWidth - 8), x0 + labelWidth - 6, baseline, 'end');
        const end = at(value);
        box(x0 + labelWidth, y + 3, Math.max(0.5, end - x0 - labelWidth), rowHeight - 6, colour);
        // The value at the bar's end; past the mark where the mark would stand in it.
        let vx = end + 6;
        if (mark !== null && at(mark) + 2 >= vx - 3 && at(mark) - 1 <= vx + measure(String(value)) + 3) vx = at(mark) + 6;
        label(String(value), vx, baseline);
        if (mark !== null) box(at(mark) - 1, y + 1, 3, rowHeight - 2, INK);
      }
      this.y = y0 + top + count * rowHeight + 4;
      i += count;
      if (i < rows.length) this.addPage();
    }
    this.y += 6;
  }

  /** Every page's footer: the left text and "Side p av n", in the bottom margin. */
  footers(left: string, page: (p: number, n: number) => string) {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.font = this.colour = '';
      this.size = 0;
      this.use(false, 8, MUTED);
      const y = this.doc.page.height - MARGIN.bottom + 16;
      this.doc.text(left, MARGIN.left, y, { lineBreak: false });
      const right = page(i + 1, range.count);
      this.doc.text(right, this.doc.page.width - MARGIN.right - this.doc.widthOfString(right), y, { lineBreak: false });
    }
  }
}

/** Draws the document and gives its bytes. */
export function renderFlow(d: FlowDocument): Promise<Buffer> {
  const flow = new Flow(d);
  const doc = flow.doc;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (let i = 0; i < d.blocks.length; i++) {
    const b = d.blocks[i];
    if ('heading' in b) flow.heading(b.heading, b.level, b.newPage, d.blocks[i + 1]);
    else if ('text' in b) flow.text(b.text, b.style ?? 'body', b.top, b.bottom);
    else if ('table' in b) flow.table(b.table);
    else if ('bullets' in b) flow.bullets(b.bullets);
    else flow.chart(b.chart, b.options);
  }
  flow.footers(d.footerLeft, d.page);
  doc.end();
  return done;
}
