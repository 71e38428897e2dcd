/**
 * When an apprenticeship runs into trouble: the follow-up ladder (oppfølging ved utfordringer i
 * læreforholdet), terminations (heving), how long a closed case is kept, and the small-number
 * suppression of the counts the ministry sees. Pure rules on ISO dates and plain records; no I/O.
 *
 * Sources: a county's guide to trouble in an apprenticeship (every meeting and measure is
 * documented: a concern → the concern talk → the follow-up or clarification meeting, the county's
 * adviser informed, the apprentice encouraged to bring a person they trust → a follow-up plan
 * signed by the parties → termination by agreement or, on disagreement, by the county's
 * decision); an apprentice's rights and duties (a termination before three months of the
 * apprenticeship have passed normally keeps the right to education); the study of why contracts
 * end (the causes are usually several; what happens afterwards matters).
 */
import type { IsoDate } from './apprenticeship';
import { isIsoDate } from './apprenticeship';
import { addDays, isoOf } from './holidays';

/** A text in both of Lærenett's languages. */
export interface Bilingual {
  nb: string;
  en: string;
}

/**
 * The names of a vocabulary defined by its labels, as an enum-like object whose values are the
 * names (`TerminationCause.OTHER === 'OTHER'`), so that each name is written once.
 */
function namesOf<K extends string>(labels: Record<K, Bilingual>): { readonly [N in K]: N } {
  return Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as { readonly [N in K]: N };
}

// ---------------------------------------------------------------- what the case is about

/** What worries the agency (bekymring i bedriften); several may apply, with free text beside. */
export const FOLLOW_UP_CONCERN_LABELS = {
  HIGH_ABSENCE: { nb: 'Stort fravær', en: 'High absence' },
  LACK_OF_PROGRESS: { nb: 'Manglende progresjon', en: 'Lack of progress' },
  SICKNESS: { nb: 'Sykdom', en: 'Sickness' },
  SOCIAL_ADAPTATION: { nb: 'Sosial tilpasning', en: 'Social adaptation' },
  SUBSTANCE_USE: { nb: 'Rus', en: 'Substance use' },
  GAMBLING: { nb: 'Spilleavhengighet', en: 'Gambling' },
  OTHER_SERIOUS_BREACH: { nb: 'Andre vesentlige mislighold', en: 'Other serious breach' },
} satisfies Record<string, Bilingual>;
export type FollowUpConcern = keyof typeof FOLLOW_UP_CONCERN_LABELS;
export const FollowUpConcern = namesOf(FOLLOW_UP_CONCERN_LABELS);

/** The steps of the ladder, in the order they are taken. */
export enum FollowUpStepKind {
  /** Bekymringssamtale: the professional leader or instructor and the apprentice. */
  CONCERN_TALK = 'CONCERN_TALK',
  /** Oppfølgings-/avklaringsmøte: the county's adviser informed; a person of trust invited. */
  FOLLOW_UP_MEETING = 'FOLLOW_UP_MEETING',
  /** Oppfølgingsplan: goals, deadlines and owners, a new meeting; signed by the parties. */
  FOLLOW_UP_PLAN = 'FOLLOW_UP_PLAN',
  /** The case is resolved and closes. */
  RESOLUTION = 'RESOLUTION',
  /** The contract ends: by agreement (oppsigelse ved enighet) or by the county's decision (heving ved uenighet). */
  TERMINATION = 'TERMINATION',
}

export const FOLLOW_UP_STEP_LABELS: Record<FollowUpStepKind, Bilingual> = {
  CONCERN_TALK: { nb: 'Bekymringssamtale', en: 'Concern talk' },
  FOLLOW_UP_MEETING: { nb: 'Oppfølgings-/avklaringsmøte', en: 'Follow-up meeting' },
  FOLLOW_UP_PLAN: { nb: 'Oppfølgingsplan', en: 'Follow-up plan' },
  RESOLUTION: { nb: 'Saken er løst', en: 'Resolved' },
  TERMINATION: { nb: 'Heving av lærekontrakten', en: 'Termination of the contract' },
};

/** Where a case stands: opened, or at the last step documented. */
export type FollowUpStage = 'OPENED' | FollowUpStepKind;

/**
 * Which step may be documented next. Nothing is skipped: a meeting comes after a concern talk, a
 * plan after a meeting, a termination only once a meeting has been held. A talk or a meeting may
 * be repeated; after a plan comes the new meeting it agreed (or the case ends). A case may be
 * closed as resolved after any documented step. Resolved and terminated cases are closed.
 */
export const FOLLOW_UP_NEXT_STEPS: Record<FollowUpStage, readonly FollowUpStepKind[]> = {
  OPENED: [FollowUpStepKind.CONCERN_TALK],
  CONCERN_TALK: [FollowUpStepKind.CONCERN_TALK, FollowUpStepKind.FOLLOW_UP_MEETING, FollowUpStepKind.RESOLUTION],
  FOLLOW_UP_MEETING: [
    FollowUpStepKind.FOLLOW_UP_MEETING,
    FollowUpStepKind.FOLLOW_UP_PLAN,
    FollowUpStepKind.RESOLUTION,
    FollowUpStepKind.TERMINATION,
  ],
  FOLLOW_UP_PLAN: [FollowUpStepKind.FOLLOW_UP_MEETING, FollowUpStepKind.RESOLUTION, FollowUpStepKind.TERMINATION],
  RESOLUTION: [],
  TERMINATION: [],
};

