import { CriterionKind, MEASURE_TEXTS, PILOT_GATHERING_CRITERIA, type MeasureText } from '@laerenett/shared-domain';

/** A text of the template in Norwegian (the plan's language) and in English (its translation). */
export interface Bilingual {
  nb: string;
  en: string;
}

/**
 * The pilot's action plan (2021–2022) as a template for a new year: its main goal, sub-goals and
 * four measures, with the timeline and follow-up criteria the pilot set, each text in Norwegian
 * and English. Dates are month-day in the plan's year.
 */
export interface TemplateMeasure {
  texts: Record<MeasureText, Bilingual>;
  milestones: { title: Bilingual; due: string }[];
  criteria: { kind: CriterionKind; label: Bilingual; due: string | null; threshold?: number }[];
}

export interface PlanTemplate {
  mainGoal: Bilingual;
  mainGoalDetail: Bilingual;
  subGoals: Bilingual[];
  measures: TemplateMeasure[];
}

export const PILOT_PLAN_TEMPLATE: PlanTemplate = {
  mainGoal: { nb: 'Øke antall lærlinger i departementsområdet', en: 'Increase the number of apprentices in the ministry area' },
  mainGoalDetail: {
    nb: 'Kunnskap om lærlingordningen og utveksling av kompetanse mellom virksomhetene kan alltid bli bedre. Drive holdningskapende arbeid med håp om å øke antallet lærlinger over tid.',
    en: 'Knowledge of the apprenticeship scheme and the sharing of expertise between the agencies can always improve. We work to shape attitudes, in the hope of increasing the number of apprentices over time.',
  },
  subGoals: [
    {
      nb: 'Øke antall virksomheter som har lærling. Legge til rette for økt samarbeid og samhandling mellom virksomheter.',
      en: 'Increase the number of agencies that have an apprentice. Make it easier for agencies to cooperate and work together.',
    },
    { nb: 'Øke antall lærlinger i enkelte virksomheter.', en: 'Increase the number of apprentices in some agencies.' },
  ],
  measures: [
    {
      texts: {
        title: { nb: 'Presentasjon av lærlingordningen', en: 'Presenting the apprenticeship scheme' },
        description: {
          nb: 'Presentasjon av lærlingordningen i felles HR-nettverk for personalsjefer, med deltakelse fra underliggende virksomheter og departementet. Møte med hver enkelt underliggende virksomhet.',
          en: 'A presentation of the apprenticeship scheme in the joint HR network for HR directors, attended by the underlying agencies and the ministry. A meeting with each underlying agency.',
        },
        purpose: {
          nb: 'Spre kunnskap om ordningen, finne ut hvor skoen trykker og kartlegge behov for bistand fra departementet, OK stat m.fl. Sondere behov for felles opplæring, læreplanmål som kan være utfordrende osv.',
          en: 'Spread knowledge of the scheme, find out where the difficulties lie and identify what help the agencies need from the ministry, OK stat and others. Explore the need for joint training, curriculum objectives that may be challenging, and so on.',
        },
        responsibilityMinistry: {
          nb: 'Departementet holder presentasjon for HR-nettverket, og initierer og organiserer møter med hver enkelt virksomhet.',
          en: 'The ministry gives the presentation to the HR network, and initiates and organises a meeting with each agency.',
        },
        responsibilityOkStat: {
          nb: 'OK stat bistår ved behov og lager en «få lærling»-pakke.',
          en: 'OK stat helps where needed and puts together a “getting an apprentice” package.',
        },
        responsibilityAgencies: {
          nb: 'Stiller med HR og andre relevante personer på møtene.',
          en: 'Send HR staff and other relevant people to the meetings.',
        },
        implementation: {
          nb: 'Departementet holder presentasjon for HR-nettverket og har bilaterale møter med de underliggende virksomhetene, for å markedsføre ordningen og avdekke hvilke utfordringer virksomhetene har og mulige virkemidler for å imøtekomme dem, f.eks. bistand til opplæring på spesifikke områder.',
          en: 'The ministry presents the scheme to the HR network and holds bilateral meetings with the underlying agencies, to promote the scheme and to uncover the challenges the agencies face and possible ways of meeting them, e.g. help with training in specific areas.',
        },
      },
      milestones: [
        { title: { nb: 'Presentasjon i HR-nettverket', en: 'Presentation in the HR network' }, due: '04-30' },
        { title: { nb: 'Bilaterale møter med alle virksomhetene', en: 'Bilateral meetings with all the agencies' }, due: '07-01' },
      ],
      criteria: [
        {
          kind: CriterionKind.MANUAL,
          label: { nb: 'Presentasjon holdt i HR-nettverket i april', en: 'Presentation given in the HR network in April' },
          due: '04-30',
        },
        {
          kind: CriterionKind.BILATERAL_MEETINGS,
          label: { nb: 'Bilaterale møter med alle virksomhetene innen 1. juli', en: 'Bilateral meetings with all the agencies by 1 July' },
          due: '07-01',
        },
        {
          kind: CriterionKind.TARGETS_SET,
          label: {
            nb: 'Alle virksomhetene har satt seg konkrete måltall for antall lærlinger',
            en: 'All the agencies have set specific targets for the number of apprentices',
          },
          due: null,
        },
      ],
    },
    {
      texts: {
        title: { nb: 'Nettverk i departementsområdet', en: 'A network in the ministry area' },
        description: {
          nb: 'Nettverk for personer involvert i lærlingordningen i underliggende virksomheter og departementet (faglige ledere, instruktører, lærlingkoordinatorer m.fl.), med faste møter hver andre måned og ulike temaer. Nettverk for lærlinger i underliggende virksomheter og departementet. Fadderordning for lærlinger og faglige ledere.',
          en: 'A network for people involved in the apprenticeship scheme in the underlying agencies and the ministry (professional leaders, instructors, apprentice coordinators and others), meeting every other month, each time on a different theme. A network for the apprentices in the underlying agencies and the ministry. A buddy scheme for apprentices and for professional leaders.',
        },
        purpose: {
          nb: 'Nettverksbygging, erfaringsutveksling, støtte og inspirasjon mellom lærebedrifter i samme departementsområde, og opplæring og sosiale arrangement for lærlingene.',
          en: 'Networking, sharing of experience, support and inspiration between training establishments in the same ministry area, and training and social events for the apprentices.',
        },
        responsibilityMinistry: {
          nb: 'Departementet organiserer og fasiliterer nettverket.',
          en: 'The ministry organises and facilitates the network.',
        },
        responsibilityOkStat: {
          nb: 'OK stat bistår ved behov, gir innspill til rammeverk for nettverket og tips til faglig innhold.',
          en: "OK stat helps where needed, gives input on the network's framework and suggests professional content.",
        },
        responsibilityAgencies: {
          nb: 'Faglige ledere, instruktører og andre med tilknytning til lærlingordningen deltar i nettverket. Lederne sørger for at de ansatte kjenner til nettverket.',
          en: 'Professional leaders, instructors and others involved in the apprenticeship scheme take part in the network. Managers make sure their staff know about the network.',
        },
        implementation: {
          nb: 'Igangsette et nettverk i departementsområdet, kartlegge hvilke kanaler som er hensiktsmessige, og sende ut en årsoppsummering om lærlingordningen i departementsområdet.',
          en: 'Set up a network in the ministry area, find out which channels work best, and send out an annual summary of the apprenticeship scheme in the ministry area.',
        },
      },
      milestones: [
        { title: { nb: 'Departementet utnevner to nettverksansvarlige', en: 'The ministry appoints two network leads' }, due: '03-31' },
        {
          title: {
            nb: 'Nettverksansvarlige har dialog med OK stat om rammeverk',
            en: "The network leads agree the network's framework with OK stat",
          },
          due: '05-15',
        },
        { title: { nb: 'Invitasjon til deltakelse i nettverket sendes ut', en: 'Invitation to join the network sent out' }, due: '08-01' },
        { title: { nb: 'Første nettverkssamling', en: 'First network gathering' }, due: '08-31' },
        { title: { nb: 'Frist for oppsummering fra virksomhetene', en: "Deadline for the agencies' summaries" }, due: '12-07' },
        { title: { nb: 'Oppsummering av året sendt', en: 'Summary of the year sent out' }, due: '12-15' },
      ],
      // The pilot's gathering criteria (defined once, in the domain), those a plan can hold.
      criteria: PILOT_GATHERING_CRITERIA.filter((c) => c.from === null).map(({ kind, label, due, threshold }) => ({
        kind,
        label,
        due,
        ...(threshold === null ? {} : { threshold }),
      })),
    },
    {
      texts: {
        title: {
          nb: 'Markedsføring og bruk av lærlinger i hele virksomheten',
          en: 'Promoting apprentices and using them across the agency',
        },
        description: {
          nb: 'Markedsføre lærlingene via intranett, møter med avdelinger, nettverk og lignende.',
          en: 'Promote the apprentices through the intranet, meetings with departments, networks and the like.',
        },
        purpose: {
          nb: 'Lærlingene bistår ved større arrangement, kurs o.l. Utvide lærlingenes arbeidsområde og kompetanse, gjøre arbeidet mer variert, og utveksle lærlingressurser som bygger det sosiale og gir innblikk i flere virksomheter.',
          en: "The apprentices help out at larger events, courses and the like. Broaden the apprentices' field of work and skills, make their work more varied, and share apprentices between agencies, which builds social ties and gives insight into several agencies.",
        },
        responsibilityMinistry: {
          nb: 'Markedsføre overfor andre avdelinger i departementet, tilby bistand ved arrangementer, kurs, seminarer og prosjekter, og koordinere bruk av lærlinger på tvers av departement og virksomheter, f.eks. ved valg.',
          en: "Promote the apprentices to the ministry's other departments, offer their help with events, courses, seminars and projects, and coordinate the use of apprentices across the ministry and the agencies, e.g. at elections.",
        },
        responsibilityOkStat: { nb: '', en: '' },
        responsibilityAgencies: {
          nb: 'Opplyser om behov for og mulighet til bruk av lærlinger ved ulike arrangement. Intern markedsføring i egen virksomhet.',
          en: 'Report where apprentices are needed and could help at events. Promote the apprentices within their own agency.',
        },
        implementation: {
          nb: 'Markedsføring innad i organisasjonene for å ta i bruk lærlingene i hele virksomheten: bistand ved arrangementer, seminarer, kurs og prosjekter, i andre avdelinger og andre virksomheter i nettverket.',
          en: 'Promotion within the organisations so that the apprentices are used throughout the agency: helping with events, seminars, courses and projects, in other departments and in other agencies of the network.',
        },
      },
      milestones: [
        {
          title: { nb: 'Virksomhetene melder inn aktuelle arrangement for året', en: "The agencies report the year's relevant events" },
          due: '09-30',
        },
      ],
      criteria: [
        {
          kind: CriterionKind.EVENTS_REPORTED,
          label: { nb: 'Virksomhetene melder inn aktuelle arrangement', en: 'The agencies report relevant events' },
          due: null,
        },
        {
          kind: CriterionKind.MANUAL,
          label: {
            nb: 'Virksomhetene gir lærlingene mulighet til deltakelse',
            en: 'The agencies give the apprentices the opportunity to take part',
          },
          due: null,
        },
        {
          kind: CriterionKind.MANUAL,
          label: {
            nb: 'Lærlingene i departementet har en koordinerende rolle',
            en: 'The apprentices in the ministry have a coordinating role',
          },
          due: null,
        },
      ],
    },
    {
      texts: {
        title: { nb: 'Kompetanselærling', en: 'Competence apprentices' },
        description: {
          nb: 'Lærlingen opparbeider seg kunnskap om digitale verktøy, f.eks. SharePoint og videokonferanseutstyr, som hen lærer bort og driver brukerstøtte på.',
          en: 'The apprentice builds up knowledge of digital tools, e.g. SharePoint and video conferencing equipment, and teaches others to use them and provides user support.',
        },
        purpose: {
          nb: 'Bygge erfaring og selvstendighet på egne kompetanseområder, erfaring med å lære opp andre, og synliggjøre verdiskapingen lærlingen gir internt.',
          en: 'Build experience and independence in areas of their own expertise, gain experience of training others, and make visible the value the apprentice creates within the organisation.',
        },
        responsibilityMinistry: {
          nb: 'Departementet vurderer og organiserer mulig felles opplæring.',
          en: 'The ministry considers and organises possible joint training.',
        },
        responsibilityOkStat: { nb: 'OK stat kommer med tips til faglig innhold.', en: 'OK stat suggests professional content.' },
        responsibilityAgencies: {
          nb: 'Faglige ledere kommer med innspill til aktuelle konkrete oppgaver.',
          en: 'Professional leaders suggest relevant, specific tasks.',
        },
        implementation: {
          nb: 'Lærlingene får ansvar for digitale verktøy som et felles ansvar på tvers av virksomhetene, slik at de kan lære av og støtte hverandre og ha felles opplæring.',
          en: 'The apprentices are given responsibility for digital tools, shared across the agencies, so that they can learn from and support one another and train together.',
        },
      },
      milestones: [
        {
          title: { nb: 'Kompetanselærlinger og fagområder er valgt', en: 'Competence apprentices and their subject areas chosen' },
          due: '10-31',
        },
      ],
      criteria: [
        {
          kind: CriterionKind.MANUAL,
          label: { nb: 'Virksomhetene lar lærlingene delta på opplæring', en: 'The agencies let the apprentices take part in training' },
          due: null,
        },
        {
          kind: CriterionKind.MANUAL,
          label: {
            nb: 'Virksomhetene bidrar med innspill til aktuelle temaer og oppgaver',
            en: 'The agencies contribute ideas for relevant topics and tasks',
          },
          due: null,
        },
      ],
    },
  ],
};

