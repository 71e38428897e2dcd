import { Alert, Button, Fieldset, Paragraph, Radio, Select, Spinner, Textfield } from '@digdir/designsystemet-react';
import { HolidayRule, ScheduledDate, useCreateGatheringSchedule, useGatheringSchedulePreview } from '@laerenett/portal-data-access';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';
import { ScheduleDates } from './schedule-dates';
import { Section } from '../layout/section';

const RHYTHMS = {
  bimonthly: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH',
  monthly: 'FREQ=MONTHLY;BYDAY=-1TH',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1TH',
} as const;
const HOLIDAY_RULES: HolidayRule[] = ['MOVE', 'SKIP'];
const HORIZON_MONTHS = 12;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const count = (dates: ScheduledDate[], outcome: ScheduledDate['outcome']) => dates.filter((d) => d.outcome === outcome).length;

/** What was saved, date by date, as the API answered: never "skipped" for a date that moved. */
function Saved({ dates }: { dates: ScheduledDate[] }) {
  const { t } = useTranslation();
  const moved = count(dates, 'MOVED');
  const skipped = count(dates, 'SKIPPED');
  return (
    <>
      <Alert data-color="success" role="status">
        <Paragraph>
          {t('schedule.created', { count: dates.length - skipped })}
          {moved > 0 && ` ${t('schedule.moved', { count: moved })}`}
          {skipped > 0 && ` ${t('schedule.skipped', { count: skipped })}`}
        </Paragraph>
      </Alert>
      <ScheduleDates dates={dates} caption={t('schedule.saved')} saved testId="schedule-saved" />
    </>
  );
}

/**
 * A new schedule of gatherings: a rhythm, times, and what to do with dates that are no day for a
 * gathering. Before saving, the dates the schedule gives are previewed from the API (the same
 * rule that saves them); after saving, the confirmation shows what was saved for each date.
 */
export function ScheduleForm() {
  const { t } = useTranslation();
  const create = useCreateGatheringSchedule();
  const [audience, setAudience] = useState<'STAFF' | 'APPRENTICE' | 'BOTH'>('BOTH');
  const [title, setTitle] = useState('Nettverkssamling');
  const [rhythm, setRhythm] = useState<keyof typeof RHYTHMS>('bimonthly');
  const [firstDate, setFirstDate] = useState(new Date().toISOString().slice(0, 10));
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('14:00');
  const [holidayRule, setHolidayRule] = useState<HolidayRule>('MOVE');
  const [saved, setSaved] = useState<ScheduledDate[] | null>(null);
  const schedule = { rrule: RHYTHMS[rhythm], firstDate, startTime: start, endTime: end, horizonMonths: HORIZON_MONTHS, holidayRule };
  // Asked for only once the date and times can be read; each answer is kept, so going back is instant.
  const readable = DATE.test(firstDate) && TIME.test(start) && TIME.test(end) && start < end;
  const preview = useGatheringSchedulePreview(schedule, readable && !saved);
  // Any change starts a new schedule: the confirmation of the last one goes, the preview comes back.
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setSaved(null);
    };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    try {
      const r = await create.mutateAsync({ input: { ...schedule, audience, title } });
      setSaved(r.createGatheringSchedule.dates);
    } catch {
      /* shown below */
    }
  };
  return (
    <Section id="schedule-title" title={t('gatherings.newSchedule')}>
      <form onSubmit={submit} noValidate>
        <div className="ln-row">
          <Textfield label={t('gatherings.scheduleTitle')} value={title} onChange={(e) => edit(setTitle)(e.target.value)} required />
          <div>
            <label htmlFor="schedule-audience">{t('gatherings.audience')}</label>
            <Select id="schedule-audience" value={audience} onChange={(e) => edit(setAudience)(e.target.value as typeof audience)}>
              {(['BOTH', 'STAFF', 'APPRENTICE'] as const).map((a) => (
                <Select.Option key={a} value={a}>
                  {t(`gatherings.audiences.${a}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="schedule-rhythm">{t('gatherings.rhythm')}</label>
            <Select id="schedule-rhythm" value={rhythm} onChange={(e) => edit(setRhythm)(e.target.value as keyof typeof RHYTHMS)}>
              {(Object.keys(RHYTHMS) as (keyof typeof RHYTHMS)[]).map((r) => (
                <Select.Option key={r} value={r}>
                  {t(`gatherings.rhythms.${r}`)}
                </Select.Option>
              ))}
            </Select>
          </div>
          <Textfield label={t('gatherings.firstDate')} type="date" value={firstDate} onChange={(e) => edit(setFirstDate)(e.target.value)} />
          <Textfield label={t('gatherings.start')} type="time" value={start} onChange={(e) => edit(setStart)(e.target.value)} />
          <Textfield label={t('gatherings.end')} type="time" value={end} onChange={(e) => edit(setEnd)(e.target.value)} />
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('schedule.holidayRule')}</Fieldset.Legend>
          <Fieldset.Description>{t('schedule.holidayHint')}</Fieldset.Description>
          {HOLIDAY_RULES.map((r) => (
            <Radio
              key={r}
              name="schedule-holiday-rule"
              value={r}
              label={t(`schedule.holidayRules.${r}`)}
              checked={holidayRule === r}
              onChange={() => edit(setHolidayRule)(r)}
            />
          ))}
        </Fieldset>
        {!saved && (
          <div aria-live="polite" aria-busy={preview.isFetching}>
            {preview.isFetching && !preview.data && <Spinner aria-label={t('app.loading')} />}
            {preview.data && preview.data.gatheringSchedulePreview.length > 0 && (
              <>
                <ScheduleDates dates={preview.data.gatheringSchedulePreview} caption={t('schedule.preview')} testId="schedule-preview" />
                <Paragraph data-size="sm">{t('schedule.previewHint')}</Paragraph>
              </>
            )}
            {preview.data && preview.data.gatheringSchedulePreview.length === 0 && <Paragraph>{t('schedule.previewNone')}</Paragraph>}
            <ErrorAlert error={preview.error} />
          </div>
        )}
        <Button type="submit" loading={create.isPending}>
          {t('gatherings.create')}
        </Button>
      </form>
      <ErrorAlert error={create.error} />
      {saved && <Saved dates={saved} />}
    </Section>
  );
}