/** The stage a case is at after the steps documented so far (in order). */
export function followUpStage(steps: readonly FollowUpStepKind[]): FollowUpStage {
  return steps.length === 0 ? 'OPENED' : steps[steps.length - 1];
}

/** The steps that may be documented after `steps`. */
export const nextFollowUpSteps = (steps: readonly FollowUpStepKind[]): readonly FollowUpStepKind[] =>
  FOLLOW_UP_NEXT_STEPS[followUpStage(steps)];

export const isFollowUpClosed = (steps: readonly FollowUpStepKind[]): boolean => nextFollowUpSteps(steps).length === 0;

// ---------------------------------------------------------------- who takes part

/** A user of the agency taking part in a step (their role in this apprenticeship). */
export enum FollowUpParticipantRole {
  APPRENTICE = 'APPRENTICE',
  PROFESSIONAL_LEADER = 'PROFESSIONAL_LEADER',
  INSTRUCTOR = 'INSTRUCTOR',
  COORDINATOR = 'COORDINATOR',
}

export interface FollowUpParticipant {
  role: FollowUpParticipantRole;
  userId: string;
}

/** Someone from outside the agency, recorded by role and name (not as a user); OTHER says who in `roleText`. */
export const EXTERNAL_PARTICIPANT_LABELS = {
  COUNTY_ADVISER: { nb: 'Rådgiver ved fagopplæring', en: 'County adviser' },
  OMBUD: { nb: 'Elev- og lærlingombud', en: 'Apprentice ombud' },
  FOLLOW_UP_SERVICE: { nb: 'Oppfølgingstjenesten (OT)', en: 'Follow-up service (OT)' },
  PPT: { nb: 'Pedagogisk-psykologisk tjeneste (PPT)', en: 'Educational-psychological service (PPT)' },
  NAV: { nb: 'NAV', en: 'NAV' },
  GP: { nb: 'Fastlege/helsevesen', en: 'GP/health service' },
  EMPLOYEE_REPRESENTATIVE: { nb: 'Tillitsvalgt', en: 'Employee representative' },
  TRUSTED_PERSON: { nb: 'Person lærlingen har tillit til', en: 'Person the apprentice trusts' },
  OTHER: { nb: 'Andre', en: 'Other' },
} satisfies Record<string, Bilingual>;
export type ExternalParticipantRole = keyof typeof EXTERNAL_PARTICIPANT_LABELS;
export const ExternalParticipantRole = namesOf(EXTERNAL_PARTICIPANT_LABELS);

export interface ExternalParticipant {
  role: ExternalParticipantRole;
  name: string;
  /** Who they are, when the role is OTHER. */
  roleText?: string | null;
}

/** How the county's adviser was told. */
export const COUNTY_CONTACT_CHANNEL_LABELS = {
  EMAIL: { nb: 'E-post', en: 'E-mail' },
  PHONE: { nb: 'Telefon', en: 'Phone' },
  SECURE_MAIL: { nb: 'Sikker forsendelse', en: 'Secure mail' },
  MEETING: { nb: 'Møte', en: 'Meeting' },
  OTHER: { nb: 'Annet', en: 'Other' },
} satisfies Record<string, Bilingual>;
export type CountyContactChannel = keyof typeof COUNTY_CONTACT_CHANNEL_LABELS;
export const CountyContactChannel = namesOf(COUNTY_CONTACT_CHANNEL_LABELS);

/** An agreed action: what, who answers for it (a user, or someone outside by name), by when. */
export interface FollowUpAction {
  description: string;
  ownerUserId?: string | null;
  ownerName?: string | null;
  deadline: IsoDate;
}

// ---------------------------------------------------------------- the step records

/** What every step documents. `internalNote` is the staff's and never shown to the apprentice. */
export interface FollowUpStepBase {
  kind: FollowUpStepKind;
  /** The day the step was taken (talk or meeting held, plan made, outcome decided). */
  date: IsoDate;
  participants: readonly FollowUpParticipant[];
  externalParticipants: readonly ExternalParticipant[];
  summary: string;
  actions: readonly FollowUpAction[];
  nextMeetingOn: IsoDate | null;
  internalNote?: string | null;
}

export interface ConcernTalkRecord extends FollowUpStepBase {
  kind: FollowUpStepKind.CONCERN_TALK;
}

export interface FollowUpMeetingRecord extends FollowUpStepBase {
  kind: FollowUpStepKind.FOLLOW_UP_MEETING;
  /** When and how the county's adviser was informed (rådgiver ved fagopplæring skal informeres). */
  countyAdviserInformed: { on: IsoDate; how: CountyContactChannel } | null;
  /** The apprentice was invited to bring a person they trust. */
  trustedPersonInvited: boolean;
}

/** Who agreed (signed) and when. */
export interface FollowUpAgreement {
  agreedOn: IsoDate;
  agreedBy: readonly FollowUpParticipant[];
}

export interface FollowUpPlanRecord extends FollowUpStepBase {
  kind: FollowUpStepKind.FOLLOW_UP_PLAN;
  /** The contract put in temporary interruption (midlertidig avbrudd), which the county must be told of. */
  interruption: { startsOn: IsoDate; countyNotifiedOn: IsoDate | null } | null;
  agreement: FollowUpAgreement | null;
}

export interface ResolutionRecord extends FollowUpStepBase {
  kind: FollowUpStepKind.RESOLUTION;
}

/**
 * By agreement (oppsigelse ved enighet: signed by both parties and sent to the county), or on
 * disagreement (heving ved uenighet: a reasoned application; the county decides and its adviser
 * contacts the apprentice).
 */
