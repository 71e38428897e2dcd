import { CriterionKind, CriterionStatus, MEASURE_TEXTS, MeasureStatus, MilestoneStatus } from '@laerenett/shared-domain';
import type { ActionPlanModel } from '../models/action-plan.models';
import { datedTemplateMeasures, PILOT_PLAN_TEMPLATE, templatePlanHead, type Bilingual } from '../templates/pilot-plan.template';
import { actionPlanDocument } from '../utils/action-plan.pdf';

/** Every text of the template, with where it sits. */
function texts(): [string, Bilingual][] {
  const t = PILOT_PLAN_TEMPLATE;
  return [
    ['mainGoal', t.mainGoal],
    ['mainGoalDetail', t.mainGoalDetail],
    ...t.subGoals.map((s, i): [string, Bilingual] => [`subGoals[${i}]`, s]),
    ...t.measures.flatMap((m, i) => [
      ...MEASURE_TEXTS.map((k): [string, Bilingual] => [`measures[${i}].${k}`, m.texts[k]]),
      ...m.milestones.map((x, j): [string, Bilingual] => [`measures[${i}].milestones[${j}]`, x.title]),
      ...m.criteria.map((c, j): [string, Bilingual] => [`measures[${i}].criteria[${j}]`, c.label]),
    ]),
  ];
}

describe("the pilot's template", () => {
  it('has English for every Norwegian text, and nothing left in Norwegian', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(45);
    for (const [where, { nb, en }] of all) {
      // Empty in both or in neither (measure 3 has no role for OK stat).
      expect({ where, empty: en.trim() === '' }).toEqual({ where, empty: nb.trim() === '' });
      if (nb) expect({ where, en }).not.toEqual({ where, en: nb });
      expect({ where, norwegianLetters: /[æøå]/i.test(en) }).toEqual({ where, norwegianLetters: false });
      expect({ where, norwegianWords: /\b(og|av|med|til|ved|som|eller|virksomhet\w*|lærling\w*|departement\w*)\b/i.test(en) }).toEqual({
        where,
        norwegianWords: false,
      });
    }
  });

  it('dates its measures in a year, each text with its English beside it', () => {
    const [first, second] = datedTemplateMeasures(PILOT_PLAN_TEMPLATE, 2027);
    expect(first.fields).toMatchObject({
      title: 'Presentasjon av lærlingordningen',
      titleEn: 'Presenting the apprenticeship scheme',
      responsibilityOkStatEn: expect.stringContaining('OK stat'),
    });
    expect(Object.keys(first.fields).sort()).toEqual([...MEASURE_TEXTS, ...MEASURE_TEXTS.map((k) => `${k}En`)].sort());
    expect(second.milestones.find((x) => x.dueDate === '2027-08-31')).toEqual({
      title: 'Første nettverkssamling',
      titleEn: 'First network gathering',
      dueDate: '2027-08-31',
    });
    expect(second.criteria.find((c) => c.kind === CriterionKind.GATHERINGS_HELD)).toEqual({
      kind: CriterionKind.GATHERINGS_HELD,
      label: 'Minst 3 samlinger i løpet av året',
      labelEn: 'At least 3 gatherings during the year',
      dueDate: null,
      threshold: 3,
    });
    expect(templatePlanHead(PILOT_PLAN_TEMPLATE)).toMatchObject({
      mainGoal: 'Øke antall lærlinger i departementsområdet',
      mainGoalEn: 'Increase the number of apprentices in the ministry area',
    });
    expect(templatePlanHead(PILOT_PLAN_TEMPLATE).subGoalsEn).toHaveLength(PILOT_PLAN_TEMPLATE.subGoals.length);
  });
});

describe('the action plan PDF in two languages', () => {
  const head = templatePlanHead(PILOT_PLAN_TEMPLATE);
  const plan: ActionPlanModel = {
    id: 'p',
    areaId: 'a',
    areaName: 'Kommunal- og distriktsdepartementet',
    year: 2027,
    ...head,
    canEdit: true,
    updatedAt: new Date('2027-01-10T08:00:00Z'),
    bilateralMeetings: [],
    measures: datedTemplateMeasures(PILOT_PLAN_TEMPLATE, 2027).map((m, i) => ({
      id: `m${i}`,
      position: i + 1,
      // The coordinator wrote the last measure's title anew: it has no English.
      ...m.fields,
      ...(i === 3 ? { title: 'Kompetanselærlinger i nettverket', titleEn: null } : {}),
      status: MeasureStatus.PLANNED,
      owners: [],
      milestones: m.milestones.map((x, j) => ({
        id: `x${i}${j}`,
        measureId: `m${i}`,
        ...x,
        doneAt: null,
        status: MilestoneStatus.UPCOMING,
      })),
      criteria: m.criteria.map((c, j) => ({
        id: `c${i}${j}`,
        ...c,
        checked: false,
        comment: '',
        checkedByName: null,
        checkedAt: null,
        status: CriterionStatus.IN_PROGRESS,
        value: 0,
        required: 1,
        missing: [],
        late: [],
      })),
    })),
  };
  /** Every string in the document definition. */
  const strings = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : Array.isArray(node)
        ? node.flatMap(strings)
        : node && typeof node === 'object'
          ? Object.values(node).flatMap(strings)
          : [];

  it('in English, shows the English texts and the Norwegian only where a text has no English', () => {
    const all = strings(actionPlanDocument(plan, 'en', '2027-01-10').content).join('\n');
    expect(all).toContain('Increase the number of apprentices in the ministry area');
    expect(all).toContain('Measure 2: A network in the ministry area');
    expect(all).toContain('Measure 4: Kompetanselærlinger i nettverket');
    expect(all).toContain('The agencies let the apprentices take part in training');
    expect(all).toContain('First network gathering');
    expect(all).not.toContain('Nettverk i departementsområdet');
    expect(all).not.toContain('Første nettverkssamling');
  });

  it('in Norwegian, shows the Norwegian texts', () => {
    const all = strings(actionPlanDocument(plan, 'nb', '2027-01-10').content).join('\n');
    expect(all).toContain('Tiltak 2: Nettverk i departementsområdet');
    expect(all).toContain('Øke antall lærlinger i departementsområdet');
    expect(all).not.toContain('A network in the ministry area');
  });
});
