import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CriterionStatus, MeasureStatus, MilestoneStatus, planInLanguage } from '@laerenett/shared-domain';
import type { ActionPlanModel, PlanCriterionModel } from '../models/action-plan.models';
import { dateText, houseDocument, PdfLanguage, renderPdf } from '../../../common/pdf';

export type { PdfLanguage };

const T = {
  nb: {
    title: (y: number) => `Handlingsplan ${y}`,
    mainGoal: 'Hovedmål',
    subGoals: 'Delmål',
    overview: 'Oversikt over tiltak',
    timeline: 'Tidslinje',
    measure: 'Tiltak',
    status: 'Status',
    owners: 'Ansvarlig',
    description: 'Beskrivelse',
    purpose: 'Formål',
    roles: 'Roller og ansvar',
    ministry: 'Departementet',
    okStat: 'OK stat',
    agencies: 'Virksomhetene',
    implementation: 'Gjennomføring',
    milestones: 'Milepæler',
    due: 'Frist',
    criteria: 'Oppfølgingskriterier',
    missing: 'Mangler',
    late: 'Holdt etter fristen',
    meetings: 'Bilaterale møter',
    agency: 'Virksomhet',
    heldOn: 'Møtedato',
    target: 'Måltall satt',
    notHeld: 'Ikke holdt',
    of: 'av',
    generated: (d: string) => `Lærenett · laget ${d}`,
    page: (p: number, n: number) => `Side ${p} av ${n}`,
    months: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
    measureStatus: { PLANNED: 'Planlagt', IN_PROGRESS: 'Pågår', DONE: 'Fullført', DROPPED: 'Avbrutt' } as Record<MeasureStatus, string>,
    milestoneStatus: { DONE: 'Utført', OVERDUE: 'Forfalt', DUE_SOON: 'Snart', UPCOMING: 'Kommer' } as Record<MilestoneStatus, string>,
    criterionStatus: { MET: 'Oppfylt', IN_PROGRESS: 'Underveis', NOT_MET: 'Ikke oppfylt', UNAVAILABLE: 'Ikke i bruk' } as Record<
      CriterionStatus,
      string
    >,
  },
  en: {
    title: (y: number) => `Action plan ${y}`,
    mainGoal: 'Main goal',
    subGoals: 'Sub-goals',
    overview: 'Measures at a glance',
    timeline: 'Timeline',
    measure: 'Measure',
    status: 'Status',
    owners: 'Owners',
    description: 'Description',
    purpose: 'Purpose',
    roles: 'Roles and responsibilities',
    ministry: 'The ministry',
    okStat: 'OK stat',
    agencies: 'The agencies',
    implementation: 'How it is carried out',
    milestones: 'Milestones',
    due: 'Due',
    criteria: 'Follow-up criteria',
    missing: 'Missing',
    late: 'Held after the due date',
    meetings: 'Bilateral meetings',
    agency: 'Agency',
    heldOn: 'Held on',
    target: 'Target set',
    notHeld: 'Not held',
    of: 'of',
    generated: (d: string) => `Lærenett · made ${d}`,
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    measureStatus: { PLANNED: 'Planned', IN_PROGRESS: 'In progress', DONE: 'Done', DROPPED: 'Dropped' } as Record<MeasureStatus, string>,
    milestoneStatus: { DONE: 'Done', OVERDUE: 'Overdue', DUE_SOON: 'Due soon', UPCOMING: 'Upcoming' } as Record<MilestoneStatus, string>,
    criterionStatus: { MET: 'Met', IN_PROGRESS: 'In progress', NOT_MET: 'Not met', UNAVAILABLE: 'Not in use' } as Record<
      CriterionStatus,
      string
    >,
  },
};

const STATUS_COLOUR: Record<MilestoneStatus, string> = { DONE: '#06893a', OVERDUE: '#c30000', DUE_SOON: '#a15c00', UPCOMING: '#1e2b3c' };
const CRITERION_COLOUR: Record<CriterionStatus, string> = {
  MET: '#06893a',
  NOT_MET: '#c30000',
  IN_PROGRESS: '#a15c00',
  UNAVAILABLE: '#555555',
};

function criterionDetail(c: PlanCriterionModel, t: (typeof T)['nb'], lang: PdfLanguage): string {
  if (c.status === CriterionStatus.UNAVAILABLE) return '';
  const figures = c.kind === 'MANUAL' ? c.comment : `${c.value} ${t.of} ${c.required}`;
  const parts = [figures];
  if (c.missing.length) parts.push(`${t.missing}: ${c.missing.map((m) => m.name).join(', ')}`);
  if (c.late.length) parts.push(`${t.late}: ${c.late.map((m) => `${m.name} (${dateText(lang, m.on)})`).join(', ')}`);
  return parts.join('. ');
}

const header = (cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));

/**
 * The plan as a PDF document definition: goals, an overview, the year's timeline, each measure, and
 * the meetings. In English, each text of the plan is its English where the plan has one (from the
 * template), the Norwegian text otherwise (written or edited by the coordinator).
 */
