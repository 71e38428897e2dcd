/**
 * pdfmake, set up once for every PDF Lærenett makes: the standard Helvetica fonts only, and no
 * access to URLs or files (documents are built from the platform's own data), plus the house
 * page layout shared by the action plan and the December summary.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake's Node entry exports an instance whose methods live on its prototype, so it is
// required as it is rather than through an ES namespace import (which copies own keys only).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pdfmake: typeof import('pdfmake') = require('pdfmake');

pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
pdfmake.setUrlAccessPolicy(() => false);
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

export type PdfLanguage = 'nb' | 'en';

/** A day as "7. desember 2026" / "7 December 2026". */
export const dateText = (lang: PdfLanguage, iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The house layout: A4, Helvetica, headings, and a footer with the day it was made and page numbers. */
export function houseDocument(opts: {
  title: string;
  subject: string;
  lang: PdfLanguage;
  footerLeft: string;
  page: (p: number, n: number) => string;
  content: Content[];
}): TDocumentDefinitions {
  return {
    info: { title: opts.title, author: 'Lærenett', subject: opts.subject },
    language: opts.lang === 'en' ? 'en-GB' : 'nb-NO',
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2, color: '#1e2b3c' },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 0, 0, 2] },
      lead: { fontSize: 13, color: '#555555', margin: [0, 0, 0, 12] },
      h2: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] },
      th: { bold: true, fontSize: 9 },
      meta: { color: '#555555', margin: [0, 0, 0, 6] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: opts.footerLeft, fontSize: 8, color: '#555555' },
        { text: opts.page(page, pages), fontSize: 8, color: '#555555', alignment: 'right' },
      ],
      margin: [48, 16, 48, 0],
    }),
    content: opts.content,
  };
}

/**
 * Renders a document. pdfmake writes its layout into the content nodes it is given (a list's
 * strings become objects), so it gets a copy: the caller's data is never changed by rendering.
 */
export const renderPdf = (doc: TDocumentDefinitions): Promise<Buffer> =>
  pdfmake.createPdf({ ...doc, content: structuredClone(doc.content) }).getBuffer();
