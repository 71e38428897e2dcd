import { describe, expect, it } from 'vitest';
import i18n from './index';
import { en } from './en';
import { nb } from './nb';

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );
const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the portal’s texts', () => {
  const N = flatten(nb as unknown as Tree);
  const E = flatten(en as unknown as Tree);

  it('has every text in both bokmål and English (a missing English text would show Norwegian in an English page)', () => {
    expect(Object.keys(E).filter((k) => !(k in N))).toEqual([]);
    expect(Object.keys(N).filter((k) => !(k in E))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differ = Object.keys(N).filter((k) => k in E && vars(N[k]).join() !== vars(E[k]).join());
    expect(differ).toEqual([]);
  });

  it('gives every counted text its singular and plural form', () => {
    const counted = [
      ...new Set(
        Object.keys(N)
          .filter((k) => vars(N[k]).includes('count'))
          .map(base),
      ),
    ];
    const incomplete = counted.filter((k) => !(`${k}_one` in N && `${k}_other` in N && `${k}_one` in E && `${k}_other` in E));
    expect(incomplete).toEqual([]);
  });

  it('says "1 medlem" and "2 medlemmer", "1 member" and "2 members"', async () => {
    expect(i18n.t('network.members', { count: 1 })).toBe('1 medlem');
    expect(i18n.t('network.members', { count: 2 })).toBe('2 medlemmer');
    await i18n.changeLanguage('en');
    expect(i18n.t('network.members', { count: 1 })).toBe('1 member');
    expect(i18n.t('network.members', { count: 0 })).toBe('0 members');
  });
});