export const TERMINATION_MODE_LABELS = {
  BY_AGREEMENT: { nb: 'Oppsigelse ved enighet', en: 'By agreement' },
  BY_COUNTY_DECISION: { nb: 'Heving ved uenighet (fylkeskommunens vedtak)', en: "By the county's decision on disagreement" },
} satisfies Record<string, Bilingual>;
export type TerminationMode = keyof typeof TERMINATION_MODE_LABELS;
export const TerminationMode = namesOf(TERMINATION_MODE_LABELS);

export const TERMINATION_CAUSE_LABELS = {
  PERSONAL_HEALTH: { nb: 'Personlige forhold/helse', en: 'Personal/health' },
  WRONG_TRADE: { nb: 'Feil valg av fag', en: 'Wrong choice of trade' },
  WORK_ENVIRONMENT: { nb: 'Arbeidsmiljø', en: 'Work environment' },
  LACK_OF_FOLLOW_UP: { nb: 'Manglende oppfølging', en: 'Lack of follow-up' },
  STRUCTURAL: { nb: 'Strukturelle forhold/opplæringsplikt', en: 'Structural/training obligation' },
  OTHER: { nb: 'Annet', en: 'Other' },
} satisfies Record<string, Bilingual>;
export type TerminationCause = keyof typeof TERMINATION_CAUSE_LABELS;
export const TerminationCause = namesOf(TERMINATION_CAUSE_LABELS);

export const TERMINATION_PHASE_LABELS = {
  FIRST_THREE_MONTHS: { nb: 'De tre første månedene', en: 'First three months' },
  LATER: { nb: 'Senere', en: 'Later' },
} satisfies Record<string, Bilingual>;
export type TerminationPhase = keyof typeof TERMINATION_PHASE_LABELS;
export const TerminationPhase = namesOf(TERMINATION_PHASE_LABELS);

/** What the apprentice went on to. */
export const AFTER_TERMINATION_LABELS = {
  ANOTHER_APPRENTICESHIP: { nb: 'Ny læreplass', en: 'Another apprenticeship' },
  SCHOOL: { nb: 'Skole', en: 'School' },
  WORK: { nb: 'Arbeid', en: 'Work' },
  NO_ACTIVITY: { nb: 'Ingen aktivitet', en: 'No activity' },
  UNKNOWN: { nb: 'Ukjent', en: 'Unknown' },
} satisfies Record<string, Bilingual>;
export type AfterTermination = keyof typeof AFTER_TERMINATION_LABELS;
export const AfterTermination = namesOf(AFTER_TERMINATION_LABELS);

export interface TerminationRecord extends FollowUpStepBase {
  kind: FollowUpStepKind.TERMINATION;
  mode: TerminationMode;
  /** The contract's last day. The phase follows from it (see `terminationPhase`); it is not entered. */
  terminatedOn: IsoDate;
  causes: readonly TerminationCause[];
  /** What the causes were, in words; needed when OTHER is among them. */
  causeText: string | null;
  afterwards: AfterTermination;
  /** The signed form (by agreement) or the reasoned application (on disagreement) sent to the county. */
  sentToCountyOn: IsoDate | null;
  /** The county's decision, on disagreement. */
  countyDecidedOn: IsoDate | null;
  /** By agreement: both parties sign. */
  agreement: FollowUpAgreement | null;
}

export type FollowUpStepRecord = ConcernTalkRecord | FollowUpMeetingRecord | FollowUpPlanRecord | ResolutionRecord | TerminationRecord;

/** The case as opened: what worries the agency. */
export interface FollowUpOpening {
  openedOn: IsoDate;
  concerns: readonly FollowUpConcern[];
  concernText: string | null;
}

/** The step as the apprentice sees it: everything but the staff's internal note. */
export function forApprentice<S extends FollowUpStepBase>(step: S): Omit<S, 'internalNote'> {
  const { internalNote: _internal, ...shown } = step;
  return shown;
}

// ---------------------------------------------------------------- problems

/**
 * Why a step cannot be recorded as given, with its message. The codes are stable: clients and
 * tests switch on them (`FollowUpProblemCode.CASE_CLOSED`), as on `ErrorCode`.
 */
