import { Button, Checkbox, Fieldset, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  useAddPlanMilestone,
  useCheckPlanCriterion,
  usePlanOwnerCandidates,
  useUpdatePlanMeasure,
  useUpdatePlanMilestone,
  type ActionPlanFieldsFragment,
  type MeasureStatus,
} from '@laerenett/portal-data-access';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { formatDay } from '../gatherings/format';

type Measure = ActionPlanFieldsFragment['measures'][number];
type Criterion = Measure['criteria'][number];

const CRITERION_COLOUR = { MET: 'success', IN_PROGRESS: 'warning', NOT_MET: 'danger', UNAVAILABLE: 'neutral' } as const;
const MILESTONE_COLOUR = { DONE: 'success', OVERDUE: 'danger', DUE_SOON: 'warning', UPCOMING: 'neutral' } as const;
const STATUSES: MeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'] as MeasureStatus[];

function CriterionItem({ c, canEdit }: { c: Criterion; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const check = useCheckPlanCriterion();
  const [comment, setComment] = useState(c.comment);
  // Shown at once on a click; the server's answer then confirms it (or puts it back).
  const [checked, setChecked] = useState(c.checked);
  useEffect(() => setChecked(c.checked), [c.checked]);
  const manual = c.kind === 'MANUAL';
  return (
    <li className="ln-criterion" data-testid={`criterion-${c.kind}`}>
      <div className="ln-row">
        <Tag data-color={CRITERION_COLOUR[c.status]}>{t(`plan.criterionStatus.${c.status}`)}</Tag>
        <span>{c.label}</span>
        {!manual && c.status !== 'UNAVAILABLE' && (
          <span className="ln-muted">
            ({t('plan.of', { value: c.value, required: c.required })} · {t('plan.computed')})
          </span>
        )}
      </div>
      {c.missing.length > 0 && <Paragraph data-size="sm">{t('plan.missing', { list: c.missing.map((m) => m.name).join(', ') })}</Paragraph>}
      {c.late.length > 0 && (
        <Paragraph data-size="sm">
          {t('plan.late', { list: c.late.map((m) => `${m.name} (${formatDay(m.on, i18n.language)})`).join(', ') })}
        </Paragraph>
      )}
      {manual && !canEdit && c.comment && <Paragraph data-size="sm">{c.comment}</Paragraph>}
      {manual && c.checkedByName && <Paragraph data-size="sm">{t('plan.checkedBy', { name: c.checkedByName })}</Paragraph>}
      {manual && canEdit && (
        <form
          className="ln-row"
          onSubmit={(e) => {
            e.preventDefault();
            check.mutate({ input: { criterionId: c.id, checked, comment } });
          }}
        >
          <Checkbox
            label={t('plan.tick', { label: c.label })}
            checked={checked}
            onChange={(e) => {
              setChecked(e.target.checked);
              check.mutate({ input: { criterionId: c.id, checked: e.target.checked, comment } }, { onError: () => setChecked(c.checked) });
            }}
          />
          <Textfield label={t('plan.comment')} data-size="sm" value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="submit" variant="secondary" data-size="sm">
            {t('plan.saveTick')}
          </Button>
          <ErrorAlert error={check.error} />
        </form>
      )}
    </li>
  );
}

function MilestoneItem({ m, canEdit }: { m: Measure['milestones'][number]; canEdit: boolean }) {
  const { t } = useTranslation();
  const setDone = useUpdatePlanMilestone();
  const [done, setDoneLocal] = useState(m.status === 'DONE');
  useEffect(() => setDoneLocal(m.status === 'DONE'), [m.status]);
  return (
    <li className="ln-row">
      <Tag data-color={MILESTONE_COLOUR[m.status]}>{t(`plan.milestoneStatus.${m.status}`)}</Tag>
      {canEdit ? (
        <Checkbox
          label={`${m.title} – ${m.dueDate}`}
          checked={done}
          onChange={(e) => {
            setDoneLocal(e.target.checked);
            setDone.mutate({ input: { milestoneId: m.id, done: e.target.checked } }, { onError: () => setDoneLocal(m.status === 'DONE') });
          }}
        />
      ) : (
        <span>
          {m.title} – {m.dueDate}
        </span>
      )}
      <ErrorAlert error={setDone.error} />
    </li>
  );
}

function OwnersEditor({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const candidates = usePlanOwnerCandidates(true);
  const update = useUpdatePlanMeasure();
  const [chosen, setChosen] = useState<string[]>(measure.owners.map((o) => o.id));
  return (
    <details>
      <summary>{t('plan.changeOwners')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ input: { measureId: measure.id, ownerIds: chosen } });
        }}
      >
        <Fieldset>
          <Fieldset.Legend>{t('plan.owners')}</Fieldset.Legend>
          {candidates.data?.planOwnerCandidates.map((p) => (
            <Checkbox
              key={p.id}
              label={`${p.name}${p.agencyName ? ` (${p.agencyName})` : ''}`}
              checked={chosen.includes(p.id)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
            />
          ))}
        </Fieldset>
        <Button type="submit" variant="secondary" data-size="sm">
          {t('plan.saveOwners')}
        </Button>
        <ErrorAlert error={update.error} />
      </form>
    </details>
  );
}

