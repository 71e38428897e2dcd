/**
 * Mail templates in bokmål and English. Rendered when the mail is queued, never in a
 * processor, so what is sent is exactly what was decided at the time.
 */
export type MailLanguage = 'nb' | 'en';

/** A day (YYYY-MM-DD) in words in the mail's language: "2. desember 2026", "2 December 2026" — the same as in the PDFs. */
export { dateText } from '../../../common/pdf';

/** A user's language for mail: English if they chose it, else bokmål. */
export const mailLanguage = (language: string | null | undefined): MailLanguage => (language === 'en' ? 'en' : 'nb');

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A plain, accessible HTML layout: one column, real text, a link that is also written out. */
export function layout(
  lang: MailLanguage,
  heading: string,
  paragraphs: string[],
  action?: { label: string; url: string },
  /** A second, smaller choice after the button (e.g. "Cannot come? Answer no"), as a link. */
  alternative?: { lead: string; label: string; url: string },
): RenderedMail & { subject: '' } {
  const footer = lang === 'nb' ? 'Denne e-posten er sendt fra Lærenett.' : 'This e-mail was sent by Lærenett.';
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(heading)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1e2b3c;line-height:1.5;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:22px">${esc(heading)}</h1>
${paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>\n')}</p>`).join('\n')}
${action ? `<p><a href="${esc(action.url)}" style="display:inline-block;background:#0062ba;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${esc(action.label)}</a></p><p style="font-size:13px">${esc(action.url)}</p>` : ''}
${alternative ? `<p>${esc(alternative.lead)} <a href="${esc(alternative.url)}" style="color:#0062ba">${esc(alternative.label)}</a></p>` : ''}
<hr><p style="font-size:12px;color:#555">${footer}</p></body></html>`;
  const text = [
    heading,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    ...(alternative ? [`${alternative.lead} ${alternative.label}: ${alternative.url}`, ''] : []),
    '--',
    footer,
  ].join('\n');
  return { subject: '', text, html };
}

const ROLE_NAMES: Record<string, Record<MailLanguage, string>> = {
  ADMIN: { nb: 'administrator', en: 'administrator' },
  MINISTRY_COORDINATOR: { nb: 'koordinator for departementsområdet', en: 'ministry area coordinator' },
  AGENCY_COORDINATOR: { nb: 'koordinator for virksomheten', en: 'agency coordinator' },
  APPRENTICE: { nb: 'lærling', en: 'apprentice' },
};

export function invitationMail(
  lang: MailLanguage,
  v: { name: string; inviter: string; role: string; scope: string; url: string; expiresDays: number },
): RenderedMail {
  const role = ROLE_NAMES[v.role]?.[lang] ?? v.role;
  if (lang === 'en') {
    const m = layout(
      'en',
      `Welcome to Lærenett, ${v.name}`,
      [
        `${v.inviter} has invited you to Lærenett as ${role} for ${v.scope}.`,
        `Lærenett is where the ministry area and its agencies work together on apprentices: targets, network gatherings, events and the yearly summary.`,
        `Choose a password to get started. The link works for ${v.expiresDays} days and only once.`,
      ],
      { label: 'Accept the invitation', url: v.url },
    );
    return { ...m, subject: 'Invitation to Lærenett' };
  }
  const m = layout(
    'nb',
    `Velkommen til Lærenett, ${v.name}`,
    [
      `${v.inviter} har invitert deg til Lærenett som ${role} for ${v.scope}.`,
      `Lærenett er der departementsområdet og virksomhetene samarbeider om lærlinger: måltall, nettverkssamlinger, arrangementer og årsoppsummeringen.`,
      `Velg et passord for å komme i gang. Lenken virker i ${v.expiresDays} dager og kan bare brukes én gang.`,
    ],
    { label: 'Godta invitasjonen', url: v.url },
  );
  return { ...m, subject: 'Invitasjon til Lærenett' };
}
