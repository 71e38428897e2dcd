/**
 * The action plan in two languages. A plan made from the template (or copied from a plan that
 * was) holds the template's English beside each Norwegian text (`titleEn` beside `title`). The
 * Norwegian text is the plan; the English is its translation. When a coordinator edits a
 * Norwegian text, its English no longer says the same and is cleared: a reader of the English
 * plan then sees the edited Norwegian text rather than a stale translation. Texts a coordinator
 * writes (new measures, milestones, criteria) have no English.
 */

/** The texts of a measure, in the order the plan shows them. */
export const MEASURE_TEXTS = [
  'title',
  'description',
  'purpose',
  'responsibilityMinistry',
  'responsibilityOkStat',
  'responsibilityAgencies',
  'implementation',
] as const;
export type MeasureText = (typeof MEASURE_TEXTS)[number];

/** Whether a language code (nb, en, en-GB …) reads English. */
export const readsEnglish = (lang: string | null | undefined): boolean => !!lang && lang.toLowerCase().startsWith('en');

/** The text a reader of `lang` sees: the English where there is one, the Norwegian otherwise. */
export function planText(lang: string | null | undefined, nb: string, en: string | null | undefined): string {
  return readsEnglish(lang) && en !== null && en !== undefined ? en : nb;
}

/**
 * What an edit does to the English of the texts it touches: of the texts named by `keys`, the
 * English of every one whose Norwegian the patch changes is cleared (`titleEn: null`); a text
 * saved unchanged keeps its English.
 */
export function englishAfterEdit<K extends string>(
  keys: readonly K[],
  current: Record<K, string>,
  patch: object,
): Partial<Record<`${K}En`, null>> {
  const cleared: Partial<Record<`${K}En`, null>> = {};
  const next = patch as Partial<Record<K, unknown>>;
  for (const k of keys) {
    if (next[k] !== undefined && next[k] !== current[k]) cleared[`${k}En`] = null;
  }
  return cleared;
}

/**
 * The English of sub-goals after the list was saved: a sub-goal whose Norwegian text is still in
 * the list keeps its English (wherever it moved); a new or edited one has none. Null when none has.
 */
export function subGoalsEnglishAfterEdit(
  before: readonly string[],
  beforeEn: readonly (string | null)[] | null,
  after: readonly string[],
): (string | null)[] | null {
  const en = after.map((text) => {
    const i = before.indexOf(text);
    return i >= 0 ? (beforeEn?.[i] ?? null) : null;
  });
  return en.some((x) => x !== null) ? en : null;
}

interface BilingualMilestone {
  title: string;
  titleEn?: string | null;
}
interface BilingualCriterion {
  label: string;
  labelEn?: string | null;
}
type BilingualMeasure = Record<MeasureText, string> &
  Partial<Record<`${MeasureText}En`, string | null>> & {
    milestones: readonly BilingualMilestone[];
    criteria: readonly BilingualCriterion[];
  };
interface BilingualPlan {
  mainGoal: string;
  mainGoalEn?: string | null;
  mainGoalDetail: string;
  mainGoalDetailEn?: string | null;
  subGoals: readonly string[];
  subGoalsEn?: readonly (string | null)[] | null;
  measures: readonly BilingualMeasure[];
}

/** The plan as a reader of `lang` sees it: every text in the reader's language where the plan has it. */
export function planInLanguage<P extends BilingualPlan>(plan: P, lang: string | null | undefined): P {
  if (!readsEnglish(lang)) return plan;
  const text = (nb: string, en: string | null | undefined) => planText(lang, nb, en);
  return {
    ...plan,
    mainGoal: text(plan.mainGoal, plan.mainGoalEn),
    mainGoalDetail: text(plan.mainGoalDetail, plan.mainGoalDetailEn),
    subGoals: plan.subGoals.map((s, i) => text(s, plan.subGoalsEn?.[i])),
    measures: plan.measures.map((m) => ({
      ...m,
      ...Object.fromEntries(MEASURE_TEXTS.map((k) => [k, text(m[k], m[`${k}En`])])),
      milestones: m.milestones.map((x) => ({ ...x, title: text(x.title, x.titleEn) })),
      criteria: m.criteria.map((c) => ({ ...c, label: text(c.label, c.labelEn) })),
    })),
  };
}