export function MeasureCard({ measure, n, canEdit }: { measure: Measure; n: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdatePlanMeasure();
  const addMilestone = useAddPlanMilestone();
  const [milestone, setMilestone] = useState({ title: '', dueDate: '' });
  const headingId = `measure-${measure.id}`;
  const roles = [
    ['ministry', measure.responsibilityMinistry],
    ['okStat', measure.responsibilityOkStat],
    ['agencies', measure.responsibilityAgencies],
  ].filter(([, v]) => v);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addMilestone.mutateAsync({ input: { measureId: measure.id, ...milestone } });
      setMilestone({ title: '', dueDate: '' });
    } catch {
      /* shown below */
    }
  };

  return (
    <section className="ln-card" aria-labelledby={headingId} data-testid="plan-measure">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('plan.measureTitle', { n, title: measure.title })}
      </Heading>
      <div className="ln-row">
        {canEdit ? (
          <div>
            <label htmlFor={`status-${measure.id}`}>{t('plan.status')}</label>
            <Select
              id={`status-${measure.id}`}
              data-size="sm"
              value={measure.status}
              onChange={(e) => update.mutate({ input: { measureId: measure.id, status: e.target.value as MeasureStatus } })}
            >
              {STATUSES.map((s) => (
                <Select.Option key={s} value={s}>
                  {t(`plan.measureStatus.${s}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
        ) : (
          <Tag data-color={measure.status === 'DONE' ? 'success' : 'info'}>{t(`plan.measureStatus.${measure.status}`)}</Tag>
        )}
        <Paragraph data-size="sm">
          {t('plan.owners')}: {measure.owners.length ? measure.owners.map((o) => o.name).join(', ') : t('plan.noOwners')}
        </Paragraph>
      </div>
      <ErrorAlert error={update.error} />
      {canEdit && <OwnersEditor measure={measure} />}
      <details>
        <summary>{t('plan.details')}</summary>
        {(['description', 'purpose', 'implementation'] as const).map((k) =>
          measure[k] ? (
            <div key={k}>
              <Heading level={4} data-size="2xs">
                {t(`plan.${k}`)}
              </Heading>
              <Paragraph>{measure[k]}</Paragraph>
            </div>
          ) : null,
        )}
        {roles.length > 0 && (
          <>
            <Heading level={4} data-size="2xs">
              {t('plan.roles')}
            </Heading>
            <dl className="ln-dl">
              {roles.map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`plan.${k}`)}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </details>

      <Heading level={4} data-size="xs">
        {t('plan.milestones')}
      </Heading>
      <ul className="ln-plain-list">
        {measure.milestones.map((m) => (
          <MilestoneItem key={m.id} m={m} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit && (
        <details>
          <summary>{t('plan.addMilestone')}</summary>
          <form className="ln-row" onSubmit={add} noValidate>
            <Textfield
              label={t('plan.milestone')}
              value={milestone.title}
              onChange={(e) => setMilestone((m) => ({ ...m, title: e.target.value }))}
            />
            <Textfield
              label={t('plan.due')}
              type="date"
              value={milestone.dueDate}
              onChange={(e) => setMilestone((m) => ({ ...m, dueDate: e.target.value }))}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t('plan.add')}
            </Button>
          </form>
          <ErrorAlert error={addMilestone.error} />
        </details>
      )}

      <Heading level={4} data-size="xs">
        {t('plan.criteria')}
      </Heading>
      <ul className="ln-plain-list">
        {measure.criteria.map((c) => (
          <CriterionItem key={c.id} c={c} canEdit={canEdit} />
        ))}
      </ul>
    </section>
  );
}