export const FOLLOW_UP_PROBLEM_TEXTS = {
  CASE_CLOSED: { nb: 'Saken er avsluttet.', en: 'The case is closed.' },
  STEP_OUT_OF_ORDER: {
    nb: 'Dette steget kan ikke komme nå; et tidligere steg mangler.',
    en: 'This step cannot come now; an earlier step is missing.',
  },
  DATE_INVALID: { nb: 'Datoen er ugyldig.', en: 'The date is not valid.' },
  DATE_IN_FUTURE: { nb: 'Datoen kan ikke være fram i tid.', en: 'The date cannot be in the future.' },
  DATE_BEFORE_PREVIOUS: { nb: 'Datoen er før forrige steg i saken.', en: "The date is before the case's previous step." },
  CONCERN_MISSING: { nb: 'Velg minst én bekymring.', en: 'Choose at least one concern.' },
  CONCERN_TEXT_MISSING: { nb: 'Beskriv misligholdet.', en: 'Describe the breach.' },
  SUMMARY_MISSING: { nb: 'Skriv et kort referat.', en: 'Write a short summary.' },
  APPRENTICE_ABSENT: { nb: 'Lærlingen skal delta.', en: 'The apprentice must take part.' },
  LEADER_ABSENT: { nb: 'Faglig leder eller instruktør skal delta.', en: 'The professional leader or an instructor must take part.' },
  AGENCY_ABSENT: { nb: 'Virksomheten skal delta.', en: 'The agency must take part.' },
  EXTERNAL_PARTICIPANT_INCOMPLETE: { nb: 'Oppgi navn (og rolle for «andre»).', en: 'Give the name (and the role for "other").' },
  ACTION_INCOMPLETE: {
    nb: 'Tiltaket trenger beskrivelse, ansvarlig og frist.',
    en: 'The action needs a description, an owner and a deadline.',
  },
  DEADLINE_BEFORE_STEP: { nb: 'Fristen er før datoen for steget.', en: 'The deadline is before the date of the step.' },
  COUNTY_ADVISER_NOT_INFORMED: {
    nb: 'Oppgi når og hvordan rådgiver ved fagopplæring ble informert.',
    en: 'Record when and how the county adviser was informed.',
  },
  TRUSTED_PERSON_NOT_INVITED: {
    nb: 'Lærlingen skal oppfordres til å ta med en person lærlingen har tillit til.',
    en: 'The apprentice must be invited to bring a person they trust.',
  },
  PLAN_WITHOUT_ACTIONS: {
    nb: 'Planen trenger minst ett tiltak med frist og ansvarlig.',
    en: 'The plan needs at least one action with a deadline and an owner.',
  },
  NEXT_MEETING_MISSING: { nb: 'Avtal nytt møte.', en: 'Agree a new meeting.' },
  INTERRUPTION_COUNTY_NOT_NOTIFIED: {
    nb: 'Avbrudd må meldes til fagopplæring; oppgi når.',
    en: 'An interruption must be reported to the county; record when.',
  },
  NOT_AGREED: { nb: 'Oppgi hvem som undertegnet, og når.', en: 'Record who signed, and when.' },
  NOT_AGREED_BY_BOTH_PARTIES: {
    nb: 'Både lærlingen og virksomheten skal undertegne.',
    en: 'Both the apprentice and the agency must sign.',
  },
  TERMINATION_CAUSE_MISSING: { nb: 'Velg minst én årsak.', en: 'Choose at least one cause.' },
  TERMINATION_CAUSE_TEXT_MISSING: { nb: 'Beskriv den andre årsaken.', en: 'Describe the other cause.' },
  TERMINATION_BEFORE_CONTRACT_START: { nb: 'Kontrakten kan ikke heves før den starter.', en: 'The contract cannot end before it starts.' },
  NOT_SENT_TO_COUNTY: { nb: 'Oppgi når skjemaet ble sendt til fylkeskommunen.', en: 'Record when the form was sent to the county.' },
  COUNTY_DECISION_MISSING: { nb: 'Oppgi datoen for fylkeskommunens vedtak.', en: "Record the date of the county's decision." },
} satisfies Record<string, Bilingual>;

export type FollowUpProblemCode = keyof typeof FOLLOW_UP_PROBLEM_TEXTS;
export const FollowUpProblemCode = namesOf(FOLLOW_UP_PROBLEM_TEXTS);

export interface FollowUpProblem {
  code: FollowUpProblemCode;
  /** The field at fault, as a path into the record (`actions[1].deadline`); '' for the record as a whole. */
  field: string;
}

/** The message of a problem in the reader's language. */
export const followUpProblemText = (p: FollowUpProblem, lang: 'nb' | 'en'): string => FOLLOW_UP_PROBLEM_TEXTS[p.code][lang];

/** What a step is checked against: the day, the case so far, the contract. */
export interface FollowUpStepContext {
  today: IsoDate;
  openedOn: IsoDate;
  /** The steps documented so far, in order. */
  previous: readonly { kind: FollowUpStepKind; date: IsoDate }[];
  contractStart: IsoDate;
}

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;
const STAFF_IN_TALK = [FollowUpParticipantRole.PROFESSIONAL_LEADER, FollowUpParticipantRole.INSTRUCTOR];
const STAFF = [...STAFF_IN_TALK, FollowUpParticipantRole.COORDINATOR];
const hasRole = (ps: readonly FollowUpParticipant[], roles: readonly FollowUpParticipantRole[]) => ps.some((p) => roles.includes(p.role));

/** Collects problems, with the shared date checks. */
class Problems {
  readonly list: FollowUpProblem[] = [];
  constructor(private readonly today: IsoDate) {}
  add(code: FollowUpProblemCode, field = ''): void {
    this.list.push({ code, field });
  }
  /** A valid date, not after `notAfter` (today for what has happened), not before `notBefore`. */
  date(
    value: IsoDate | null | undefined,
    field: string,
    opts: { past?: boolean; notBefore?: IsoDate; beforeCode?: FollowUpProblemCode },
  ): boolean {
    if (!value || !isIsoDate(value)) {
      this.add(FollowUpProblemCode.DATE_INVALID, field);
      return false;
    }
    if (opts.past && value > this.today) this.add(FollowUpProblemCode.DATE_IN_FUTURE, field);
    else if (opts.notBefore && value < opts.notBefore) this.add(opts.beforeCode ?? FollowUpProblemCode.DATE_BEFORE_PREVIOUS, field);
    return true;
  }
  agreement(a: FollowUpAgreement | null, notBefore: IsoDate): void {
    if (!a) return this.add(FollowUpProblemCode.NOT_AGREED, 'agreement');
    this.date(a.agreedOn, 'agreement.agreedOn', { past: true, notBefore });
    const apprentice = hasRole(a.agreedBy, [FollowUpParticipantRole.APPRENTICE]);
    if (!apprentice || !hasRole(a.agreedBy, STAFF)) this.add(FollowUpProblemCode.NOT_AGREED_BY_BOTH_PARTIES, 'agreement.agreedBy');
  }
}

