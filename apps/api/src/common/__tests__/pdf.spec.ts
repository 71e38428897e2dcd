import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { houseDocument, mergeInlines, renderPdf } from '../pdf';

const font = { name: 'Helvetica' };
const word = (text: string, x: number, extra: Record<string, unknown> = {}) => ({
  text,
  x,
  width: text.length * 5,
  font,
  fontSize: 10,
  color: '#000',
  ...extra,
});

describe('mergeInlines', () => {
  it('draws the words that follow each other in one style as one string at the first word’s place', () => {
    const merged = mergeInlines([word('Vi ', 0), word('tok ', 15), word('inn', 35)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ text: 'Vi tok inn', x: 0, width: 50, wordStarts: [3, 7] });
  });

  it('keeps apart what draws differently: another font, size or colour, a link, a gap', () => {
    const bold = { name: 'Helvetica-Bold' };
    const merged = mergeInlines([
      word('Året: ', 0, { font: bold }),
      word('Et ', 30),
      word('år ', 45),
      word('her', 60, { link: 'https://laerenett.no' }),
      word(' og', 75),
      word('der', 200),
      word('stort', 215, { fontSize: 12 }),
      word('rødt', 240, { color: '#c30000' }),
    ]);
    expect(merged.map((i) => i.text)).toEqual(['Året: ', 'Et år ', 'her', ' og', 'der', 'stort', 'rødt']);
  });

  it('says where each merged word starts (not to be kerned against the word before), and merges only joinable fonts', () => {
    const merged = mergeInlines([word('Vi ', 0), word('tok ', 15), word('To ', 35), word('til', 50)]);
    expect(merged).toEqual([expect.objectContaining({ text: 'Vi tok To til', wordStarts: [3, 7, 10] })]);
    const other = { name: 'Custom' };
    const apart = mergeInlines([word('Vi ', 0, { font: other }), word('tok', 15, { font: other })], (f) => f !== other);
    expect(apart.map((i) => i.text)).toEqual(['Vi ', 'tok']);
  });

  it('leaves the words it was given unchanged', () => {
    const words = [word('a ', 0), word('b', 10)];
    mergeInlines(words);
    expect(words.map((w) => w.text)).toEqual(['a ', 'b']);
  });
});

describe('renderPdf', () => {
  it('renders text that wraps over lines and pages as readable text, in reading order', async () => {
    const paragraph = 'Vi tok inn nye lærlinger og fulgte dem opp tett gjennom hele året. '.repeat(12);
    const pdf = await renderPdf(
      houseDocument({
        title: 'Prøve',
        subject: 'Prøve',
        lang: 'nb',
        footerLeft: 'Lærenett',
        page: (p, n) => `Side ${p} av ${n}`,
        content: Array.from({ length: 60 }, (_, i) => ({ text: [{ text: `Rapport ${i + 1}: `, bold: true }, paragraph] })),
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Rapport 1: Vi tok inn nye lærlinger og fulgte dem opp tett gjennom hele året. Vi tok inn');
    expect(flat).toContain('Rapport 60: Vi tok inn');
    expect(flat.indexOf('Rapport 59:')).toBeLessThan(flat.indexOf('Rapport 60:'));
    expect(text).toMatch(/Side 1 av (\d+)/);
  });
});

/** Every word on every page with its box, as poppler reads it (rounded to a hundredth of a point). */
function wordBoxes(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-words-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  const html = execFileSync('pdftotext', ['-bbox', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, a, b, c, d, w]) => `${w} ${[a, b, c, d].map((n) => Number(n).toFixed(2)).join(' ')}`,
  );
}

describe('pdfmake as Lærenett patches it', () => {
  it('lays every word out where pdfmake itself does: styles, extended styles, tables, lists, columns', async () => {
    const doc: TDocumentDefinitions = {
      pageSize: 'A4',
      defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
      styles: {
        h: { fontSize: 15, bold: true },
        sub: { extends: 'h', fontSize: 12 },
        th: { bold: true, fontSize: 9 },
        quiet: { color: '#555555', italics: true },
      },
      content: [
        { text: 'Årsoppsummering 2026', style: 'h' },
        { text: 'Virksomhetenes rapporter', style: 'sub' },
        {
          text: [
            'Året som gikk: ',
            { text: 'uthevet ', bold: true },
            { text: 'og dempet ', style: ['quiet'] },
            'og vanlig tekst – «sitat» og neste års ‘mål’. '.repeat(20),
          ],
        },
        {
          table: {
            headerRows: 1,
            widths: ['*', 40, 40],
            body: [
              [
                { text: 'Virksomhet', style: 'th' },
                { text: 'Nå', style: 'th' },
                { text: 'Mål', style: 'th' },
              ],
              ...Array.from({ length: 80 }, (_, i) => [
                `Direktoratet for område ${i}`,
                String(i),
                { text: String(i * 2), color: '#c30000' },
              ]),
            ],
          },
          fontSize: 8,
        },
        { ul: ['Første punkt i lista', { text: 'Andre punkt, uthevet', bold: true }], style: 'quiet' },
        { columns: [{ text: 'Venstre kolonne med litt tekst' }, { text: 'Høyre kolonne', alignment: 'right', fontSize: 12 }] },
      ],
    };
    const patched = await renderPdf(doc);
    let original: Buffer | undefined;
    await jest.isolateModulesAsync(async () => {
      // A fresh pdfmake from its own files, as its authors ship it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const plain: typeof import('pdfmake') = require('pdfmake');
      plain.setFonts({
        Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
      });
      plain.setUrlAccessPolicy(() => false);
      plain.setLocalAccessPolicy((path) => path.startsWith('Helvetica'));
      original = await plain.createPdf({ ...doc, content: structuredClone(doc.content) }).getBuffer();
    });
    const words = wordBoxes(patched);
    expect(words.length).toBeGreaterThan(300);
    expect(words).toEqual(wordBoxes(original as Buffer));
  });
});
