/**
 * pdfmake, set up once for every PDF Lærenett makes: the standard Helvetica fonts only, and no
 * access to URLs or files (documents are built from the platform's own data), plus the house
 * page layout shared by the action plan and the follow-up documents (the December summary is drawn
 * in the same style by common/pdf-flow.ts).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LEAN, leanStandardFont, StandardFontLike, unkerned } from './pdf-fonts';
import type { PdfLanguage } from './pdf-text';

export { dateText, type PdfLanguage } from './pdf-text';

// pdfmake's Node entry exports an instance whose methods live on its prototype, so it is
// required as it is rather than through an ES namespace import (which copies own keys only).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pdfmake: typeof import('pdfmake') = require('pdfmake');

/** What pdfmake keeps of a word laid out on a line (the part this file reads). */
interface LaidOutInline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  [other: string]: unknown;
}
/** Properties that make an inline draw differently from plain text: such inlines are drawn on their own. */
const SPECIAL = ['link', 'linkToPage', 'linkToDestination', 'decoration', 'background', 'sup', 'sub', '_pageNodeRef', 'fontFeatures'];
const plain = (i: LaidOutInline) => SPECIAL.every((k) => i[k] === undefined || i[k] === null || i[k] === false);

/**
 * pdfmake lays text out word by word and then draws every word as a text object of its own
 * (its renderer says so: "TODO: line.optimizeInlines()"). Words that follow each other on a line
 * in the same font, size, colour and spacing are drawn as one string at the first word's place:
 * the same page, a fraction of the drawing work and of the file's text operators. The layout
 * measured each word on its own, so a merged string must not be kerned where one word meets the
 * next (Helvetica kerns a space before "T", "V" or "‘"): it carries where its words start
 * (`wordStarts`), and only fonts that draw it so (`joinable`) are merged.
 */
export function mergeInlines(inlines: LaidOutInline[], joinable: (font: unknown) => boolean = () => true): LaidOutInline[] {
  const out: LaidOutInline[] = [];
  let run: LaidOutInline[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]);
    else if (run.length > 1) {
      const wordStarts: number[] = [];
      let at = 0;
      for (const r of run) {
        if (at > 0) wordStarts.push(at);
        at += r.text.length;
      }
      out.push({ ...run[0], text: run.map((r) => r.text).join(''), width: run.reduce((w, r) => w + r.width, 0), wordStarts });
    }
    run = [];
  };
  for (const i of inlines) {
    const last = run[run.length - 1];
    const joins =
      last &&
      plain(i) &&
      last.font === i.font &&
      last.fontSize === i.fontSize &&
      last.color === i.color &&
      last.opacity === i.opacity &&
      last.characterSpacing === i.characterSpacing &&
      Math.abs(last.x + last.width - i.x) < 0.01;
    if (!joins) flush();
    if (plain(i) && joinable(i.font)) run.push(i);
    else out.push(i);
  }
  flush();
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: Renderer } = require('pdfmake/js/Renderer') as {
  default: { prototype: { renderLine(line: { inlines: LaidOutInline[] }, x: number, y: number): void } };
};
const renderLine = Renderer.prototype.renderLine;
Renderer.prototype.renderLine = function (this: unknown, line, x, y) {
  if (line.inlines.length > 1) {
    line.inlines = mergeInlines(line.inlines, (font) => (font as StandardFontLike)[LEAN] !== undefined);
    for (const i of line.inlines) if (i['wordStarts']) unkerned.set(i.text, i['wordStarts'] as number[]);
  }
  try {
    renderLine.call(this, line, x, y);
  } finally {
    unkerned.clear();
  }
};