/** The problems of opening a case: at least one concern; words for "other serious breach"; a valid day. */
export function followUpOpeningProblems(o: FollowUpOpening, today: IsoDate): FollowUpProblem[] {
  const p = new Problems(today);
  p.date(o.openedOn, 'openedOn', { past: true });
  if (o.concerns.length === 0) p.add(FollowUpProblemCode.CONCERN_MISSING, 'concerns');
  if (o.concerns.includes(FollowUpConcern.OTHER_SERIOUS_BREACH) && !filled(o.concernText)) {
    p.add(FollowUpProblemCode.CONCERN_TEXT_MISSING, 'concernText');
  }
  return p.list;
}

/** Whether `next` may follow the steps so far; null when it may. */
export function followUpOrderProblem(previous: readonly FollowUpStepKind[], next: FollowUpStepKind): FollowUpProblem | null {
  const allowed = nextFollowUpSteps(previous);
  if (allowed.length === 0) return { code: FollowUpProblemCode.CASE_CLOSED, field: 'kind' };
  return allowed.includes(next) ? null : { code: FollowUpProblemCode.STEP_OUT_OF_ORDER, field: 'kind' };
}

/**
 * Everything that stops a step from being recorded: its place in the order, and what the step
 * must document. Empty when it may be recorded.
 *
 * Every step: a valid date, not in the future, not before the case was opened or its previous
 * step; a summary; each agreed action with a description, an owner (a user or a name) and a
 * deadline not before the step; a next meeting, if set, not before the step; each external
 * participant with a name (and, for OTHER, who they are).
 * - Concern talk: the apprentice and the professional leader or an instructor take part.
 * - Follow-up meeting: the apprentice and the agency take part; the county's adviser was informed
 *   (when, how); the apprentice was invited to bring a person they trust.
 * - Follow-up plan: at least one action; a new meeting; an interruption, if any, reported to the
 *   county (when); agreed (signed) by the apprentice and the agency (who, when).
 * - Resolution: nothing beyond every step's.
 * - Termination: on a day from the contract's start; at least one cause (words for OTHER); what
 *   came after (UNKNOWN allowed); sent to the county (when); by agreement signed by both, on
 *   disagreement the county's decision (when).
 */
export function followUpStepProblems(step: FollowUpStepRecord, ctx: FollowUpStepContext): FollowUpProblem[] {
  const p = new Problems(ctx.today);
  const order = followUpOrderProblem(
    ctx.previous.map((s) => s.kind),
    step.kind,
  );
  if (order) p.list.push(order);

  const last = ctx.previous[ctx.previous.length - 1];
  const notBefore = last && last.date > ctx.openedOn ? last.date : ctx.openedOn;
  const dated = p.date(step.date, 'date', { past: true, notBefore });
  const from = dated ? step.date : undefined;
  const notBeforeStep = { notBefore: from, beforeCode: FollowUpProblemCode.DEADLINE_BEFORE_STEP };

  if (!filled(step.summary)) p.add(FollowUpProblemCode.SUMMARY_MISSING, 'summary');
  step.externalParticipants.forEach((x, i) => {
    if (!filled(x.name) || (x.role === ExternalParticipantRole.OTHER && !filled(x.roleText))) {
      p.add(FollowUpProblemCode.EXTERNAL_PARTICIPANT_INCOMPLETE, `externalParticipants[${i}]`);
    }
  });
  step.actions.forEach((a, i) => {
    if (!filled(a.description) || !(filled(a.ownerUserId) || filled(a.ownerName)) || !a.deadline) {
      p.add(FollowUpProblemCode.ACTION_INCOMPLETE, `actions[${i}]`);
    } else p.date(a.deadline, `actions[${i}].deadline`, notBeforeStep);
  });
  if (step.nextMeetingOn !== null) p.date(step.nextMeetingOn, 'nextMeetingOn', notBeforeStep);

  const apprenticeAbsent = !hasRole(step.participants, [FollowUpParticipantRole.APPRENTICE]);
  switch (step.kind) {
    case FollowUpStepKind.CONCERN_TALK:
      if (apprenticeAbsent) p.add(FollowUpProblemCode.APPRENTICE_ABSENT, 'participants');
      if (!hasRole(step.participants, STAFF_IN_TALK)) p.add(FollowUpProblemCode.LEADER_ABSENT, 'participants');
      break;
    case FollowUpStepKind.FOLLOW_UP_MEETING:
      if (apprenticeAbsent) p.add(FollowUpProblemCode.APPRENTICE_ABSENT, 'participants');
      if (!hasRole(step.participants, STAFF)) p.add(FollowUpProblemCode.AGENCY_ABSENT, 'participants');
      if (!step.countyAdviserInformed) p.add(FollowUpProblemCode.COUNTY_ADVISER_NOT_INFORMED, 'countyAdviserInformed');
      else p.date(step.countyAdviserInformed.on, 'countyAdviserInformed.on', { past: true });
      if (!step.trustedPersonInvited) p.add(FollowUpProblemCode.TRUSTED_PERSON_NOT_INVITED, 'trustedPersonInvited');
      break;
    case FollowUpStepKind.FOLLOW_UP_PLAN:
      if (step.actions.length === 0) p.add(FollowUpProblemCode.PLAN_WITHOUT_ACTIONS, 'actions');
      if (step.nextMeetingOn === null) p.add(FollowUpProblemCode.NEXT_MEETING_MISSING, 'nextMeetingOn');
      if (step.interruption) {
        p.date(step.interruption.startsOn, 'interruption.startsOn', {});
        if (!step.interruption.countyNotifiedOn)
          p.add(FollowUpProblemCode.INTERRUPTION_COUNTY_NOT_NOTIFIED, 'interruption.countyNotifiedOn');
        else p.date(step.interruption.countyNotifiedOn, 'interruption.countyNotifiedOn', { past: true });
      }
      p.agreement(step.agreement, from ?? ctx.openedOn);
      break;
    case FollowUpStepKind.RESOLUTION:
      break;
    case FollowUpStepKind.TERMINATION:
      terminationProblems(step, ctx, p);
      break;
  }
  return p.list;
}

