import { MilestoneStatus } from '@laerenett/shared-domain';
import { dateText, layout, MailLanguage, RenderedMail } from '../../mail/templates/render';

export interface DigestLine {
  title: string;
  measure: string;
  dueDate: string;
  status: MilestoneStatus;
  areaName: string;
  year: number;
}

/** The Monday digest: an owner's milestones that are overdue or due within 14 days. */
export function planDigestMail(lang: MailLanguage, d: { name: string; lines: DigestLine[]; url: string }): RenderedMail {
  const overdue = d.lines.filter((l) => l.status === MilestoneStatus.OVERDUE);
  const soon = d.lines.filter((l) => l.status !== MilestoneStatus.OVERDUE);
  const line = (l: DigestLine) => `• ${l.title} (${l.measure}) — ${dateText(lang, l.dueDate)}`;
  if (lang === 'en') {
    const paragraphs = [`Hello ${d.name},`, 'These milestones in the action plan are yours to follow up:'];
    if (overdue.length) paragraphs.push(`Overdue:\n${overdue.map(line).join('\n')}`);
    if (soon.length) paragraphs.push(`Due within 14 days:\n${soon.map(line).join('\n')}`);
    paragraphs.push('Mark a milestone as done in the plan when it is, and it will not be mentioned again.');
    return {
      ...layout('en', 'Action plan: milestones this week', paragraphs, { label: 'Open the action plan', url: d.url }),
      subject: `Action plan: ${overdue.length} overdue, ${soon.length} due soon`,
    };
  }
  const paragraphs = [`Hei, ${d.name}!`, 'Disse milepælene i handlingsplanen er dine å følge opp:'];
  if (overdue.length) paragraphs.push(`Forfalt:\n${overdue.map(line).join('\n')}`);
  if (soon.length) paragraphs.push(`Forfaller innen 14 dager:\n${soon.map(line).join('\n')}`);
  paragraphs.push('Merk milepælen som utført i planen når den er det, så blir den ikke nevnt igjen.');
  return {
    ...layout('nb', 'Handlingsplan: milepæler denne uken', paragraphs, { label: 'Åpne handlingsplanen', url: d.url }),
    subject: `Handlingsplan: ${overdue.length} forfalt, ${soon.length} forfaller snart`,
  };
}
