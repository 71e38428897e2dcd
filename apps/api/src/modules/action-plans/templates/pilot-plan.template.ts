import { CriterionKind } from '@laerenett/shared-domain';

/**
 * The pilot's action plan (2021–2022) as a template for a new year: its main goal, sub-goals and
 * four measures, with the timeline and follow-up criteria the pilot set. Dates are month-day in
 * the plan's year.
 */
export interface TemplateMeasure {
  title: string;
  description: string;
  purpose: string;
  responsibilityMinistry: string;
  responsibilityOkStat: string;
  responsibilityAgencies: string;
  implementation: string;
  milestones: { title: string; due: string }[];
  criteria: { kind: CriterionKind; label: string; due: string | null; threshold?: number }[];
}

export interface PlanTemplate {
  mainGoal: string;
  mainGoalDetail: string;
  subGoals: string[];
  measures: TemplateMeasure[];
}

export const PILOT_PLAN_TEMPLATE: PlanTemplate = {
  mainGoal: 'Øke antall lærlinger i departementsområdet',
  mainGoalDetail:
    'Kunnskap om lærlingordningen og utveksling av kompetanse mellom virksomhetene kan alltid bli bedre. Drive holdningskapende arbeid med håp om å øke antallet lærlinger over tid.',
  subGoals: [
    'Øke antall virksomheter som har lærling. Legge til rette for økt samarbeid og samhandling mellom virksomheter.',
    'Øke antall lærlinger i enkelte virksomheter.',
  ],
  measures: [
    {
      title: 'Presentasjon av lærlingordningen',
      description:
        'Presentasjon av lærlingordningen i felles HR-nettverk for personalsjefer, med deltakelse fra underliggende virksomheter og departementet. Møte med hver enkelt underliggende virksomhet.',
      purpose:
        'Spre kunnskap om ordningen, finne ut hvor skoen trykker og kartlegge behov for bistand fra departementet, OK stat m.fl. Sondere behov for felles opplæring, læreplanmål som kan være utfordrende osv.',
      responsibilityMinistry: 'Departementet holder presentasjon for HR-nettverket, og initierer og organiserer møter med hver enkelt virksomhet.',
      responsibilityOkStat: 'OK stat bistår ved behov og lager en «få lærling»-pakke.',
      responsibilityAgencies: 'Stiller med HR og andre relevante personer på møtene.',
      implementation:
        'Departementet holder presentasjon for HR-nettverket og har bilaterale møter med de underliggende virksomhetene, for å markedsføre ordningen og avdekke hvilke utfordringer virksomhetene har og mulige virkemidler for å imøtekomme dem, f.eks. bistand til opplæring på spesifikke områder.',
      milestones: [
        { title: 'Presentasjon i HR-nettverket', due: '04-30' },
        { title: 'Bilaterale møter med alle virksomhetene', due: '07-01' },
      ],
      criteria: [
        { kind: CriterionKind.MANUAL, label: 'Presentasjon holdt i HR-nettverket i april', due: '04-30' },
        { kind: CriterionKind.BILATERAL_MEETINGS, label: 'Bilaterale møter med alle virksomhetene innen 1. juli', due: '07-01' },
        { kind: CriterionKind.TARGETS_SET, label: 'Alle virksomhetene har satt seg konkrete måltall for antall lærlinger', due: null },
      ],
    },
    {
      title: 'Nettverk i departementsområdet',
      description:
        'Nettverk for personer involvert i lærlingordningen i underliggende virksomheter og departementet (faglige ledere, instruktører, lærlingkoordinatorer m.fl.), med faste møter hver andre måned og ulike temaer. Nettverk for lærlinger i underliggende virksomheter og departementet. Fadderordning for lærlinger og faglige ledere.',
      purpose:
        'Nettverksbygging, erfaringsutveksling, støtte og inspirasjon mellom lærebedrifter i samme departementsområde, og opplæring og sosiale arrangement for lærlingene.',
      responsibilityMinistry: 'Departementet organiserer og fasiliterer nettverket.',
      responsibilityOkStat: 'OK stat bistår ved behov, gir innspill til rammeverk for nettverket og tips til faglig innhold.',
      responsibilityAgencies:
        'Faglige ledere, instruktører og andre med tilknytning til lærlingordningen deltar i nettverket. Lederne sørger for at de ansatte kjenner til nettverket.',
      implementation:
        'Igangsette et nettverk i departementsområdet, kartlegge hvilke kanaler som er hensiktsmessige, og sende ut en årsoppsummering om lærlingordningen i departementsområdet.',
      milestones: [
        { title: 'Departementet utnevner to nettverksansvarlige', due: '03-31' },
        { title: 'Nettverksansvarlige har dialog med OK stat om rammeverk', due: '05-15' },
        { title: 'Invitasjon til deltakelse i nettverket sendes ut', due: '08-01' },
        { title: 'Første nettverkssamling', due: '08-31' },
        { title: 'Frist for oppsummering fra virksomhetene', due: '12-07' },
        { title: 'Oppsummering av året sendt', due: '12-15' },
      ],
      criteria: [
        { kind: CriterionKind.FIRST_GATHERING, label: 'Første nettverkssamling gjennomført innen utgangen av august', due: '08-31' },
        { kind: CriterionKind.PARTICIPANTS_FROM_AGENCIES, label: 'Deltakere fra alle virksomheter med lærlinger', due: null },
        { kind: CriterionKind.GATHERINGS_HELD, label: 'Minst 3 samlinger i løpet av året', due: null, threshold: 3 },
      ],
    },
    {
      title: 'Markedsføring og bruk av lærlinger i hele virksomheten',
      description: 'Markedsføre lærlingene via intranett, møter med avdelinger, nettverk og lignende.',
      purpose:
        'Lærlingene bistår ved større arrangement, kurs o.l. Utvide lærlingenes arbeidsområde og kompetanse, gjøre arbeidet mer variert, og utveksle lærlingressurser som bygger det sosiale og gir innblikk i flere virksomheter.',
      responsibilityMinistry:
        'Markedsføre overfor andre avdelinger i departementet, tilby bistand ved arrangementer, kurs, seminarer og prosjekter, og koordinere bruk av lærlinger på tvers av departement og virksomheter, f.eks. ved valg.',
      responsibilityOkStat: '',
      responsibilityAgencies: 'Opplyser om behov for og mulighet til bruk av lærlinger ved ulike arrangement. Intern markedsføring i egen virksomhet.',
      implementation:
        'Markedsføring innad i organisasjonene for å ta i bruk lærlingene i hele virksomheten: bistand ved arrangementer, seminarer, kurs og prosjekter, i andre avdelinger og andre virksomheter i nettverket.',
      milestones: [{ title: 'Virksomhetene melder inn aktuelle arrangement for året', due: '09-30' }],
      criteria: [
        { kind: CriterionKind.EVENTS_REPORTED, label: 'Virksomhetene melder inn aktuelle arrangement', due: null },
        { kind: CriterionKind.MANUAL, label: 'Virksomhetene gir lærlingene mulighet til deltakelse', due: null },
        { kind: CriterionKind.MANUAL, label: 'Lærlingene i departementet har en koordinerende rolle', due: null },
      ],
    },
    {
      title: 'Kompetanselærling',
      description:
        'Lærlingen opparbeider seg kunnskap om digitale verktøy, f.eks. SharePoint og videokonferanseutstyr, som hen lærer bort og driver brukerstøtte på.',
      purpose:
        'Bygge erfaring og selvstendighet på egne kompetanseområder, erfaring med å lære opp andre, og synliggjøre verdiskapingen lærlingen gir internt.',
      responsibilityMinistry: 'Departementet vurderer og organiserer mulig felles opplæring.',
      responsibilityOkStat: 'OK stat kommer med tips til faglig innhold.',
      responsibilityAgencies: 'Faglige ledere kommer med innspill til aktuelle konkrete oppgaver.',
      implementation:
        'Lærlingene får ansvar for digitale verktøy som et felles ansvar på tvers av virksomhetene, slik at de kan lære av og støtte hverandre og ha felles opplæring.',
      milestones: [{ title: 'Kompetanselærlinger og fagområder er valgt', due: '10-31' }],
      criteria: [
        { kind: CriterionKind.MANUAL, label: 'Virksomhetene lar lærlingene delta på opplæring', due: null },
        { kind: CriterionKind.MANUAL, label: 'Virksomhetene bidrar med innspill til aktuelle temaer og oppgaver', due: null },
      ],
    },
  ],
};

/** A template's measures dated in a year: what a new plan from the template starts with. */
export function datedTemplateMeasures(t: PlanTemplate, year: number) {
  return t.measures.map(({ milestones, criteria, ...fields }) => ({
    fields,
    milestones: milestones.map((x) => ({ title: x.title, dueDate: `${year}-${x.due}` })),
    criteria: criteria.map((c) => ({ kind: c.kind, label: c.label, dueDate: c.due ? `${year}-${c.due}` : null, threshold: c.threshold ?? null })),
  }));
}