function terminationProblems(step: TerminationRecord, ctx: FollowUpStepContext, p: Problems): void {
  p.date(step.terminatedOn, 'terminatedOn', {
    notBefore: ctx.contractStart,
    beforeCode: FollowUpProblemCode.TERMINATION_BEFORE_CONTRACT_START,
  });
  if (step.causes.length === 0) p.add(FollowUpProblemCode.TERMINATION_CAUSE_MISSING, 'causes');
  if (step.causes.includes(TerminationCause.OTHER) && !filled(step.causeText)) {
    p.add(FollowUpProblemCode.TERMINATION_CAUSE_TEXT_MISSING, 'causeText');
  }
  if (!step.sentToCountyOn) p.add(FollowUpProblemCode.NOT_SENT_TO_COUNTY, 'sentToCountyOn');
  else p.date(step.sentToCountyOn, 'sentToCountyOn', { past: true });
  if (step.mode === TerminationMode.BY_AGREEMENT) p.agreement(step.agreement, ctx.openedOn);
  else if (!step.countyDecidedOn) p.add(FollowUpProblemCode.COUNTY_DECISION_MISSING, 'countyDecidedOn');
  else p.date(step.countyDecidedOn, 'countyDecidedOn', { past: true });
}

// ---------------------------------------------------------------- the first three months

/** Months from the contract's start in which a termination normally keeps the right to education. */
export const FIRST_PHASE_MONTHS = 3;

/**
 * The last day of a period of `months` calendar months that begins on `from` (counted with it):
 * the day before the same day `months` later; where that month has no such day, its last day.
 * So three months from 15 January run through 14 April; from 30 November 2024 through
 * 28 February 2025; from 31 January through 30 April.
 */
export function monthPeriodLastDay(from: IsoDate, months: number): IsoDate {
  const [y, m, d] = from.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return d > length ? isoOf(year, month, length) : addDays(isoOf(year, month, d), -1);
}

/**
 * The phase of a termination: within the first three months when the contract's last day falls
 * before three months of the apprenticeship have passed ("heving før det har gått 3 måneder av
 * læretida"), counted in calendar months from the start day (`monthPeriodLastDay`); later otherwise.
 */
export function terminationPhase(contractStart: IsoDate, terminatedOn: IsoDate): TerminationPhase {
  return terminatedOn <= monthPeriodLastDay(contractStart, FIRST_PHASE_MONTHS)
    ? TerminationPhase.FIRST_THREE_MONTHS
    : TerminationPhase.LATER;
}

/** A termination in the first three months is marked: the right to education is then normally kept. */
export const rightToEducationNormallyKept = (contractStart: IsoDate, terminatedOn: IsoDate): boolean =>
  terminationPhase(contractStart, terminatedOn) === TerminationPhase.FIRST_THREE_MONTHS;

// ---------------------------------------------------------------- retention

/** How long a closed case is kept after the contract ended, in months (a setting; two years by default). */
export const DEFAULT_FOLLOW_UP_RETENTION_MONTHS = 24;

/**
 * The day a case is to be erased (only the anonymous counts stay): the first day after
 * `retentionMonths` from the day the contract ended (ended 15 June 2024: 15 June 2026; ended
 * 29 February 2024: 1 March 2026), and not before the case closed. Null while the case is open or
 * the contract still runs.
 */
export function followUpErasureDay(
  c: { closedOn: IsoDate | null; contractEndedOn: IsoDate | null },
  retentionMonths: number = DEFAULT_FOLLOW_UP_RETENTION_MONTHS,
): IsoDate | null {
  if (!c.closedOn || !c.contractEndedOn) return null;
  const day = addDays(monthPeriodLastDay(c.contractEndedOn, retentionMonths), 1);
  return day > c.closedOn ? day : c.closedOn;
}

export function isDueForErasure(
  c: { closedOn: IsoDate | null; contractEndedOn: IsoDate | null },
  today: IsoDate,
  retentionMonths: number = DEFAULT_FOLLOW_UP_RETENTION_MONTHS,
): boolean {
  const day = followUpErasureDay(c, retentionMonths);
  return day !== null && day <= today;
}

// ---------------------------------------------------------------- small numbers

/**
 * How a cell of a table the ministry sees is shown. Every count under the threshold (5), zero
 * included, is shown as "under 5": were zeros shown, a row total of 1–4 with published totals
 * would give away its only non-zero cell, and no second cell could hide it (a hidden zero is
 * known to be zero). Cells hidden only so that a small one cannot be worked out from the totals
 * (secondary suppression) are shown as hidden; their counts are at least the threshold.
 */
