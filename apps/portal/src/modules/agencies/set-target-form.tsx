import { Alert, Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useSetTarget, useTrades } from '@laerenett/portal-data-access';
import { MAX_TARGET } from '@laerenett/shared-domain';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { Section } from '../layout/section';

interface Props {
  agencyId: string;
  year: number;
  employees: number;
  current: { total: number; note: string; byTrade: { tradeId: string; count: number }[] } | null;
}

export function SetTargetForm({ agencyId, year, current, employees }: Props) {
  const { t, i18n } = useTranslation();
  const trades = useTrades();
  const setTarget = useSetTarget();
  const [total, setTotal] = useState(String(current?.total ?? ''));
  const [note, setNote] = useState(current?.note ?? '');
  const [split, setSplit] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setTotal(String(current?.total ?? ''));
    setNote(current?.note ?? '');
    setSplit(Object.fromEntries((current?.byTrade ?? []).map((b) => [b.tradeId, String(b.count)])));
  }, [current, year]);

  const fieldError = (f: string) => setTarget.error?.fields[f]?.join(' ');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const byTrade = Object.entries(split)
      .filter(([, v]) => v.trim() !== '' && Number(v) > 0)
      .map(([tradeId, v]) => ({ tradeId, count: Number(v) }));
    try {
      await setTarget.mutateAsync({ input: { agencyId, year, total: Number(total), note, byTrade } });
      setSaved(true);
    } catch {
      /* shown below */
    }
  };

  return (
    <Section
      id="set-target-title"
      title={
        <>
          {t('agency.setTarget')} {year}
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Textfield
          label={t('agency.total')}
          type="number"
          inputMode="numeric"
          min={0}
          max={Math.min(MAX_TARGET, employees || MAX_TARGET)}
          value={total}
          onChange={(e) => setTotal(e.target.value)}
          error={fieldError('total')}
          required
        />
        <Textfield
          label={t('agency.note')}
          description={t('agency.noteHint')}
          multiline
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <details>
          <summary>{t('agency.byTrade')}</summary>
          <Fieldset>
            <Fieldset.Legend>{t('agency.byTrade')}</Fieldset.Legend>
            {trades.data?.trades.map((tr) => (
              <Textfield
                key={tr.id}
                label={i18n.language === 'en' ? tr.nameEn : tr.nameNb}
                type="number"
                min={0}
                value={split[tr.id] ?? ''}
                onChange={(e) => setSplit((s) => ({ ...s, [tr.id]: e.target.value }))}
              />
            ))}
          </Fieldset>
        </details>
        <ErrorAlert error={setTarget.error} />
        {saved && (
          <Alert data-color="success" role="status">
            {t('agency.saved')}
          </Alert>
        )}
        <Button type="submit" loading={setTarget.isPending}>
          {t('agency.save')}
        </Button>
      </form>
    </Section>
  );
}