/** A measure's texts as a plan stores them: the Norwegian, and beside each its English (null where there is none). */
export type PlanMeasureTexts = Record<MeasureText, string> & Record<`${MeasureText}En`, string | null>;

/** The template's goals as a plan stores them. */
export function templatePlanHead(t: PlanTemplate) {
  return {
    mainGoal: t.mainGoal.nb,
    mainGoalEn: t.mainGoal.en,
    mainGoalDetail: t.mainGoalDetail.nb,
    mainGoalDetailEn: t.mainGoalDetail.en,
    subGoals: t.subGoals.map((s) => s.nb),
    subGoalsEn: t.subGoals.map((s) => s.en) as (string | null)[],
  };
}

/** A template's measures dated in a year: what a new plan from the template starts with. */
export function datedTemplateMeasures(t: PlanTemplate, year: number) {
  return t.measures.map(({ texts, milestones, criteria }) => ({
    fields: Object.fromEntries(
      MEASURE_TEXTS.flatMap((k) => [
        [k, texts[k].nb],
        [`${k}En`, texts[k].en],
      ]),
    ) as PlanMeasureTexts,
    milestones: milestones.map((x) => ({ title: x.title.nb, titleEn: x.title.en, dueDate: `${year}-${x.due}` })),
    criteria: criteria.map((c) => ({
      kind: c.kind,
      label: c.label.nb,
      labelEn: c.label.en,
      dueDate: c.due ? `${year}-${c.due}` : null,
      threshold: c.threshold ?? null,
    })),
  }));
}