export enum CellDisclosure {
  SHOWN = 'SHOWN',
  UNDER_THRESHOLD = 'UNDER_THRESHOLD',
  HIDDEN = 'HIDDEN',
}

export const SMALL_COUNT_THRESHOLD = 5;

/** What is printed for a cell that is not shown. */
export function cellDisclosureText(d: Exclude<CellDisclosure, CellDisclosure.SHOWN>, threshold = SMALL_COUNT_THRESHOLD): Bilingual {
  return d === CellDisclosure.UNDER_THRESHOLD ? { nb: `under ${threshold}`, en: `under ${threshold}` } : { nb: 'skjult', en: 'hidden' };
}

export interface SuppressionOptions {
  /** Counts under this are small (default 5). */
  threshold?: number;
  /** Whether the rows' totals are published (default true). The grand total always is. */
  rowTotals?: boolean;
  /** Whether the columns' totals are published (default true). */
  columnTotals?: boolean;
}

export type CellRef = readonly [row: number, column: number];

export interface SuppressedTable {
  disclosure: CellDisclosure[][];
  /** The count to print where the cell is shown; null where it is not. */
  shown: (number | null)[][];
  /** The totals, published as they are (null where the options leave them out). */
  rowTotals: number[] | null;
  columnTotals: number[] | null;
  total: number;
  /**
   * Small cells that the published totals pin down whatever else is hidden (e.g. every other
   * cell of their row is forced by a column total of 0). Empty for nearly every table; when not,
   * the totals themselves give these cells away: publish the table without those totals
   * (`suppressForPublication` does) or with coarser rows or columns.
   */
  exposed: CellRef[];
  /** No exposed cell holds a count above zero: nobody can be placed in a cell from the table. */
  safe: boolean;
}

/**
 * Small-number suppression of a table of counts with its totals: every cell under the threshold
 * is shown as "under 5" (primary), and further cells are hidden (secondary) until no hidden
 * count can be worked out from what is published: the shown cells, the totals, and the
 * knowledge that an "under 5" cell holds 0–4 and a hidden one at least 5. A hidden cell is safe
 * when at least two tables of non-negative whole numbers agree with all that and differ in it.
 *
 * Exact, by flows: the published facts make the table a flow from rows to columns with fixed
 * totals and bounds on the hidden cells, so a hidden cell can take another value exactly when a
 * cycle through it can shift one unit (up, or down) along hidden cells within their bounds. Each
 * small cell without such a cycle gets the cheapest one: fewest cells newly hidden, then the
 * smallest counts hidden. Then every secondary cell that is not needed is shown again (largest
 * first, until none can be). Deterministic: the same table always gives the same result.
 */
export function suppressSmallCounts(counts: readonly (readonly number[])[], options: SuppressionOptions = {}): SuppressedTable {
  const t = new CountTable(counts, options);
  const { rows, cols } = t;
  const primary = (i: number, j: number) => t.small(i, j);
  const hidden = counts.map((row, i) => row.map((_, j) => primary(i, j)));
  const exposed: CellRef[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!primary(i, j) || t.protectedCell(hidden, i, j)) continue;
      const cycle = t.cheapestCycle(hidden, i, j);
      if (!cycle) exposed.push([i, j]);
      else for (const [a, b] of cycle) hidden[a][b] = true;
    }
  }
  const exposedSet = new Set(exposed.map(([i, j]) => i * cols + j));
  const allSafe = () => hidden.every((row, i) => row.every((h, j) => !h || exposedSet.has(i * cols + j) || t.protectedCell(hidden, i, j)));
  const secondary: CellRef[] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && !primary(i, j) && secondary.push([i, j])));
  secondary.sort((x, y) => counts[y[0]][y[1]] - counts[x[0]][x[1]] || y[0] - x[0] || y[1] - x[1]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [i, j] of secondary) {
      if (!hidden[i][j]) continue;
      hidden[i][j] = false;
      if (allSafe()) changed = true;
      else hidden[i][j] = true;
    }
  }
  const disclosure = hidden.map((row, i) =>
    row.map((h, j) => (!h ? CellDisclosure.SHOWN : primary(i, j) ? CellDisclosure.UNDER_THRESHOLD : CellDisclosure.HIDDEN)),
  );
  return {
    disclosure,
    shown: counts.map((row, i) => row.map((v, j) => (hidden[i][j] ? null : v))),
    rowTotals: t.publishRows ? [...t.rowSum] : null,
    columnTotals: t.publishCols ? [...t.colSum] : null,
    total: t.total,
    exposed,
    safe: exposed.every(([i, j]) => counts[i][j] === 0),
  };
}

/**
 * The table as it may be published: with both totals where that is safe; else without the rows'
 * totals; else without the columns'; else with the grand total alone. When even that is not
 * safe (`safe` false), publish the grand total and nothing else.
 */
export function suppressForPublication(counts: readonly (readonly number[])[], threshold = SMALL_COUNT_THRESHOLD): SuppressedTable {
  const tries: SuppressionOptions[] = [{}, { rowTotals: false }, { columnTotals: false }, { rowTotals: false, columnTotals: false }];
  let table = suppressSmallCounts(counts, { threshold });
  for (const o of tries.slice(1)) {
    if (table.safe) break;
    table = suppressSmallCounts(counts, { ...o, threshold });
  }
  return table;
}

