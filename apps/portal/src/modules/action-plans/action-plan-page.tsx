import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Link as DsLink,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  useActionPlan,
  useAddPlanMeasure,
  useCreateActionPlan,
  useMe,
  useUpdateActionPlan,
  type ActionPlanFieldsFragment,
  type PlanSource,
} from '@laerenett/portal-data-access';
import { planInLanguage, readsEnglish } from '@laerenett/shared-domain';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { thisYear } from '../gatherings/format';
import { ErrorAlert } from '../layout/error-alert';
import { BilateralMeetings } from './bilateral-meetings';
import { MeasureCard } from './measure-card';
import { PlanTimeline } from './plan-timeline';
import { Section } from '../layout/section';

function CreatePlan({ year, hasPrevious }: { year: number; hasPrevious: boolean }) {
  const { t } = useTranslation();
  const create = useCreateActionPlan();
  const [source, setSource] = useState<PlanSource>((hasPrevious ? 'PREVIOUS_YEAR' : 'TEMPLATE') as PlanSource);
  return (
    <Section id="create-title" className="ln-card" title={<>{t('plan.start', { year })}</>}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ input: { year, source } });
        }}
      >
        <Fieldset>
          <Fieldset.Legend>{t('plan.source')}</Fieldset.Legend>
          {(['TEMPLATE', 'PREVIOUS_YEAR', 'EMPTY'] as PlanSource[]).map((s) => (
            <Radio
              key={s}
              name="plan-source"
              value={s}
              label={t(`plan.sources.${s}`)}
              checked={source === s}
              disabled={s === 'PREVIOUS_YEAR' && !hasPrevious}
              onChange={() => setSource(s)}
            />
          ))}
        </Fieldset>
        <Button type="submit" disabled={create.isPending}>
          {t('plan.create')}
        </Button>
      </form>
      <ErrorAlert error={create.error} />
    </Section>
  );
}