/**
 * pdfmake measures every word with kerning each time it meets it; a document's words repeat a
 * great deal (table cells, labels, the same phrases in many reports). Widths are kept per font
 * (a document's own font objects, so the cache goes with the document) and size: the same numbers.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: TextInlines } = require('pdfmake/js/TextInlines') as {
  default: {
    prototype: {
      widthOfText(text: string, inline: { font: object; fontSize: number; fontFeatures?: unknown; characterSpacing?: number }): number;
      buildInlines(textArray: unknown, stack: Answering | null | undefined): unknown;
    };
  };
};
const widthOfText = TextInlines.prototype.widthOfText;
const widths = new WeakMap<object, Map<string, number>>();
TextInlines.prototype.widthOfText = function (this: unknown, text, inline) {
  if (inline.fontFeatures || inline.characterSpacing) return widthOfText.call(this, text, inline);
  let known = widths.get(inline.font);
  if (!known) widths.set(inline.font, (known = new Map()));
  const key = `${inline.fontSize}\u0000${text}`;
  let width = known.get(key);
  if (width === undefined) known.set(key, (width = widthOfText.call(this, text, inline)));
  return width;
};

interface ColourSetter {
  _normalizeColor(colour: unknown): number[] | null;
  _setColorSpace(space: string, stroke: boolean): unknown;
  addContent(op: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: PdfDocument } = require('pdfmake/js/PDFDocument') as {
  default: {
    prototype: {
      provideFont(family: string, bold: boolean, italics: boolean): StandardFontLike;
      _setColorCore(colour: unknown, stroke: boolean): boolean;
    };
  };
};
const provideFont = PdfDocument.prototype.provideFont;
PdfDocument.prototype.provideFont = function (this: unknown, family, bold, italics) {
  const font = provideFont.call(this, family, bold, italics);
  leanStandardFont(font);
  return font;
};

/**
 * pdfkit parses a colour such as "#1e2b3c" into three fractions every time one is set, which
 * pdfmake does for every word it draws: the operands are kept per colour (the same operators).
 */
const rgbOperands = new Map<string, string>();
const setColorCore = PdfDocument.prototype._setColorCore;
PdfDocument.prototype._setColorCore = function (this: ColourSetter, colour, stroke) {
  if (typeof colour !== 'string' || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) return setColorCore.call(this, colour, stroke);
  let operands = rgbOperands.get(colour);
  if (operands === undefined) rgbOperands.set(colour, (operands = (this._normalizeColor(colour) as number[]).join(' ')));
  this._setColorSpace('DeviceRGB', stroke);
  this.addContent(`${operands} ${stroke ? 'SCN' : 'scn'}`);
  return true;
};

/**
 * pdfmake looks every word's style up through its style stack, about twenty properties a word,
 * and each look-up made a closure and a Set and pushed and popped the word through a callback:
 * most of a large document's garbage. The same look-ups without the allocations (named styles
 * that extend others still go the original way).
 */
