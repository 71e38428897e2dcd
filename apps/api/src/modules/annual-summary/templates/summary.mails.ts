import { layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

const day = (lang: MailLanguage, iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nb-NO', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/** To an agency that has not submitted: reporting has opened, or a reminder before the deadline. */
export function reportReminderMail(
  lang: MailLanguage,
  v: { name: string; agencyName: string; year: number; deadline: string; opening: boolean; today: string; url: string },
): RenderedMail {
  const last = v.today === v.deadline;
  if (lang === 'en') {
    const heading = v.opening
      ? `The ${v.year} annual report is open`
      : last
        ? `Today is the deadline for the ${v.year} annual report`
        : `Reminder: the ${v.year} annual report`;
    const m = layout(
      'en',
      heading,
      [
        `Hello ${v.name},`,
        `${v.agencyName}'s short report on its year with apprentices is due ${day('en', v.deadline)}. The form is filled in with the figures Lærenett has: apprentices, trades, gatherings and events.`,
        'Add how the year went, what worked, the challenges, the trades you have assessed for next year and your target, then submit.',
      ],
      { label: 'Write the report', url: v.url },
    );
    return { ...m, subject: heading };
  }
  const heading = v.opening
    ? `Årsrapporten for ${v.year} er åpnet`
    : last
      ? `I dag er fristen for årsrapporten for ${v.year}`
      : `Påminnelse: årsrapporten for ${v.year}`;
  const m = layout(
    'nb',
    heading,
    [
      `Hei ${v.name},`,
      `Fristen for ${v.agencyName} sin korte oppsummering av året med lærlinger er ${day('nb', v.deadline)}. Skjemaet er fylt ut med tallene Lærenett har: lærlinger, lærefag, samlinger og arrangementer.`,
      'Skriv hvordan året gikk, hva som fungerte, utfordringer, hvilke lærefag dere har vurdert for neste år og måltallet, og send inn.',
    ],
    { label: 'Skriv rapporten', url: v.url },
  );
  return { ...m, subject: heading };
}

/** To the ministry, the day after the deadline: which agencies have not submitted. */
export function lateReportsMail(
  lang: MailLanguage,
  v: { name: string; year: number; late: string[]; total: number; url: string },
): RenderedMail {
  if (lang === 'en') {
    const heading = v.late.length
      ? `${v.late.length} of ${v.total} agencies have not submitted their ${v.year} report`
      : `Every agency has submitted its ${v.year} report`;
    const m = layout(
      'en',
      heading,
      [
        `Hello ${v.name},`,
        ...(v.late.length
          ? [`Not submitted:\n${v.late.join('\n')}`, 'They still can; the compilation takes what has been submitted when it runs.']
          : ['The summary can be compiled.']),
      ],
      { label: 'See the status', url: v.url },
    );
    return { ...m, subject: heading };
  }
  const heading = v.late.length
    ? `${v.late.length} av ${v.total} virksomheter har ikke levert årsrapporten for ${v.year}`
    : `Alle virksomhetene har levert årsrapporten for ${v.year}`;
  const m = layout(
    'nb',
    heading,
    [
      `Hei ${v.name},`,
      ...(v.late.length
        ? [`Ikke levert:\n${v.late.join('\n')}`, 'De kan fortsatt levere; sammenstillingen tar med det som er levert når den kjøres.']
        : ['Oppsummeringen kan sammenstilles.']),
    ],
    { label: 'Se status', url: v.url },
  );
  return { ...m, subject: heading };
}

/** To the agency: the ministry reopened its submitted report. */
export function reportReopenedMail(
  lang: MailLanguage,
  v: { name: string; agencyName: string; year: number; reason: string; by: string; url: string },
): RenderedMail {
  if (lang === 'en') {
    const m = layout(
      'en',
      `Your ${v.year} report has been reopened`,
      [
        `Hello ${v.name},`,
        `${v.by} has reopened ${v.agencyName}'s report so it can be changed:`,
        v.reason,
        'Make the changes and submit it again.',
      ],
      { label: 'Open the report', url: v.url },
    );
    return { ...m, subject: `The ${v.year} report has been reopened` };
  }
  const m = layout(
    'nb',
    `Årsrapporten for ${v.year} er åpnet igjen`,
    [
      `Hei ${v.name},`,
      `${v.by} har åpnet rapporten til ${v.agencyName} igjen slik at den kan endres:`,
      v.reason,
      'Gjør endringene og send den inn på nytt.',
    ],
    { label: 'Åpne rapporten', url: v.url },
  );
  return { ...m, subject: `Årsrapporten for ${v.year} er åpnet igjen` };
}

/** The compiled summary, to each network member and agency coordinator, with the PDF attached. */
export function summaryMail(
  lang: MailLanguage,
  v: {
    name: string;
    areaName: string;
    year: number;
    apprentices: number;
    change: number;
    targetSum: number;
    reported: number;
    expected: number;
    url: string;
  },
): RenderedMail {
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  if (lang === 'en') {
    const m = layout(
      'en',
      `Annual summary ${v.year}: ${v.areaName}`,
      [
        `Hello ${v.name},`,
        `Here is the ${v.year} summary of apprentices in ${v.areaName}, attached as a PDF.`,
        `Apprentices on 1 October: ${v.apprentices} (${signed(v.change)} from last year), against targets adding up to ${v.targetSum}. ${v.reported} of ${v.expected} agencies reported.`,
      ],
      { label: 'Read it in Lærenett', url: v.url },
    );
    return { ...m, subject: `Annual summary ${v.year} – ${v.areaName}` };
  }
  const m = layout(
    'nb',
    `Årsoppsummering ${v.year}: ${v.areaName}`,
    [
      `Hei ${v.name},`,
      `Her er oppsummeringen av lærlingåret ${v.year} i ${v.areaName}, vedlagt som PDF.`,
      `Lærlinger 1. oktober: ${v.apprentices} (${signed(v.change)} fra i fjor), mot måltall på til sammen ${v.targetSum}. ${v.reported} av ${v.expected} virksomheter leverte rapport.`,
    ],
    { label: 'Les den i Lærenett', url: v.url },
  );
  return { ...m, subject: `Årsoppsummering ${v.year} – ${v.areaName}` };
}