/** The goals as the reader sees them (`shown`, in their language); the form edits the plan's own (Norwegian) texts. */
function Goals({ plan, shown }: { plan: ActionPlanFieldsFragment; shown: ActionPlanFieldsFragment }) {
  const { t } = useTranslation();
  const update = useUpdateActionPlan();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ mainGoal: plan.mainGoal, mainGoalDetail: plan.mainGoalDetail, subGoals: plan.subGoals.join('\n') });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await update.mutateAsync({
        input: {
          planId: plan.id,
          mainGoal: form.mainGoal,
          mainGoalDetail: form.mainGoalDetail,
          subGoals: form.subGoals
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        },
      });
      setEditing(false);
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="goals-title" title={t('plan.mainGoal')}>
      {editing ? (
        <form onSubmit={save} noValidate>
          {(plan.mainGoalEn !== null || plan.mainGoalDetailEn !== null || plan.subGoalsEn !== null) && (
            <Paragraph data-size="sm">{t('plan.editClearsEnglish')}</Paragraph>
          )}
          <Textfield
            label={t('plan.mainGoal')}
            value={form.mainGoal}
            onChange={(e) => setForm((f) => ({ ...f, mainGoal: e.target.value }))}
          />
          <Textfield
            label={t('plan.detail')}
            multiline
            rows={3}
            value={form.mainGoalDetail}
            onChange={(e) => setForm((f) => ({ ...f, mainGoalDetail: e.target.value }))}
          />
          <Textfield
            label={t('plan.subGoals')}
            description={t('plan.subGoalsHint')}
            multiline
            rows={4}
            value={form.subGoals}
            onChange={(e) => setForm((f) => ({ ...f, subGoals: e.target.value }))}
          />
          <div className="ln-row">
            <Button type="submit">{t('plan.saveGoals')}</Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('plan.cancel')}
            </Button>
          </div>
          <ErrorAlert error={update.error} />
        </form>
      ) : (
        <>
          <Paragraph data-size="lg">
            <strong>{shown.mainGoal}</strong>
          </Paragraph>
          {shown.mainGoalDetail && <Paragraph>{shown.mainGoalDetail}</Paragraph>}
          {shown.subGoals.length > 0 && (
            <>
              <Heading level={3} data-size="xs">
                {t('plan.subGoals')}
              </Heading>
              <ol>
                {shown.subGoals.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ol>
            </>
          )}
          {plan.canEdit && (
            <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t('plan.editGoals')}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

function Summary({ plan }: { plan: ActionPlanFieldsFragment }) {
  const { t } = useTranslation();
  const criteria = plan.measures.flatMap((m) => m.criteria).filter((c) => c.status !== 'UNAVAILABLE');
  const milestones = plan.measures.filter((m) => m.status !== 'DROPPED').flatMap((m) => m.milestones);
  const stats = [
    ['criteria', `${criteria.filter((c) => c.status === 'MET').length} / ${criteria.length}`],
    ['overdue', String(milestones.filter((m) => m.status === 'OVERDUE').length)],
    ['dueSoon', String(milestones.filter((m) => m.status === 'DUE_SOON').length)],
    ['meetings', `${plan.bilateralMeetings.filter((b) => b.meeting).length} / ${plan.bilateralMeetings.length}`],
  ] as const;
  return (
    <ul className="ln-stats" data-testid="plan-summary">
      {stats.map(([k, v]) => (
        <li key={k} className="ln-stat" data-testid={`plan-stat-${k}`}>
          <span className="ln-stat-value">{v}</span>
          {t(`plan.summary.${k}`)}
        </li>
      ))}
    </ul>
  );
}

function AddMeasure({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const add = useAddPlanMeasure();
  const [title, setTitle] = useState('');
  return (
    <details>
      <summary>{t('plan.addMeasure')}</summary>
      <form
        className="ln-row"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await add.mutateAsync({ input: { planId, title } });
            setTitle('');
          } catch {
            /* shown below */
          }
        }}
      >
        <Textfield label={t('plan.measureName')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('plan.add')}
        </Button>
      </form>
      <ErrorAlert error={add.error} />
    </details>
  );
}

/** The area's action plan for a year: goals, the year's timeline, each measure with its milestones and criteria, and the bilateral meetings. */
export function ActionPlanPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || thisYear();
  const me = useMe().data?.me;
  const q = useActionPlan(year);
  const plan = q.data?.actionPlan ?? null;
  // The plan's texts in the reader's language where the plan has them (the template's English), the Norwegian otherwise.
  const shown = useMemo(() => (plan ? planInLanguage(plan, i18n.language) : null), [plan, i18n.language]);
  const years = [...new Set([thisYear() + 1, thisYear(), ...(q.data?.actionPlanYears ?? []), year])].sort((a, b) => b - a);
  const editor = !!me?.capabilities?.manageActionPlan;

  return (
    <>
      <div className="ln-row ln-spread">
        <Heading level={1} data-size="lg">
          {t('plan.title', { year })}
        </Heading>
        <div>
          <label htmlFor="plan-year">{t('plan.year')}</label>
          <Select id="plan-year" value={String(year)} onChange={(e) => setParams({ ar: e.target.value })}>
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      {q.isLoading && <Spinner aria-label={t('app.loading')} />}
      <ErrorAlert error={q.error} />
      {q.data && !plan && (
        <>
          <Paragraph>{t('plan.none', { year })}</Paragraph>
          {editor && <CreatePlan year={year} hasPrevious={(q.data.actionPlanYears ?? []).includes(year - 1)} />}
        </>
      )}
      {plan && shown && (
        <>
          <Paragraph>
            {plan.areaName} ·{' '}
            <DsLink href={`/api/action-plans/${plan.id}/plan.pdf?lang=${readsEnglish(i18n.language) ? 'en' : 'nb'}`}>
              {t('plan.pdf')}
            </DsLink>
          </Paragraph>
          {!plan.canEdit && (
            <Alert data-color="info">
              <Paragraph>{t('plan.readOnly')}</Paragraph>
            </Alert>
          )}
          <Summary plan={shown} />
          <Goals key={plan.updatedAt} plan={plan} shown={shown} />
          <PlanTimeline plan={shown} />
          <Section id="measures-title" className="ln-stack" title={t('plan.measure')}>
            {shown.measures.map((m, i) => (
              <MeasureCard key={m.id} measure={m} n={i + 1} canEdit={plan.canEdit} />
            ))}
            {plan.canEdit && <AddMeasure planId={plan.id} />}
          </Section>
          <BilateralMeetings plan={plan} />
        </>
      )}
    </>
  );
}