interface StyleStack {
  styleOverrides: unknown[];
  styleDictionary: Record<string, Record<string, unknown> | undefined>;
  defaultStyle?: Record<string, unknown>;
  autopush(item: unknown): number;
  pop(n: number): void;
  getProperty(property: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { default: StyleContextStack } = require('pdfmake/js/StyleContextStack') as {
  default: {
    prototype: StyleStack;
    getStyleProperty(item: Record<string, unknown>, stack: StyleStack | null | undefined, property: string, defaultValue: unknown): unknown;
  };
};
const isValue = (v: unknown) => v !== undefined && v !== null;
const getProperty = StyleContextStack.prototype.getProperty;
StyleContextStack.prototype.getProperty = function (this: StyleStack, property: string) {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (typeof item === 'string' || item instanceof String) {
        const style = this.styleDictionary[String(item)];
        if (!style) continue;
        if (style['extends'] !== undefined) return getProperty.call(this, property);
        if (isValue(style[property])) return style[property];
      } else if (isValue((item as Record<string, unknown>)[property])) return (item as Record<string, unknown>)[property];
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
};
/** While a text's inlines are built, the stack does not change: what it answers per property is kept. */
const ANSWERS = Symbol('answers');
type Answering = StyleStack & { [ANSWERS]?: Map<string, unknown> };
StyleContextStack.getStyleProperty = (item, stack: Answering | null | undefined, property, defaultValue) => {
  if (isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  let value: unknown;
  if (item['style'] === undefined) {
    // Pushed, an item without a style of its own could only answer from its own properties, and it
    // has no value for this one: the stack below it answers, as it did for the item before.
    const answers = stack[ANSWERS];
    if (!answers) value = stack.getProperty(property);
    else if (answers.has(property)) value = answers.get(property);
    else answers.set(property, (value = stack.getProperty(property)));
  } else {
    const pushed = stack.autopush(item);
    value = stack.getProperty(property);
    if (pushed > 0) stack.pop(pushed);
  }
  return isValue(value) ? value : defaultValue;
};
const buildInlines = TextInlines.prototype.buildInlines;
TextInlines.prototype.buildInlines = function (this: unknown, textArray, stack) {
  if (!stack || stack[ANSWERS]) return buildInlines.call(this, textArray, stack);
  stack[ANSWERS] = new Map();
  try {
    return buildInlines.call(this, textArray, stack);
  } finally {
    stack[ANSWERS] = undefined;
  }
};

/**
 * pdfmake's `measure` asks the style stack some twenty properties for every word. Most words are
 * bare (a plain string's words: no style of their own), and every bare word of one text gets the
 * same answers: they are asked once per text and copied; other words are measured by pdfmake's
 * own code, one at a time, as before.
 */
interface Word {
  text: string;
  font?: { lineHeight(size: number): number };
  fontSize?: number;
  [key: string]: unknown;
}
interface Measurer {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): Word['font'] };
  widthOfText(text: string, item: Word): number;
  measure(words: Word[], stack: Answering | null | undefined): Word[];
}
/** What a word may carry and still take every style from the stack (pdfmake's own bookkeeping). */
const BARE_KEYS = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);
const isBare = (w: Word) => {
  for (const k in w) if (!BARE_KEYS.has(k)) return false;
  return true;
};
/** The properties measure copies onto a word, in its order, with its defaults (stored by name below, in this order). */
const WORD_STYLE: [string, unknown][] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];
// pdfmake's own patterns (TextInlines.js), global as there: `match` gives the whole run.
const LEADING_SPACE = /^(\s)+/g;
const TRAILING_SPACE = /(\s)+$/g;
const measureProto = TextInlines.prototype as unknown as Measurer;
const measureWords = measureProto.measure;
measureProto.measure = function (this: Measurer, words, stack) {
  if (!stack || words.length === 0) return measureWords.call(this, words, stack);
  const style = (w: object, property: string, defaultValue: unknown) =>
    StyleContextStack.getStyleProperty(w as Record<string, unknown>, stack, property, defaultValue);
  // A word past the first that pdfmake would indent: the rare case goes pdfmake's way whole.
  for (let i = 1; i < words.length; i++)
    if (!isBare(words[i]) && style(words[i], 'leadingIndent', 0)) return measureWords.call(this, words, stack);
  let shared: { font: Word['font']; values: unknown[]; lineHeight: number; keepLeading: unknown; keepTrailing: unknown } | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isBare(w)) {
      measureWords.call(this, [w], stack);
      continue;
    }
    if (i === 0) {
      const leadingIndent = style(w, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        w['leadingCut'] = -leadingIndent;
        w['leadingIndent'] = leadingIndent;
      }
    }
    if (!shared) {
      const none = {};
      shared = {
        font: this.pdfDocument.provideFont(style(none, 'font', 'Roboto'), style(none, 'bold', false), style(none, 'italics', false)),
        values: WORD_STYLE.map(([property, defaultValue]) => style(none, property, defaultValue)),
        lineHeight: style(none, 'lineHeight', 1) as number,
        keepLeading: style(none, 'preserveLeadingSpaces', false),
        keepTrailing: style(none, 'preserveTrailingSpaces', false),
      };
    }
    // Named stores, in measure's order: keyed ones in a loop would turn each word into a slow, larger dictionary object.
    const v = shared.values;
    w.font = shared.font;
    w['alignment'] = v[0];
    w.fontSize = v[1] as number;
    w['fontFeatures'] = v[2];
    w['characterSpacing'] = v[3];
    w['color'] = v[4];
    w['decoration'] = v[5];
    w['decorationColor'] = v[6];
    w['decorationStyle'] = v[7];
    w['decorationThickness'] = v[8];
    w['background'] = v[9];
    w['link'] = v[10];
    w['linkToPage'] = v[11];
    w['linkToDestination'] = v[12];
    w['noWrap'] = v[13];
    w['opacity'] = v[14];
    w['sup'] = v[15];
    w['sub'] = v[16];
    if (w['sup'] || w['sub']) w.fontSize = (w.fontSize as number) * 0.58;
    w['width'] = this.widthOfText(w.text, w);
    w['height'] = (w.font as NonNullable<Word['font']>).lineHeight(w.fontSize as number) * shared.lineHeight;
    if (!w['leadingCut']) w['leadingCut'] = 0;
    if (!shared.keepLeading) {
      const leading = w.text.match(LEADING_SPACE);
      if (leading) w['leadingCut'] = (w['leadingCut'] as number) + this.widthOfText(leading[0], w);
    }
    w['trailingCut'] = 0;
    if (!shared.keepTrailing) {
      const trailing = w.text.match(TRAILING_SPACE);
      if (trailing) w['trailingCut'] = this.widthOfText(trailing[0], w);
    }
  }
  return words;
};

pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
pdfmake.setUrlAccessPolicy(() => false);
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

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