/**
 * The table as a flow network: a node per row and per column, S feeding the rows and T fed by
 * the columns (an unpublished total is a free edge S→row or column→T; the grand total is fixed,
 * so there is no edge between T and S). A residual edge is a one-unit change that keeps the cell
 * within its bounds: row→column raises the cell, column→row lowers it.
 */
class CountTable {
  readonly rows: number;
  readonly cols: number;
  readonly threshold: number;
  readonly publishRows: boolean;
  readonly publishCols: boolean;
  readonly rowSum: number[];
  readonly colSum: number[];
  readonly total: number;
  private readonly S: number;
  private readonly T: number;

  constructor(
    private readonly counts: readonly (readonly number[])[],
    o: SuppressionOptions,
  ) {
    this.rows = counts.length;
    this.cols = counts[0]?.length ?? 0;
    this.threshold = o.threshold ?? SMALL_COUNT_THRESHOLD;
    if (!Number.isInteger(this.threshold) || this.threshold < 1) throw new RangeError('The threshold must be a whole number from 1');
    if (counts.some((r) => r.length !== this.cols || r.some((v) => !Number.isInteger(v) || v < 0))) {
      throw new RangeError('A table of counts has rows of one length and whole non-negative numbers');
    }
    this.publishRows = o.rowTotals ?? true;
    this.publishCols = o.columnTotals ?? true;
    this.rowSum = counts.map((r) => r.reduce((s, v) => s + v, 0));
    this.colSum = Array.from({ length: this.cols }, (_, j) => counts.reduce((s, r) => s + r[j], 0));
    this.total = this.rowSum.reduce((s, v) => s + v, 0);
    this.S = this.rows + this.cols;
    this.T = this.S + 1;
  }

  small(i: number, j: number): boolean {
    return this.counts[i][j] < this.threshold;
  }
  private canRaise(i: number, j: number): boolean {
    return !this.small(i, j) || this.counts[i][j] < this.threshold - 1;
  }
  private canLower(i: number, j: number): boolean {
    return this.counts[i][j] > (this.small(i, j) ? 0 : this.threshold);
  }

  /** The residual edges out of a node: [to, cell or null for a total's edge]. */
  private *edges(node: number): Generator<[number, CellRef | null]> {
    const { rows, cols, S, T } = this;
    if (node < rows) {
      for (let j = 0; j < cols; j++) if (this.canRaise(node, j)) yield [rows + j, [node, j]];
      if (!this.publishRows && this.rowSum[node] > 0) yield [S, null];
    } else if (node < rows + cols) {
      const j = node - rows;
      for (let i = 0; i < rows; i++) if (this.canLower(i, j)) yield [i, [i, j]];
      if (!this.publishCols) yield [T, null];
    } else if (node === S) {
      if (!this.publishRows) for (let i = 0; i < rows; i++) yield [i, null];
    } else if (!this.publishCols) {
      for (let j = 0; j < cols; j++) if (this.colSum[j] > 0) yield [rows + j, null];
    }
  }

  /**
   * The cheapest path `from` → `to` that does not use cell (i, j): a hidden cell costs nothing, a
   * shown one costs one cell and its count (only when `mayHide`). Null when there is none.
   */
  private path(hidden: boolean[][], from: number, to: number, skip: CellRef, mayHide: boolean): CellRef[] | null {
    const n = this.T + 1;
    const unit = this.total + 1;
    const dist = new Array<number>(n).fill(Infinity);
    const back = new Array<[number, CellRef | null] | null>(n).fill(null);
    const done = new Array<boolean>(n).fill(false);
    dist[from] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < n; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
      if (u < 0) return null;
      if (u === to) break;
      done[u] = true;
      for (const [v, cell] of this.edges(u)) {
        if (cell && cell[0] === skip[0] && cell[1] === skip[1]) continue;
        const shown = cell !== null && !hidden[cell[0]][cell[1]];
        if (shown && !mayHide) continue;
        const d = dist[u] + (shown ? unit + this.counts[cell[0]][cell[1]] : 0);
        if (d < dist[v]) {
          dist[v] = d;
          back[v] = [u, cell];
        }
      }
    }
    const cells: CellRef[] = [];
    for (let v = to; v !== from;) {
      const [u, cell] = back[v] as [number, CellRef | null];
      if (cell) cells.push(cell);
      v = u;
    }
    return cells;
  }

  /** Raising (i, j) needs a way back column j → row i; lowering it, row i → column j. */
  private cycle(hidden: boolean[][], i: number, j: number, mayHide: boolean): CellRef[] | null {
    const up = this.canRaise(i, j) ? this.path(hidden, this.rows + j, i, [i, j], mayHide) : null;
    const down = this.canLower(i, j) ? this.path(hidden, i, this.rows + j, [i, j], mayHide) : null;
    if (!up || !down) return up ?? down;
    const cost = (c: CellRef[]) => c.reduce((s, [a, b]) => s + (hidden[a][b] ? 0 : this.total + 1 + this.counts[a][b]), 0);
    return cost(down) < cost(up) ? down : up;
  }

  /** Whether hidden cell (i, j) can take another value given what is shown. */
  protectedCell(hidden: boolean[][], i: number, j: number): boolean {
    return this.cycle(hidden, i, j, false) !== null;
  }

  /** The cells to hide so that (i, j) can move, fewest and smallest first; null when none can. */
  cheapestCycle(hidden: boolean[][], i: number, j: number): CellRef[] | null {
    return this.cycle(hidden, i, j, true)?.filter(([a, b]) => !hidden[a][b]) ?? null;
  }
}
