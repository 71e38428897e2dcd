import { Alert, Button, Heading, Select, Spinner, Textfield } from '@digdir/designsystemet-react';
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
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';
import { ContractFacts, NextFacts, TalkList, todayInOslo, useDay, WarningTags } from './parts';

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

function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? (
    <Alert data-color="success" role="status">
      {t('apprenticeship.saved')}
    </Alert>
  ) : null;
}

function ContractForm({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const staff = useApprenticeshipStaff(a.agencyId);
  const save = useSaveApprenticeshipContract();
  const [v, setV] = useState({
    county: a.county ?? '',
    leaderId: a.leader?.id ?? '',
    birthDate: a.birthDate ?? '',
    afterPlan: a.afterPlan ?? '',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      input: {
        apprenticeId: a.apprenticeId,
        county: v.county || null,
        leaderId: v.leaderId || null,
        birthDate: v.birthDate || null,
        afterPlan: (v.afterPlan || null) as AfterPlan | null,
      },
    });
  };
  return (
    <Section id="contract-form-title" title={t('apprenticeship.saveContract')}>
      <form className="ln-row" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="contract-county">{t('apprenticeship.county')}</label>
          <Select id="contract-county" value={v.county} onChange={(e) => setV({ ...v, county: e.target.value })}>
            <Select.Option value="">{t('apprenticeship.chooseCounty')}</Select.Option>
            {COUNTIES.map((c) => (
              <Select.Option key={c} value={c}>
                {c}
              </Select.Option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="contract-leader">{t('apprenticeship.leader')}</label>
          <Select id="contract-leader" value={v.leaderId} onChange={(e) => setV({ ...v, leaderId: e.target.value })}>
            <Select.Option value="">{t('apprenticeship.chooseLeader')}</Select.Option>
            {(staff.data?.apprenticeshipStaff ?? []).map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.name}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield
          label={t('apprenticeship.birthDate')}
          type="date"
          value={v.birthDate}
          onChange={(e) => setV({ ...v, birthDate: e.target.value })}
        />
        <div>
          <label htmlFor="contract-after">{t('apprenticeship.afterPlan')}</label>
          <Select id="contract-after" value={v.afterPlan} onChange={(e) => setV({ ...v, afterPlan: e.target.value })}>
            <Select.Option value="">{t('apprenticeship.noAfterPlan')}</Select.Option>
            {Object.values(AfterPlan).map((p) => (
              <Select.Option key={p} value={p}>
                {t(`apprenticeship.afterPlans.${p}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Button type="submit" loading={save.isPending}>
          {t('apprenticeship.saveContract')}
        </Button>
      </form>
      <ErrorAlert error={save.error} />
      <Saved show={save.isSuccess} />
    </Section>
  );
}

function TalkForm({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const record = useRecordApprenticeshipTalk();
  const startupHeld = a.talks.some((x) => x.kind === 'STARTUP');
  const [v, setV] = useState({ heldOn: todayInOslo(), participants: '', summary: '', goals: '' });
  const kind = startupHeld ? TalkKind.ASSESSMENT : TalkKind.STARTUP;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await record.mutateAsync({ input: { apprenticeId: a.apprenticeId, kind, ...v } });
      setV({ heldOn: todayInOslo(), participants: '', summary: '', goals: '' });
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="talk-form-title" title={`${t('apprenticeship.recordTalk')}: ${t(`apprenticeship.talkKinds.${kind}`)}`}>
      <form className="ln-stack" onSubmit={(e) => void submit(e)} noValidate data-testid="talk-form">
        <Textfield
          label={t('apprenticeship.heldOn')}
          type="date"
          value={v.heldOn}
          onChange={(e) => setV({ ...v, heldOn: e.target.value })}
        />
        <Textfield
          label={t('apprenticeship.participants')}
          value={v.participants}
          onChange={(e) => setV({ ...v, participants: e.target.value })}
        />
        <Textfield
          label={t('apprenticeship.summary')}
          multiline
          rows={3}
          value={v.summary}
          onChange={(e) => setV({ ...v, summary: e.target.value })}
        />
        <Textfield
          label={t('apprenticeship.goals')}
          multiline
          rows={2}
          value={v.goals}
          onChange={(e) => setV({ ...v, goals: e.target.value })}
        />
        <Button type="submit" loading={record.isPending}>
          {t('apprenticeship.recordTalk')}
        </Button>
      </form>
      <ErrorAlert error={record.error} />
      <Saved show={record.isSuccess} />
    </Section>
  );
}

function Interruptions({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const day = useDay();
  const record = useRecordInterruption();
  const update = useUpdateInterruption();
  const [v, setV] = useState({ kind: InterruptionKind.SICKNESS as string, startsOn: '', endsOn: '', countyNotifiedOn: '' });
  const [ends, setEnds] = useState<Record<string, { endsOn: string; countyNotifiedOn: string }>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({
      input: {
        apprenticeId: a.apprenticeId,
        kind: v.kind as InterruptionKind,
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
        countyNotifiedOn: v.countyNotifiedOn || null,
      },
    });
  };
  return (
    <Section id="interruptions-title" title={t('apprenticeship.interruptions')}>
      <ul className="ln-plain-list" data-testid="interruptions">
        {a.interruptions.length === 0 && <li>{t('apprenticeship.noInterruptions')}</li>}
        {a.interruptions.map((x) => {
          const e = ends[x.id] ?? { endsOn: x.endsOn ?? '', countyNotifiedOn: x.countyNotifiedOn ?? '' };
          return (
            <li key={x.id} className="ln-card">
              <p>
                <strong>{t(`apprenticeship.interruptionKinds.${x.kind}`)}</strong> {day(x.startsOn)} –{' '}
                {x.endsOn ? day(x.endsOn) : t('apprenticeship.ongoing')} ({t('apprenticeship.daysAway', { count: x.days })})
              </p>
              <p>
                {t('apprenticeship.countyNotifiedOn')}: {x.countyNotifiedOn ? day(x.countyNotifiedOn) : t('apprenticeship.notNotified')}
              </p>
              {a.canEdit && (
                <form
                  className="ln-row"
                  noValidate
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    update.mutate({ id: x.id, input: { endsOn: e.endsOn || null, countyNotifiedOn: e.countyNotifiedOn || null } });
                  }}
                >
                  <Textfield
                    label={t('apprenticeship.endsOn')}
                    type="date"
                    value={e.endsOn}
                    onChange={(ev) => setEnds({ ...ends, [x.id]: { ...e, endsOn: ev.target.value } })}
                  />
                  <Textfield
                    label={t('apprenticeship.countyNotifiedOn')}
                    type="date"
                    value={e.countyNotifiedOn}
                    onChange={(ev) => setEnds({ ...ends, [x.id]: { ...e, countyNotifiedOn: ev.target.value } })}
                  />
                  <Button type="submit" variant="secondary" data-size="sm">
                    {t('apprenticeship.endInterruption')}
                  </Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={update.error} />
      {a.canEdit && (
        <form className="ln-row" onSubmit={submit} noValidate data-testid="interruption-form">
          <div>
            <label htmlFor="interruption-kind">{t('apprenticeship.interruptionKind')}</label>
            <Select id="interruption-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
              {Object.values(InterruptionKind).map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`apprenticeship.interruptionKinds.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Textfield
            label={t('apprenticeship.startsOn')}
            type="date"
            value={v.startsOn}
            onChange={(e) => setV({ ...v, startsOn: e.target.value })}
          />
          <Textfield
            label={t('apprenticeship.endsOn')}
            type="date"
            value={v.endsOn}
            onChange={(e) => setV({ ...v, endsOn: e.target.value })}
          />
          <Textfield
            label={t('apprenticeship.countyNotifiedOn')}
            type="date"
            value={v.countyNotifiedOn}
            onChange={(e) => setV({ ...v, countyNotifiedOn: e.target.value })}
          />
          <Button type="submit" loading={record.isPending}>
            {t('apprenticeship.recordInterruption')}
          </Button>
        </form>
      )}
      {a.canEdit && <p>{t('apprenticeship.holidaysNote')}</p>}
      <ErrorAlert error={record.error} />
    </Section>
  );
}

function TradeTests({ a }: { a: ApprenticeshipFields }) {
  const { t } = useTranslation();
  const day = useDay();
  const register = useRegisterTradeTest();
  const result = useRecordTradeTestResult();
  const [registeredOn, setRegisteredOn] = useState(todayInOslo());
  const [r, setR] = useState({ testDate: todayInOslo(), result: TradeTestResult.PASSED as string });
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
          onSubmit={(e) => {
            e.preventDefault();
            register.mutate({ input: { apprenticeId: a.apprenticeId, registeredOn } });
          }}
        >
          <Textfield
            label={t('apprenticeship.registeredOn')}
            type="date"
            value={registeredOn}
            onChange={(e) => setRegisteredOn(e.target.value)}
          />
          <Button type="submit" loading={register.isPending}>
            {t('apprenticeship.registerTradeTest')}
          </Button>
        </form>
      )}
      {a.canEdit && newest && !newest.result && (
        <form
          className="ln-row"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            result.mutate({ input: { tradeTestId: newest.id, testDate: r.testDate, result: r.result as TradeTestResult } });
          }}
        >
          <Textfield
            label={t('apprenticeship.testDate')}
            type="date"
            value={r.testDate}
            onChange={(e) => setR({ ...r, testDate: e.target.value })}
          />
          <div>
            <label htmlFor="trade-test-result">{t('apprenticeship.result')}</label>
            <Select id="trade-test-result" value={r.result} onChange={(e) => setR({ ...r, result: e.target.value })}>
              {Object.values(TradeTestResult).map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`apprenticeship.results.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Button type="submit" loading={result.isPending}>
            {t('apprenticeship.recordResult')}
          </Button>
        </form>
      )}
      <ErrorAlert error={register.error ?? result.error} />
    </Section>
  );
}