export function actionPlanDocument(stored: ActionPlanModel, lang: PdfLanguage, today: string): TDocumentDefinitions {
  const plan = planInLanguage(stored, lang);
  const t = T[lang];
  const content: Content[] = [
    { text: t.title(plan.year), style: 'h1' },
    { text: plan.areaName, style: 'lead' },
    { text: t.mainGoal, style: 'h2' },
    { text: plan.mainGoal, bold: true },
    ...(plan.mainGoalDetail ? [{ text: plan.mainGoalDetail, margin: [0, 4, 0, 0] } as Content] : []),
  ];
  if (plan.subGoals.length) content.push({ text: t.subGoals, style: 'h2' }, { ol: plan.subGoals });
  content.push({ text: t.overview, style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      widths: [18, '*', 70, 140],
      body: [
        header(['#', t.measure, t.status, t.owners]),
        ...plan.measures.map((m, i) => [String(i + 1), m.title, t.measureStatus[m.status], m.owners.map((o) => o.name).join(', ') || '–']),
      ],
    },
    layout: 'lightHorizontalLines',
  });

  // The year at a glance: one row per measure, one column per month, a mark where a milestone falls.
  const inYear = (d: string) => d.startsWith(`${plan.year}-`);
  content.push({ text: t.timeline, style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      widths: [110, ...t.months.map(() => '*' as const)],
      body: [
        header([t.measure, ...t.months]),
        ...plan.measures.map((m) => [
          { text: m.title, fontSize: 8 },
          ...t.months.map((_, month) => {
            const here = m.milestones.filter((x) => inYear(x.dueDate) && Number(x.dueDate.slice(5, 7)) === month + 1);
            return here.length
              ? {
                  text: here.map((x) => `${Number(x.dueDate.slice(8))}.`).join(' '),
                  color: STATUS_COLOUR[here[0].status],
                  bold: true,
                  fontSize: 8,
                  alignment: 'center' as const,
                }
              : '';
          }),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });

  plan.measures.forEach((m, i) => {
    content.push({ text: `${t.measure} ${i + 1}: ${m.title}`, style: 'h2', pageBreak: 'before' });
    content.push({
      text: `${t.status}: ${t.measureStatus[m.status]}${m.owners.length ? ` · ${t.owners}: ${m.owners.map((o) => o.name).join(', ')}` : ''}`,
      style: 'meta',
    });
    const section = (title: string, text: string) => (text ? [{ text: title, style: 'h3' } as Content, { text } as Content] : []);
    content.push(...section(t.description, m.description), ...section(t.purpose, m.purpose));
    const roles = [
      [t.ministry, m.responsibilityMinistry],
      [t.okStat, m.responsibilityOkStat],
      [t.agencies, m.responsibilityAgencies],
    ].filter(([, v]) => v);
    if (roles.length) {
      content.push({ text: t.roles, style: 'h3' });
      content.push({ table: { widths: [90, '*'], body: roles.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'noBorders' });
    }
    content.push(...section(t.implementation, m.implementation));
    if (m.milestones.length) {
      content.push({ text: t.milestones, style: 'h3' });
      content.push({
        table: {
          headerRows: 1,
          widths: ['*', 100, 70],
          body: [
            header([t.milestones, t.due, t.status]),
            ...m.milestones.map((x) => [
              x.title,
              dateText(lang, x.dueDate),
              { text: t.milestoneStatus[x.status], color: STATUS_COLOUR[x.status] },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      });
    }
    if (m.criteria.length) {
      content.push({ text: t.criteria, style: 'h3' });
      content.push({
        table: {
          headerRows: 1,
          widths: ['*', 70, 160],
          body: [
            header([t.criteria, t.status, '']),
            ...m.criteria.map((c) => [
              c.label,
              { text: t.criterionStatus[c.status], color: CRITERION_COLOUR[c.status] },
              { text: criterionDetail(c, t, lang), fontSize: 8 },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      });
    }
  });

  if (plan.bilateralMeetings.length) {
    content.push({ text: t.meetings, style: 'h2', pageBreak: 'before' });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 110, 70],
        body: [
          header([t.agency, t.heldOn, t.target]),
          ...plan.bilateralMeetings.map((b) => [
            b.agencyName,
            b.meeting ? dateText(lang, b.meeting.heldOn) : { text: t.notHeld, color: '#c30000' },
            b.meeting?.targetSet === null || b.meeting?.targetSet === undefined ? '–' : String(b.meeting.targetSet),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }

  return houseDocument({
    title: `${t.title(plan.year)} – ${plan.areaName}`,
    subject: t.title(plan.year),
    lang,
    footerLeft: t.generated(dateText(lang, today)),
    page: t.page,
    content,
  });
}

export function renderActionPlanPdf(plan: ActionPlanModel, lang: PdfLanguage, today: string): Promise<Buffer> {
  return renderPdf(actionPlanDocument(plan, lang, today));
}
