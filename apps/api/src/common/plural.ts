/** "1 vakt", "2 vakter": a count with the noun in the form the language's plural rules want. */
const RULES = { nb: new Intl.PluralRules('nb'), en: new Intl.PluralRules('en') };

export function counted(lang: 'nb' | 'en', n: number, one: string, other: string): string {
  return `${n} ${RULES[lang].select(n) === 'one' ? one : other}`;
}
