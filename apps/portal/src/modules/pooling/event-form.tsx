import { Alert, Button, Select, Textfield } from '@digdir/designsystemet-react';
import type { GqlError, PoolEventFieldsFragment, PoolEventInput, PoolEventKind } from '@laerenett/portal-data-access';
import { osloInstant } from '@laerenett/shared-domain';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';

export const KINDS = ['EVENT', 'SEMINAR', 'COURSE', 'PROJECT', 'ELECTION', 'OTHER'] as PoolEventKind[];

/** A shift as the form holds it: a day and times in Oslo, as typed. */
export interface ShiftDraft {
  date: string;
  start: string;
  end: string;
  places: string;
  tasks: string;
  tradeIds: string[];
  competenceGoals: string;
}

/** An event as the form holds it. The deadline's time is kept from the event (23:59 for a new one). */
export interface EventDraft {
  title: string;
  kind: PoolEventKind;
  place: string;
  description: string;
  deadline: string;
  deadlineTime: string;
  shifts: ShiftDraft[];
}

const newShift = (): ShiftDraft => ({ date: '', start: '09:00', end: '12:00', places: '2', tasks: '', tradeIds: [], competenceGoals: '' });

export const emptyDraft = (): EventDraft => ({
  title: '',
  kind: 'EVENT',
  place: '',
  description: '',
  deadline: '',
  deadlineTime: '23:59',
  shifts: [newShift()],
});

const osloDay = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
const osloTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** The form's values for an event that is already registered (to change it and send it in again). */
export function draftFromEvent(e: PoolEventFieldsFragment): EventDraft {
  return {
    title: e.title,
    kind: e.kind,
    place: e.place,
    description: e.description,
    deadline: osloDay(e.signupDeadline),
    deadlineTime: osloTime(e.signupDeadline),
    shifts: e.shifts.map((s) => ({
      date: osloDay(s.startsAt),
      start: osloTime(s.startsAt),
      end: osloTime(s.endsAt),
      places: String(s.places),
      tasks: s.tasks,
      tradeIds: s.tradeIds,
      competenceGoals: s.competenceGoals,
    })),
  };
}

/** What the API is sent: the event's days run from its first shift to its last; what cannot be read is sent empty for the API to name. */
export function draftToInput(d: EventDraft): PoolEventInput {
  const dates = d.shifts
    .map((s) => s.date)
    .filter(Boolean)
    .sort();
  const instant = (date: string, time: string) => (date && time ? osloInstant(date, time).toISOString() : '');
  return {
    title: d.title,
    kind: d.kind,
    place: d.place,
    description: d.description,
    startsOn: dates[0] ?? '',
    endsOn: dates[dates.length - 1] ?? '',
    signupDeadline: instant(d.deadline, d.deadlineTime),
    shifts: d.shifts.map((s) => ({
      startsAt: instant(s.date, s.start),
      endsAt: instant(s.date, s.end),
      places: Number(s.places) || 0,
      tasks: s.tasks,
      tradeIds: s.tradeIds,
      competenceGoals: s.competenceGoals,
    })),
  };
}

interface Props {
  initial: EventDraft;
  submitLabel: string;
  /** Shown once the API has taken the event. */
  doneText: string;
  /** Sends the event; rejects with the API's error. */
  onSubmit: (input: PoolEventInput) => Promise<unknown>;
  error: GqlError | null | undefined;
  /** Empties the form after a successful send (for registering the next event). */
  resetAfter?: boolean;
}

/** An event with its shifts: registering a new one, or changing one that waits for review or was sent back. */
export function EventForm({ initial, submitLabel, doneText, onSubmit, error, resetAfter }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [done, setDone] = useState(false);
  const set = (k: 'title' | 'kind' | 'place' | 'description' | 'deadline') => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const setShift = (i: number, k: 'date' | 'start' | 'end' | 'places' | 'tasks') => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, shifts: d.shifts.map((s, j) => (j === i ? { ...s, [k]: e.target.value } : s)) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    try {
      await onSubmit(draftToInput(draft));
      setDone(true);
      if (resetAfter) setDraft(emptyDraft());
    } catch {
      /* the error is shown below */
    }
  };
  return (
    <form onSubmit={submit} noValidate className="ln-stack">
      <div className="ln-row">
        <Textfield label={t('pool.eventTitle')} value={draft.title} onChange={set('title')} />
        <div>
          <label htmlFor={`${id}-kind`}>{t('pool.kind')}</label>
          <Select id={`${id}-kind`} value={draft.kind} onChange={set('kind')}>
            {KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`pool.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </div>
        <Textfield label={t('pool.place')} value={draft.place} onChange={set('place')} />
        <Textfield label={t('pool.deadline')} type="date" value={draft.deadline} onChange={set('deadline')} />
      </div>
      <Textfield label={t('pool.description')} multiline rows={2} value={draft.description} onChange={set('description')} />
      {draft.shifts.map((s, i) => (
        <fieldset key={i} className="ln-row ln-fieldset">
          <legend>{t('pool.shift', { n: i + 1 })}</legend>
          <Textfield label={t('pool.date')} type="date" value={s.date} onChange={setShift(i, 'date')} />
          <Textfield label={t('pool.start')} type="time" value={s.start} onChange={setShift(i, 'start')} />
          <Textfield label={t('pool.end')} type="time" value={s.end} onChange={setShift(i, 'end')} />
          <Textfield label={t('pool.places')} type="number" min={1} value={s.places} onChange={setShift(i, 'places')} />
          <Textfield label={t('pool.tasks')} value={s.tasks} onChange={setShift(i, 'tasks')} />
        </fieldset>
      ))}
      <div className="ln-row">
        <Button
          type="button"
          variant="secondary"
          onClick={() => setDraft((d) => ({ ...d, shifts: [...d.shifts, { ...(d.shifts[d.shifts.length - 1] ?? newShift()) }] }))}
        >
          {t('pool.addShift')}
        </Button>
        <Button type="submit">{submitLabel}</Button>
      </div>
      <ErrorAlert error={error} />
      {done && (
        <Alert data-color="success" role="status">
          {doneText}
        </Alert>
      )}
    </form>
  );
}
