import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Block, FlowDocument, renderFlow } from '../pdf-flow';
import { leanStandardFont, StandardFontLike } from '../pdf-fonts';
import { houseDocument, renderPdf } from '../pdf';

const flow = (blocks: Block[]): FlowDocument => ({
  title: 'Prøve',
  subject: 'Prøve',
  lang: 'nb',
  footerLeft: 'Lærenett · laget 10. desember 2026',
  page: (p, n) => `Side ${p} av ${n}`,
  blocks,
});

/** The PDF written to a file: its pages' text (pdftotext -layout, page by page) and sizes (pdfinfo). */
async function read(d: FlowDocument) {
  const file = join(mkdtempSync(join(tmpdir(), 'pdf-flow-')), 'a.pdf');
  writeFileSync(file, await renderFlow(d));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) =>
    Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait',
  );
  const text = (p: number) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pages, sizes, text, raw, title: /^Title:\s+(.*)$/m.exec(info)?.[1] };
}

describe('the PDF flow on pdfkit', () => {
  it('wraps text of plain and bold runs over lines and pages, in reading order, with every page numbered', async () => {
    const paragraph = 'Vi tok inn nye lærlinger og fulgte dem opp tett gjennom hele året. '.repeat(12);
    const pdf = await read(
      flow([
        { heading: 'Årsoppsummering 2026', level: 1 },
        ...Array.from({ length: 60 }, (_, i): Block => ({ text: [{ text: `Rapport ${i + 1}: `, bold: true }, paragraph], bottom: 3 })),
      ]),
    );
    expect(pdf.title).toBe('Prøve');
    expect(pdf.pages).toBeGreaterThan(3);
    expect(pdf.raw).toContain(
      'Årsoppsummering 2026 Rapport 1: Vi tok inn nye lærlinger og fulgte dem opp tett gjennom hele året. Vi tok inn',
    );
    expect(pdf.raw.indexOf('Rapport 59:')).toBeLessThan(pdf.raw.indexOf('Rapport 60: Vi tok inn'));
    for (let p = 1; p <= pdf.pages; p++)
      expect(pdf.text(p)).toMatch(new RegExp(`Lærenett · laget 10\\. desember 2026\\s+Side ${p} av ${pdf.pages}\\s*$`));
  });

  it('draws a long table over landscape pages with its header on each, rows in order, a long cell wrapped', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [
      `Virksomhet ${i + 1}`,
      String(i * 3),
      i === 5 ? 'Levert etter fristen, med en lang merknad som ikke får plass' : 'Levert',
    ]);
    const pdf = await read(
      flow([
        { heading: 'Forside', level: 1 },
        { heading: 'Per virksomhet', level: 2, newPage: 'landscape' },
        { table: { widths: ['*', 40, 80], header: ['Virksomhet', 'Lærlinger', 'Rapport'], rows, right: [1], fontSize: 8 } },
        { heading: 'Lærefag', level: 2, newPage: 'portrait' },
        { text: 'Slutt.' },
      ]),
    );
    expect(pdf.sizes[0]).toBe('portrait');
    const tablePages = pdf.sizes.map((s, i) => i + 1).filter((p) => /Virksomhet \d/.test(pdf.text(p)));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) {
      expect(pdf.sizes[p - 1]).toBe('landscape');
      expect(pdf.text(p)).toMatch(/^\s*(Per virksomhet\s+)?Virksomhet\s+Lærlinger\s+Rapport\s*$/m);
    }
    expect(pdf.sizes[pdf.pages - 1]).toBe('portrait');
    expect(pdf.text(pdf.pages)).toContain('Slutt.');
    // Every row once, in order, its number beside it.
    const all = tablePages.map((p) => pdf.text(p)).join('\n');
    const order = rows.map((r) => all.search(new RegExp(`^\\s*${r[0]}\\s+${r[1]}\\s`, 'm')));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(pdf.raw).toContain('Levert etter fristen, med en lang merknad som ikke får plass');
  });

  it('keeps a short table on one page, and never leaves a long one fewer than three rows on its last page', async () => {
    const filler = Array.from({ length: 52 }, (_, i): Block => ({ text: `Linje ${i + 1}` }));
    const short = Array.from({ length: 10 }, (_, i) => [`Rad ${i + 1}`, String(i)]);
    const kept = await read(flow([...filler, { table: { widths: ['*', 40], header: ['Navn', 'Tall'], rows: short } }]));
    expect(kept.text(1)).not.toContain('Rad 1 ');
    expect(kept.text(2)).toMatch(/Navn\s+Tall[\s\S]*Rad 1\s[\s\S]*Rad 10\s/);
    // About 44 rows fill a page: a table that would put its last row alone on the next page does not.
    for (const n of [30, 40, 45, 50, 55, 60]) {
      const rows = Array.from({ length: n }, (_, i) => [`Rad ${i + 1}`, String(i)]);
      const pdf = await read(flow([{ table: { widths: ['*', 40], header: ['Navn', 'Tall'], rows } }]));
      const last = pdf.text(pdf.pages).match(/^\s*Rad \d+\s/gm) ?? [];
      expect(pdf.pages === 1 || last.length >= 3).toBe(true);
    }
  });

  it('never leaves a heading alone at the foot of a page, whatever follows it', async () => {
    // Lines that leave room for a heading and a line or two, not for what must follow it.
    const lines = (n: number) => Array.from({ length: n }, (_, i): Block => ({ text: `Linje ${i + 1}` }));
    const rows = Array.from({ length: 10 }, (_, i) => [`Rad ${i + 1}`, String(i)]);
    const cases: [Block[], RegExp][] = [
      [
        [...lines(57), { heading: 'Neste del', level: 2 }, { text: 'Teksten under overskriften.' }],
        /Neste del\s+Teksten under overskriften\./,
      ],
      [
        [...lines(45), { heading: 'Neste del', level: 2 }, { table: { widths: ['*', 40], header: ['Navn', 'Tall'], rows } }],
        /Neste del\s+Navn\s+Tall/,
      ],
      [
        [
          ...lines(55),
          { heading: 'Neste del', level: 3 },
          {
            chart: [
              { label: 'A', value: 1 },
              { label: 'B', value: 2 },
              { label: 'C', value: 3 },
            ],
          },
        ],
        /Neste del\s+A\s+1/,
      ],
    ];
    for (const [blocks, together] of cases) {
      const pdf = await read(flow(blocks));
      const page = [1, 2].find((p) => pdf.text(p).includes('Neste del'))!;
      expect(pdf.text(page)).toMatch(together);
    }
  });

  it('draws a chart taller than a page over the next, every row once', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({ label: `Fag ${i + 1}`, value: i + 1 }));
    const pdf = await read(
      flow([{ heading: 'Lærefag', level: 2 }, { chart: rows, options: { legend: { value: 'Lærlinger' } } }, { text: 'Slutt.' }]),
    );
    expect(pdf.pages).toBe(2);
    const all = [1, 2].map((p) => pdf.text(p)).join('\n');
    for (const r of rows) expect(all).toMatch(new RegExp(`^\\s*${r.label}\\s+${r.value}\\s*$`, 'm'));
    for (const p of [1, 2]) expect(pdf.text(p)).toMatch(new RegExp(`Side ${p} av 2\\s*$`));
  });

  it('draws bullet lists and bar charts with their labels and values as text', async () => {
    const pdf = await read(
      flow([
        { bullets: ['Første punkt', [{ text: 'Andre: ', bold: true }, 'med fet etikett']] },
        {
          chart: [{ label: 'Digitaliseringsdirektoratet', value: 12, mark: 10 }],
          options: { legend: { value: 'Lærlinger', mark: 'Måltall' } },
        },
      ]),
    );
    expect(pdf.raw).toContain('Første punkt');
    expect(pdf.raw).toContain('Andre: med fet etikett');
    expect(pdf.text(1)).toMatch(/Lærlinger\s+Måltall/);
    expect(pdf.text(1)).toMatch(/Digitaliseringsdirektoratet\s+12/);
  });
});

