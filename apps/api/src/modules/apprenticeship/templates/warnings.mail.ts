import { WarningKind } from '@laerenett/shared-domain';
import { dateText, layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

export interface WarningLine {
  apprentice: string;
  agency: string;
  kind: WarningKind;
  date: string;
}

const TEXT: Record<WarningKind, Record<MailLanguage, (date: string) => string>> = {
  [WarningKind.STARTUP_TALK_OVERDUE]: {
    nb: (d) => `oppstartsamtalen skulle vært holdt innen ${d}`,
    en: (d) => `the start-up talk was due by ${d}`,
  },
  [WarningKind.ASSESSMENT_OVERDUE]: {
    nb: (d) => `vurderingssamtalen forfalt ${d}`,
    en: (d) => `the assessment conversation was due on ${d}`,
  },
  [WarningKind.TRADE_TEST_NOT_REGISTERED]: {
    nb: (d) => `fagprøven er ikke meldt opp (skulle vært meldt innen ${d})`,
    en: (d) => `the trade test is not registered (due by ${d})`,
  },
  [WarningKind.LONG_INTERRUPTION]: { nb: (d) => `avbrudd siden ${d}, fortsatt åpent`, en: (d) => `interrupted since ${d}, still open` },
  [WarningKind.PROBATION_ENDING]: { nb: (d) => `prøvetiden slutter ${d}`, en: (d) => `probation ends on ${d}` },
  [WarningKind.ENDING_WITHOUT_PLAN]: {
    nb: (d) => `kontrakten slutter ${d}, og det er ingen plan for tiden etter`,
    en: (d) => `the contract ends on ${d} with no plan for after`,
  },
};

/** The daily early-warning list of one responsible person. */
export function warningsMail(lang: MailLanguage, d: { name: string; lines: WarningLine[]; url: string }): RenderedMail {
  const lines = d.lines.map((l) => `• ${l.apprentice} (${l.agency}): ${TEXT[l.kind][lang](dateText(lang, l.date))}`).join('\n');
  if (lang === 'en') {
    return {
      ...layout(
        'en',
        'Apprentices to follow up',
        [`Hello ${d.name},`, 'These apprentices you are responsible for need follow-up:', lines],
        {
          label: 'Open the early warnings',
          url: d.url,
        },
      ),
      subject: `Lærenett: ${d.lines.length} early warning${d.lines.length === 1 ? '' : 's'} about apprentices`,
    };
  }
  return {
    ...layout(
      'nb',
      'Lærlinger som trenger oppfølging',
      [`Hei, ${d.name}!`, 'Disse lærlingene du har ansvar for, trenger oppfølging:', lines],
      {
        label: 'Åpne varslene',
        url: d.url,
      },
    ),
    subject: `Lærenett: ${d.lines.length} ${d.lines.length === 1 ? 'varsel' : 'varsler'} om lærlinger`,
  };
}
