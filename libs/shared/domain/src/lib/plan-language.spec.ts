import { englishAfterEdit, MEASURE_TEXTS, planInLanguage, planText, readsEnglish, subGoalsEnglishAfterEdit } from '../index';

const measure = (over: Record<string, unknown> = {}) =>
  ({
    ...Object.fromEntries(
      MEASURE_TEXTS.flatMap((k) => [
        [k, `${k} nb`],
        [`${k}En`, `${k} en`],
      ]),
    ),
    id: 'm1',
    milestones: [
      { title: 'Første nettverkssamling', titleEn: 'First network gathering', dueDate: '2026-08-31' },
      { title: 'Egen milepæl', titleEn: null, dueDate: '2026-09-30' },
    ],
    criteria: [{ label: 'Minst 3 samlinger i løpet av året', labelEn: 'At least 3 gatherings during the year', status: 'MET' }],
    ...over,
  }) as unknown as Record<(typeof MEASURE_TEXTS)[number], string> &
    Record<string, unknown> & {
      milestones: { title: string; titleEn: string | null; dueDate: string }[];
      criteria: { label: string; labelEn: string | null; status: string }[];
    };

const plan = {
  id: 'p1',
  year: 2026,
  mainGoal: 'Øke antall lærlinger i departementsområdet',
  mainGoalEn: 'Increase the number of apprentices in the ministry area',
  mainGoalDetail: 'Egen tekst',
  mainGoalDetailEn: null,
  subGoals: ['Øke antall lærlinger i enkelte virksomheter.', 'Flere lærlinger i Digdir'],
  subGoalsEn: ['Increase the number of apprentices in some agencies.', null],
  measures: [measure(), measure({ titleEn: null })],
};

describe('the plan in two languages', () => {
  it('reads English from en and its regional forms only', () => {
    expect([
      readsEnglish('en'),
      readsEnglish('en-GB'),
      readsEnglish('EN'),
      readsEnglish('nb'),
      readsEnglish('nn'),
      readsEnglish(undefined),
      readsEnglish(null),
    ]).toEqual([true, true, true, false, false, false, false]);
  });

  it('shows the English where there is one, and the Norwegian otherwise', () => {
    expect(planText('en', 'Kompetanselærling', 'Competence apprentices')).toBe('Competence apprentices');
    expect(planText('en', 'Egen tekst', null)).toBe('Egen tekst');
    expect(planText('en', 'Egen tekst', undefined)).toBe('Egen tekst');
    expect(planText('nb', 'Kompetanselærling', 'Competence apprentices')).toBe('Kompetanselærling');
    // An empty text is empty in both languages (no OK stat role in a measure).
    expect(planText('en', '', '')).toBe('');
  });

  it('gives an English reader every text of the plan in English where it has one, and leaves the rest as it was', () => {
    const en = planInLanguage(plan, 'en');
    expect(en.mainGoal).toBe('Increase the number of apprentices in the ministry area');
    expect(en.mainGoalDetail).toBe('Egen tekst');
    expect(en.subGoals).toEqual(['Increase the number of apprentices in some agencies.', 'Flere lærlinger i Digdir']);
    expect(en.measures[0].title).toBe('title en');
    expect(MEASURE_TEXTS.map((k) => en.measures[0][k])).toEqual(MEASURE_TEXTS.map((k) => `${k} en`));
    expect(en.measures[1].title).toBe('title nb');
    expect(en.measures[1].description).toBe('description en');
    expect(en.measures[0].milestones.map((x) => [x.title, x.dueDate])).toEqual([
      ['First network gathering', '2026-08-31'],
      ['Egen milepæl', '2026-09-30'],
    ]);
    expect(en.measures[0].criteria).toEqual([
      { label: 'At least 3 gatherings during the year', labelEn: 'At least 3 gatherings during the year', status: 'MET' },
    ]);
    expect(en.measures[0]['id']).toBe('m1');
    // The stored plan is not changed; a Norwegian reader gets it as it is.
    expect(plan.measures[0].title).toBe('title nb');
    expect(planInLanguage(plan, 'nb')).toBe(plan);
  });

  it('reads a plan without English (made before it, or from scratch) in Norwegian', () => {
    const bare = {
      ...plan,
      mainGoalEn: null,
      subGoalsEn: null,
      measures: [measure(Object.fromEntries(MEASURE_TEXTS.map((k) => [`${k}En`, null])))],
    };
    const en = planInLanguage(bare, 'en');
    expect(en.mainGoal).toBe(plan.mainGoal);
    expect(en.subGoals).toEqual(plan.subGoals);
    expect(en.measures[0].title).toBe('title nb');
  });

  it('clears the English of a Norwegian text that an edit changed, and keeps it where the text was saved unchanged', () => {
    const current = { title: 'Kompetanselærling', description: 'Beskrivelse', purpose: 'Formål', status: 'PLANNED' };
    expect(
      englishAfterEdit(['title', 'description', 'purpose'] as const, current, {
        title: 'Kompetanselærlinger i nettverket',
        description: 'Beskrivelse',
        status: 'DONE',
      }),
    ).toEqual({ titleEn: null });
    expect(englishAfterEdit(['title', 'description', 'purpose'] as const, current, { purpose: '' })).toEqual({ purposeEn: null });
    expect(englishAfterEdit(['title', 'description', 'purpose'] as const, current, { status: 'DONE' })).toEqual({});
    expect(englishAfterEdit(['title'] as const, { title: 'Milepæl' }, { title: undefined })).toEqual({});
  });

  it('keeps the English of sub-goals still in the list, wherever they moved, and none for new or edited ones', () => {
    const before = ['Flere virksomheter med lærling.', 'Flere lærlinger i enkelte virksomheter.'];
    const beforeEn = ['More agencies with an apprentice.', 'More apprentices in some agencies.'];
    expect(subGoalsEnglishAfterEdit(before, beforeEn, [before[1], 'Nytt delmål', before[0]])).toEqual([
      'More apprentices in some agencies.',
      null,
      'More agencies with an apprentice.',
    ]);
    expect(subGoalsEnglishAfterEdit(before, beforeEn, ['Flere virksomheter med lærling, også de små.'])).toBeNull();
    expect(subGoalsEnglishAfterEdit(before, null, before)).toBeNull();
    expect(subGoalsEnglishAfterEdit(before, [beforeEn[0], null], before)).toEqual([beforeEn[0], null]);
  });
});
