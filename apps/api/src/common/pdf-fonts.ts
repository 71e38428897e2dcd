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
/** Letters outside WinAnsi without a decomposition, and the WinAnsi letter drawn for each. */
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
};
const isTrailSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
class AfmTables {
  private readonly hex = new Map<number, string>();
  private readonly glyph = new Map<number, string>();
  private readonly width = new Map<number, number>();
  private readonly kerns = new Map<number, number>();
  constructor(private readonly afm: AfmFont) {}

  private learn(code: number) {
    if (isTrailSurrogate(code)) {
      // Drawn with the character it ends (see `drawable`): nothing of its own.
      this.hex.set(code, '');
      this.glyph.set(code, '');
      this.width.set(code, 0);
      return;
    }
    const drawn = this.drawable(code);
    const glyph = this.afm.characterToGlyph(drawn);
    this.hex.set(code, this.afm.encodeText(String.fromCharCode(drawn))[0]);
    this.glyph.set(code, glyph);
    this.width.set(code, this.afm.widthOfGlyph(glyph));
  }
  private encodable(code: number) {
    return parseInt(this.afm.encodeText(String.fromCharCode(code))[0], 16) <= 0xff;
  }
  /**
   * The standard fonts draw WinAnsi only; pdfkit writes any other character as a code of three or
   * four hex digits, which shifts every character after it into garbage ("Čáhcesuolu" came out as
   * "Î†6W7VöÇRK"). Such a character is drawn as its letter without marks ("Č" → "C"), a near
   * letter ("đ" → "d", "ŋ" → "n") or "?" (an emoji: one "?" for its pair of UTF-16 units).
   */
  private drawable(code: number): number {
    if (this.encodable(code)) return code;
    const ch = String.fromCharCode(code);
    const base = ch.normalize('NFD').charCodeAt(0);
    if (base !== code && this.encodable(base)) return base;
    return (NEAR[ch] ?? '?').charCodeAt(0);
  }
  /** Whether the character is drawn at all (the second unit of a surrogate pair is not). */
  drawn(code: number): boolean {
    return !isTrailSurrogate(code);
  }
  hexOf(code: number): string {
    if (!this.hex.has(code)) this.learn(code);
    return this.hex.get(code) as string;
  }
  widthOf(code: number): number {
    if (!this.width.has(code)) this.learn(code);
    return this.width.get(code) as number;
  }
  /** What pdfkit adds between two characters (0 after the last: it asks for the pair with `undefined`). */
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
  /** Advance per character in thousandths of the size, as pdfkit's advancesForGlyphs; not kerned before `unkernedAt`. */
  advance(text: string, i: number, unkernedAt = -1): number {
    const code = text.charCodeAt(i);
    return this.widthOf(code) + (i + 1 < text.length && i + 1 !== unkernedAt ? this.kern(code, text.charCodeAt(i + 1)) : 0);
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
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      while (starts && next < starts.length && starts[next] <= i) next++;
      if (!t.drawn(code)) continue;
      encoded.push(t.hexOf(code));
      positions.push({
        xAdvance: t.advance(s, i, starts && next < starts.length ? starts[next] : -1),
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
        advanceWidth: t.widthOf(code),
      });
    }
    return [encoded, positions];
  };
  font.widthOfString = (text: string, size: number) => {
    const s = `${text}`;
    let width = 0;
    for (let i = 0; i < s.length; i++) width += t.advance(s, i);
    return width * (size / 1000);
  };
}
