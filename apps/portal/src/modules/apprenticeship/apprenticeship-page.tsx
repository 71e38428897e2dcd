import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import {
  useApprenticeship,
  useApprenticeshipStaff,
  useRecordApprenticeshipTalk,
  useRecordInterruption,
  useRecordTradeTestResult,
  useRegisterTradeTest,
  useSaveApprenticeshipContract,
  useUpdateInterruption,
} from '@laerenett/portal-data-access';
import type { ApprenticeshipFields } from '@laerenett/portal-data-access';
import { AfterPlan, COUNTIES, InterruptionKind, TalkKind, TradeTestResult } from '@laerenett/shared-domain';
import { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { ChoiceField, InputField, Outcome, useFormValues } from './fields';
import { ContractFacts, InterruptionPeriod, NextFacts, TalkList, todayInOslo, useDay, WarningTags } from './parts';

type Interruption = ApprenticeshipFields['interruptions'][number];

/** Runs the form's action instead of the browser's submit. */
const onSubmit = (action: () => unknown) => (e: FormEvent) => {
  e.preventDefault();
  void action();
};

/** One apprenticeship, kept by the agency: the contract, talks, interruptions and the trade test. */
export function ApprenticeshipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useApprenticeship(id);
  if (q.isLoading) return <Spinner aria-label={t('app.loading')} />;
  const a = q.data?.apprenticeship;
  return (
    <>
      <Heading level={1} data-size="lg">
        {a?.name ?? t('apprenticeship.nav')}
      </Heading>
      <ErrorAlert error={q.error} />
      {a && (
        <div className="ln-stack">
          {a.warnings.length > 0 && (
            <div className="ln-row" data-testid="apprenticeship-warnings">
              <WarningTags warnings={a.warnings} />
            </div>
          )}
          <ContractFacts a={a} />
          <NextFacts a={a} />
          {a.canEdit && <ContractForm a={a} />}
          <TalkList a={a} />
          {a.canEdit && <TalkForm a={a} />}
          <Interruptions a={a} />
          <TradeTests a={a} />
        </div>
      )}
    </>
  );
}

