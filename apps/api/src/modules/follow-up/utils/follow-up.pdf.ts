import type { Content } from 'pdfmake/interfaces';
import {
  AFTER_TERMINATION_LABELS,
  COUNTY_CONTACT_CHANNEL_LABELS,
  EXTERNAL_PARTICIPANT_LABELS,
  FOLLOW_UP_CONCERN_LABELS,
  FOLLOW_UP_STEP_LABELS,
  TERMINATION_CAUSE_LABELS,
  TERMINATION_MODE_LABELS,
} from '@laerenett/shared-domain';
import { dateText, houseDocument, PdfLanguage, renderPdf } from '../../../common/pdf';
import { OSLO } from '../../../common/time';
import type { FollowUpExport } from '../export.service';

/** When a case was read, in Oslo time (2026-11-30 10:12). */
const READ_AT = new Intl.DateTimeFormat('sv-SE', { timeZone: OSLO, dateStyle: 'short', timeStyle: 'short' });

const T = {
  nb: {
    title: 'Det Lærenett har om deg',
    lead: (name: string) => `${name} · oppfølging i læretiden`,
    person: 'Deg',
    email: 'E-post',
    apprenticeships: 'Læreforhold',
    cases: 'Oppfølgingssaker',
    noCases: 'Det er ingen oppfølgingssaker om deg.',
    opened: 'Åpnet',
    concerns: 'Bekymring',
    participants: 'Deltakere',
    external: 'Andre deltakere',
    summary: 'Referat',
    actions: 'Tiltak',
    due: 'frist',
    done: 'utført',
    nextMeeting: 'Neste møte',
    county: 'Rådgiver ved fagopplæring informert',
    agreed: 'Avtalt',
    causes: 'Årsaker',
    afterwards: 'Etterpå',
    readLog: 'Hvem har lest sakene',
    notes: 'Personalets interne notater er ikke med.',
    roles: { PROFESSIONAL_LEADER: 'Faglig leder', INSTRUCTOR: 'Instruktør' } as Record<string, string>,
    what: { CASE: 'saken', LIST: 'i listen', EXPORT: 'nedlasting' } as Record<string, string>,
    generated: (d: string) => `Lærenett · laget ${d}`,
    page: (p: number, n: number) => `Side ${p} av ${n}`,
  },
  en: {
    title: 'What Lærenett holds about you',
    lead: (name: string) => `${name} · follow-up during the apprenticeship`,
    person: 'You',
    email: 'E-mail',
    apprenticeships: 'Apprenticeships',
    cases: 'Follow-up cases',
    noCases: 'There are no follow-up cases about you.',
    opened: 'Opened',
    concerns: 'Concern',
    participants: 'Participants',
    external: 'Other participants',
    summary: 'Summary',
    actions: 'Actions',
    due: 'due',
    done: 'done',
    nextMeeting: 'Next meeting',
    county: 'County adviser informed',
    agreed: 'Agreed',
    causes: 'Causes',
    afterwards: 'Afterwards',
    readLog: 'Who has read the cases',
    notes: "The staff's internal notes are not included.",
    roles: { PROFESSIONAL_LEADER: 'Professional leader', INSTRUCTOR: 'Instructor' } as Record<string, string>,
    what: { CASE: 'the case', LIST: 'in the list', EXPORT: 'download' } as Record<string, string>,
    generated: (d: string) => `Lærenett · made ${d}`,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
  },
};

/** The apprentice's download as a PDF: the same content as the JSON, in the reader's language. */
export function renderFollowUpExportPdf(data: FollowUpExport, lang: PdfLanguage): Promise<Buffer> {
  const t = T[lang];
  const d = (iso: string | null) => (iso ? dateText(lang, iso) : '–');
  const line = (label: string, text: string): Content => ({ text: [{ text: `${label}: `, bold: true }, text], margin: [0, 1, 0, 1] });
  const content: Content[] = [
    { text: t.title, style: 'h1' },
    { text: t.lead(data.person.name), style: 'lead' },
    { text: t.person, style: 'h2' },
    line(t.email, data.person.email),
    { text: t.apprenticeships, style: 'h2' },
    ...data.apprenticeships.map((a): Content => ({
      stack: [
        { text: `${a.agency} · ${a.trade}`, style: 'h3' },
        `${d(a.contractStart)} – ${d(a.endedOn ?? a.contractEnd)}`,
        ...a.responsible.map((r) => `${t.roles[r.role] ?? r.role}: ${r.name}`),
      ],
    })),
    { text: t.cases, style: 'h2' },
    { text: t.notes, style: 'meta' },
  ];
  if (!data.followUpCases.length) content.push(t.noCases);
  for (const c of data.followUpCases) {
    content.push({ text: `${t.opened} ${d(c.openedOn)}`, style: 'h3' });
    content.push(
      line(t.concerns, [...c.concerns.map((k) => FOLLOW_UP_CONCERN_LABELS[k][lang]), c.concernText ?? ''].filter(Boolean).join(', ')),
    );
    for (const s of c.steps) {
      content.push({ text: `${FOLLOW_UP_STEP_LABELS[s.kind][lang]} · ${d(s.date)}`, bold: true, margin: [0, 8, 0, 2] });
      content.push(line(t.participants, s.participants.map((p) => p.name).join(', ') || '–'));
      if (s.externalParticipants.length)
        content.push(
          line(
            t.external,
            s.externalParticipants.map((x) => `${x.name} (${x.roleText || EXTERNAL_PARTICIPANT_LABELS[x.role][lang]})`).join(', '),
          ),
        );
      content.push(line(t.summary, s.summary));
      if (s.countyAdviserInformedOn)
        content.push(
          line(t.county, `${d(s.countyAdviserInformedOn)} (${COUNTY_CONTACT_CHANNEL_LABELS[s.countyAdviserInformedHow ?? 'OTHER'][lang]})`),
        );
      if (s.actions.length)
        content.push({
          ul: s.actions.map(
            (a) => `${a.description} — ${a.ownerName}, ${t.due} ${d(a.deadline)}${a.doneOn ? `, ${t.done} ${d(a.doneOn)}` : ''}`,
          ),
        });
      if (s.agreedOn) content.push(line(t.agreed, `${d(s.agreedOn)}: ${s.agreedBy.map((p) => p.name).join(', ')}`));
      if (s.mode) content.push(line(TERMINATION_MODE_LABELS[s.mode][lang], d(s.terminatedOn)));
      if (s.causes.length)
        content.push(
          line(t.causes, [...s.causes.map((k) => TERMINATION_CAUSE_LABELS[k][lang]), s.causeText ?? ''].filter(Boolean).join(', ')),
        );
      if (s.afterwards) content.push(line(t.afterwards, AFTER_TERMINATION_LABELS[s.afterwards][lang]));
      if (s.nextMeetingOn) content.push(line(t.nextMeeting, d(s.nextMeetingOn)));
    }
  }
  content.push({ text: t.readLog, style: 'h2' });
  content.push({
    ul: data.readLog.length
      ? data.readLog.map((r) => `${READ_AT.format(new Date(r.readAt))} · ${r.readerName} · ${t.what[r.what] ?? r.what}`)
      : ['–'],
  });
  return renderPdf(
    houseDocument({
      title: t.title,
      subject: t.cases,
      lang,
      footerLeft: t.generated(d(data.madeAt.slice(0, 10))),
      page: t.page,
      content,
    }),
  );
}
