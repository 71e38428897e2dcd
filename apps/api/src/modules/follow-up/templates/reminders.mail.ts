import { dateText } from '../../../common/pdf';
import { layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

/** One thing to remember: an action's deadline or a meeting, about an apprentice (null: the reader's own). */
export interface ReminderLine {
  kind: 'ACTION' | 'MEETING';
  date: string;
  overdue: boolean;
  apprentice: string | null;
}

const TEXT: Record<MailLanguage, Record<ReminderLine['kind'], (d: string, overdue: boolean) => string>> = {
  nb: {
    ACTION: (d, overdue) => (overdue ? `et tiltak med frist ${d} er ikke merket som utført` : `et tiltak har frist ${d}`),
    MEETING: (d) => `nytt oppfølgingsmøte ${d}`,
  },
  en: {
    ACTION: (d, overdue) => (overdue ? `an action due on ${d} is not marked as done` : `an action is due on ${d}`),
    MEETING: (d) => `the next follow-up meeting is on ${d}`,
  },
};

/**
 * The daily reminder of one person: dates and whom they concern, never what the case is about
 * (concerns, actions' wording stay in Lærenett, behind the sign-in and the read log).
 */
export function remindersMail(lang: MailLanguage, d: { name: string; lines: ReminderLine[]; url: string }): RenderedMail {
  const lines = d.lines
    .map((l) => `• ${l.apprentice ? `${l.apprentice}: ` : ''}${TEXT[lang][l.kind](dateText(lang, l.date), l.overdue)}`)
    .join('\n');
  const n = d.lines.length;
  if (lang === 'en')
    return {
      ...layout('en', 'Follow-up: deadlines and meetings', [`Hello ${d.name},`, 'In the follow-up you take part in:', lines], {
        label: 'Open the follow-up',
        url: d.url,
      }),
      subject: `Lærenett: ${n} follow-up reminder${n === 1 ? '' : 's'}`,
    };
  return {
    ...layout('nb', 'Oppfølging: frister og møter', [`Hei, ${d.name}!`, 'I oppfølgingen du er med i:', lines], {
      label: 'Åpne oppfølgingen',
      url: d.url,
    }),
    subject: `Lærenett: ${n} ${n === 1 ? 'påminnelse' : 'påminnelser'} om oppfølging`,
  };
}