function ContractForm({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const staff = useApprenticeshipStaff(a.agencyId);
  const save = useSaveApprenticeshipContract();
  const { values: v, field } = useFormValues({
    county: a.county ?? '',
    leaderId: a.leader?.id ?? '',
    birthDate: a.birthDate ?? '',
    afterPlan: a.afterPlan ?? '',
  });
  const submit = () =>
    save.mutate({
      input: {
        apprenticeId: a.apprenticeId,
        county: v.county || null,
        leaderId: v.leaderId || null,
        birthDate: v.birthDate || null,
        afterPlan: (v.afterPlan || null) as AfterPlan | null,
      },
    });
  return (
    <Section id="contract-form-title" title={t('apprenticeship.saveContract')}>
      <form className="ln-row" onSubmit={onSubmit(submit)} noValidate>
        <ChoiceField
          id="contract-county"
          label={t('apprenticeship.county')}
          options={[['', t('apprenticeship.chooseCounty')], ...COUNTIES.map((c): [string, string] => [c, c])]}
          {...field('county')}
        />
        <ChoiceField
          id="contract-leader"
          label={t('apprenticeship.leader')}
          options={[
            ['', t('apprenticeship.chooseLeader')],
            ...(staff.data?.apprenticeshipStaff ?? []).map((p): [string, string] => [p.id, p.name]),
          ]}
          {...field('leaderId')}
        />
        <InputField label={t('apprenticeship.birthDate')} type="date" {...field('birthDate')} />
        <ChoiceField
          id="contract-after"
          label={t('apprenticeship.afterPlan')}
          options={[
            ['', t('apprenticeship.noAfterPlan')],
            ...Object.values(AfterPlan).map((p): [string, string] => [p, t(`apprenticeship.afterPlans.${p}`)]),
          ]}
          {...field('afterPlan')}
        />
        <Button type="submit" loading={save.isPending}>
          {t('apprenticeship.saveContract')}
        </Button>
      </form>
      <Outcome m={save} />
    </Section>
  );
}

function TalkForm({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const record = useRecordApprenticeshipTalk();
  const kind = a.talks.some((x) => x.kind === TalkKind.STARTUP) ? TalkKind.ASSESSMENT : TalkKind.STARTUP;
  const { values, field, reset } = useFormValues({ heldOn: todayInOslo(), participants: '', summary: '', goals: '' });
  const submit = () =>
    record.mutateAsync({ input: { apprenticeId: a.apprenticeId, kind, ...values } }).then(reset, () => undefined /* shown below */);
  return (
    <Section id="talk-form-title" title={`${t('apprenticeship.recordTalk')}: ${t(`apprenticeship.talkKinds.${kind}`)}`}>
      <form className="ln-stack" onSubmit={onSubmit(submit)} noValidate data-testid="talk-form">
        <InputField label={t('apprenticeship.heldOn')} type="date" {...field('heldOn')} />
        <InputField label={t('apprenticeship.participants')} {...field('participants')} />
        <InputField label={t('apprenticeship.summary')} rows={3} {...field('summary')} />
        <InputField label={t('apprenticeship.goals')} rows={2} {...field('goals')} />
        <Button type="submit" loading={record.isPending}>
          {t('apprenticeship.recordTalk')}
        </Button>
      </form>
      <Outcome m={record} />
    </Section>
  );
}

const NEW_INTERRUPTION = { kind: InterruptionKind.SICKNESS as string, startsOn: '', endsOn: '', countyNotifiedOn: '' };

/** An interruption as the agency sees it, with its last day and the county's notice to fill in. */
function InterruptionCard({ x, canEdit }: { x: Interruption; canEdit: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  const update = useUpdateInterruption();
  const { values: v, field } = useFormValues({ endsOn: x.endsOn ?? '', countyNotifiedOn: x.countyNotifiedOn ?? '' });
  return (
    <li className="ln-card">
      <Paragraph>
        <strong>{t(`apprenticeship.interruptionKinds.${x.kind}`)}</strong> <InterruptionPeriod x={x} />
        {` (${t('apprenticeship.daysAway', { count: x.days })})`}
      </Paragraph>
      <Paragraph>
        {t('apprenticeship.countyNotifiedOn')}: {x.countyNotifiedOn ? day(x.countyNotifiedOn) : t('apprenticeship.notNotified')}
      </Paragraph>
      {canEdit && (
        <form
          className="ln-row"
          noValidate
          onSubmit={onSubmit(() =>
            update.mutate({ id: x.id, input: { endsOn: v.endsOn || null, countyNotifiedOn: v.countyNotifiedOn || null } }),
          )}
        >
          <InputField label={t('apprenticeship.endsOn')} type="date" {...field('endsOn')} />
          <InputField label={t('apprenticeship.countyNotifiedOn')} type="date" {...field('countyNotifiedOn')} />
          <Button type="submit" variant="secondary" data-size="sm" loading={update.isPending}>
            {t('apprenticeship.endInterruption')}
          </Button>
        </form>
      )}
      <ErrorAlert error={update.error} />
    </li>
  );
}

function Interruptions({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const record = useRecordInterruption();
  const { values: v, field, reset } = useFormValues(NEW_INTERRUPTION);
  const submit = () =>
    record
      .mutateAsync({
        input: {
          apprenticeId: a.apprenticeId,
          kind: v.kind as InterruptionKind,
          startsOn: v.startsOn,
          endsOn: v.endsOn || null,
          countyNotifiedOn: v.countyNotifiedOn || null,
        },
      })
      .then(reset, () => undefined /* shown below */);
  return (
    <Section id="interruptions-title" title={t('apprenticeship.interruptions')}>
      <ul className="ln-plain-list" data-testid="interruptions">
        {a.interruptions.length === 0 && <li>{t('apprenticeship.noInterruptions')}</li>}
        {a.interruptions.map((x) => (
          <InterruptionCard key={x.id} x={x} canEdit={a.canEdit} />
        ))}
      </ul>
      {a.canEdit && (
        <>
          <form className="ln-row" onSubmit={onSubmit(submit)} noValidate data-testid="interruption-form">
            <ChoiceField
              id="interruption-kind"
              label={t('apprenticeship.interruptionKind')}
              options={Object.values(InterruptionKind).map((k): [string, string] => [k, t(`apprenticeship.interruptionKinds.${k}`)])}
              {...field('kind')}
            />
            <InputField label={t('apprenticeship.startsOn')} type="date" {...field('startsOn')} />
            <InputField label={t('apprenticeship.endsOn')} type="date" {...field('endsOn')} />
            <InputField label={t('apprenticeship.countyNotifiedOn')} type="date" {...field('countyNotifiedOn')} />
            <Button type="submit" loading={record.isPending}>
              {t('apprenticeship.recordInterruption')}
            </Button>
          </form>
          <Paragraph>{t('apprenticeship.holidaysNote')}</Paragraph>
        </>
      )}
      <ErrorAlert error={record.error} />
    </Section>
  );
}

function TradeTests({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const day = useDay();
  const register = useRegisterTradeTest();
  const result = useRecordTradeTestResult();
  const { values: v, field } = useFormValues({
    registeredOn: todayInOslo(),
    testDate: todayInOslo(),
    result: TradeTestResult.PASSED as string,
  });
  const newest = a.tradeTests[a.tradeTests.length - 1];
  const canRegister = a.canEdit && (a.tradeTestState === 'NONE' || a.tradeTestState === 'FAILED');
  return (
    <Section id="trade-test-title" title={t('apprenticeship.tradeTest')}>
      <ul className="ln-plain-list" data-testid="trade-tests">
        {a.tradeTests.map((x) => (
          <li key={x.id}>
            {t('apprenticeship.attempt')} {x.attempt}: {t('apprenticeship.registeredOn')} {day(x.registeredOn)}
            {x.testDate && ` · ${t('apprenticeship.testDate')} ${day(x.testDate)}`}
            {x.result && ` · ${t(`apprenticeship.results.${x.result}`)}`}
          </li>
        ))}
      </ul>
      {canRegister && (
        <form
          className="ln-row"
          noValidate
          onSubmit={onSubmit(() => register.mutate({ input: { apprenticeId: a.apprenticeId, registeredOn: v.registeredOn } }))}
        >
          <InputField label={t('apprenticeship.registeredOn')} type="date" {...field('registeredOn')} />
          <Button type="submit" loading={register.isPending}>
            {t('apprenticeship.registerTradeTest')}
          </Button>
        </form>
      )}
      {a.canEdit && newest && !newest.result && (
        <form
          className="ln-row"
          noValidate
          onSubmit={onSubmit(() =>
            result.mutate({ input: { tradeTestId: newest.id, testDate: v.testDate, result: v.result as TradeTestResult } }),
          )}
        >
          <InputField label={t('apprenticeship.testDate')} type="date" {...field('testDate')} />
          <ChoiceField
            id="trade-test-result"
            label={t('apprenticeship.result')}
            options={Object.values(TradeTestResult).map((k): [string, string] => [k, t(`apprenticeship.results.${k}`)])}
            {...field('result')}
          />
          <Button type="submit" loading={result.isPending}>
            {t('apprenticeship.recordResult')}
          </Button>
        </form>
      )}
      <ErrorAlert error={register.error ?? result.error} />
    </Section>
  );
}
