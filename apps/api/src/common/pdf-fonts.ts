/**
 * pdfkit encodes a string for the standard fonts one character at a time through four arrays and a
 * kerning look-up that builds a string key per pair of letters ("encode", again to measure it):
 * most of drawing a large document's text, and much of its garbage. The same numbers from tables
 * kept per font and character code, filled as characters are met; kerning by a numeric key.
 * Used by pdfmake's documents (common/pdf.ts, through the fonts it provides) and by the flow drawn
 * on pdfkit (common/pdf-flow.ts).
 */
interface AfmFont {
  attributes: Record<string, unknown>;
  encodeText(text: string): string[];
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string | undefined): number;
}
export interface StandardFontLike {
  font?: AfmFont;
  encode(text: string, features?: unknown): [string[], Position[]];
  widthOfString(text: string, size: number, features?: unknown): number;
  [LEAN]?: AfmTables;
}
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
export const LEAN = Symbol('lean');
/** The strings of the line being drawn that are merged words, with where each word starts (see mergeInlines). */
export const unkerned = new Map<string, number[]>();
/**
 * What is drawn for a character outside WinAnsi that has no letter without marks: a near letter or
 * the usual plain-text spelling of a sign.
 */
const NEAR: Record<string, string> = {
  đ: 'd',
  Đ: 'D',
  ŋ: 'n',
  Ŋ: 'N',
  ŧ: 't',
  Ŧ: 'T',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '✓': 'v',
  '✔': 'v',
};
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const QUESTION = [0x3f];
const SPACE = [0x20];
const NOTHING: number[] = [];

class AfmTables {
  private readonly hex = new Map<number, string>();
  private readonly glyph = new Map<number, string>();
  private readonly width = new Map<number, number>();
  private readonly kerns = new Map<number, number>();
  private readonly drawn = new Map<number, number[]>();
  constructor(private readonly afm: AfmFont) {}

  private encodable(code: number) {
    return parseInt(this.afm.encodeText(String.fromCharCode(code))[0], 16) <= 0xff;
  }
  /**
   * The WinAnsi characters drawn for a character. The standard fonts draw WinAnsi only, and pdfkit
   * writes any other character as a code of three or four hex digits, which shifts every character
   * after it into garbage ("Čáhcesuolu" came out as "Î†6W7VöÇRK"). Such a character is drawn as
   * its letter without marks ("Č" → "C"), a near letter or spelling ("đ" → "d", "≥" → ">="), or
   * "?" (an emoji: one "?" for its pair of UTF-16 units).
   */
  glyphsOf(code: number): number[] {
    let seq = this.drawn.get(code);
    if (seq) return seq;
    const ch = String.fromCharCode(code);
    const base = ch.normalize('NFD').charCodeAt(0);
    // A tab as a space; other control characters and combining marks left over after NFC draw nothing
    // (pdfkit would write a control character as one hex digit: the same garbage after it).
    if (code === 0x09) seq = SPACE;
    else if (code < 0x20 || code === 0x7f || (code >= 0x300 && code <= 0x36f) || isTrailSurrogate(code)) seq = NOTHING;
    else if (this.encodable(code)) seq = [code];
    else if (base !== code && this.encodable(base)) seq = [base];
    else if (NEAR[ch] !== undefined) seq = [...NEAR[ch]].map((c) => c.charCodeAt(0));
    else seq = QUESTION;
    this.drawn.set(code, seq);
    return seq;
  }
  private learn(code: number) {
    const glyph = this.afm.characterToGlyph(code);
    this.hex.set(code, this.afm.encodeText(String.fromCharCode(code))[0]);
    this.glyph.set(code, glyph);
    this.width.set(code, this.afm.widthOfGlyph(glyph));
  }
  /** A WinAnsi character's code as pdfkit writes it. */
  hexOf(code: number): string {
    if (!this.hex.has(code)) this.learn(code);
    return this.hex.get(code) as string;
  }
  /** A WinAnsi character's width in thousandths of the size. */
  widthOf(code: number): number {
    if (!this.width.has(code)) this.learn(code);
    return this.width.get(code) as number;
  }
  /** What pdfkit adds between two WinAnsi characters. */
  kern(left: number, right: number): number {
    const key = left * 0x10000 + right;
    let k = this.kerns.get(key);
    if (k === undefined) {
      this.widthOf(left);
      this.widthOf(right);
      this.kerns.set(key, (k = this.afm.getKernPair(this.glyph.get(left) as string, this.glyph.get(right))));
    }
    return k;
  }
}
/** The standard fonts' tables, per font name: the same metrics in every document. */
const afmTables = new Map<string, AfmTables>();
export function leanStandardFont(font: StandardFontLike) {
  const afm = font.font;
  const name = afm?.attributes?.['FontName'];
  if (font[LEAN] !== undefined || !afm || typeof name !== 'string' || typeof afm.getKernPair !== 'function') return;
  let tables = afmTables.get(name);
  if (!tables) afmTables.set(name, (tables = new AfmTables(afm)));
  const t = tables;
  font[LEAN] = t;
  font.encode = (text: string) => {
    const s = `${text}`;
    const encoded: string[] = [];
    const positions: Position[] = [];
    // Words merged into one string are not kerned where they meet (mergeInlines).
    const starts = unkerned.get(s);
    let next = 0;
    let last: Position | null = null;
    let lastCode = -1;
    for (let i = 0; i < s.length; i++) {
      while (starts && next < starts.length && starts[next] < i) next++;
      const wordStart = !!starts && next < starts.length && starts[next] === i;
      const glyphs = t.glyphsOf(s.charCodeAt(i));
      for (let j = 0; j < glyphs.length; j++) {
        const code = glyphs[j];
        // As pdfkit: the kerning with the next character goes into a character's advance.
        if (last && !(j === 0 && wordStart)) last.xAdvance += t.kern(lastCode, code);
        const width = t.widthOf(code);
        encoded.push(t.hexOf(code));
        positions.push((last = { xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: width }));
        lastCode = code;
      }
    }
    return [encoded, positions];
  };
  font.widthOfString = (text: string, size: number) => {
    const s = `${text}`;
    let width = 0;
    let lastCode = -1;
    for (let i = 0; i < s.length; i++) {
      const glyphs = t.glyphsOf(s.charCodeAt(i));
      for (let j = 0; j < glyphs.length; j++) {
        if (lastCode >= 0) width += t.kern(lastCode, glyphs[j]);
        width += t.widthOf(glyphs[j]);
        lastCode = glyphs[j];
      }
    }
    return width * (size / 1000);
  };
}