describe('the standard fonts from tables', () => {
  it('measure every string as pdfkit does, kerning included', () => {
    const strings = ['AVATAR To Wy', '‘Tall’ – «sitat» og «Yngve»', 'Prøvedirektoratet for område 1000', 'Æ Ø Å æ ø å €', ''];
    for (const name of ['Helvetica', 'Helvetica-Bold']) {
      const theirs = new PDFDocument({ autoFirstPage: false }).font(name) as unknown as { _font: StandardFontLike };
      const ours = new PDFDocument({ autoFirstPage: false }).font(name) as unknown as { _font: StandardFontLike };
      leanStandardFont(ours._font);
      for (const s of strings)
        for (const size of [8, 10, 15]) {
          expect(ours._font.widthOfString(s, size)).toBeCloseTo(theirs._font.widthOfString(s, size), 9);
          expect(ours._font.encode(s)).toEqual(theirs._font.encode(s));
        }
    }
  });

  it('draw a character outside WinAnsi as a near one, and the text after it intact, in the flow and in pdfmake', async () => {
    const text = 'Čáhcesuolu og Guovdageaidnu: ŋ đ ŧ − ≥ 3 → 😀 slutt';
    // Pasted text: a tab, a carriage return and an "é" written as "e" and a combining accent.
    const pasted = await read(flow([{ text: 'Tab\tog CR\r her, Cafe\u0301 og mer' }]));
    expect(pasted.raw).toContain('Tab og CR her, Café og mer');
    const expected = 'Cáhcesuolu og Guovdageaidnu: n d t - >= 3 -> ? slutt';
    const flowed = await read(flow([{ text }, { table: { widths: ['*', 40], header: ['Navn', 'Tall'], rows: [[text, '1']] } }]));
    expect(flowed.raw).toContain(`${expected} Navn Tall ${expected} 1`);
    const file = join(mkdtempSync(join(tmpdir(), 'pdf-chars-')), 'a.pdf');
    writeFileSync(
      file,
      await renderPdf(houseDocument({ title: 't', subject: 't', lang: 'nb', footerLeft: 'f', page: String, content: [{ text }] })),
    );
    expect(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })).toContain(expected);
  });
});
