import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { renderPage } from '../../test/render';
import { ScheduleForm } from './schedule-form';

type Rule = 'MOVE' | 'SKIP';
const kept = (ruleDate: string) => ({ ruleDate, outcome: 'KEPT', date: ruleDate, reason: null, holiday: null });
const holyThursday2027 = (rule: Rule) =>
  rule === 'MOVE'
    ? { ruleDate: '2027-03-25', outcome: 'MOVED', date: '2027-03-24', reason: 'HOLIDAY', holiday: 'MAUNDY_THURSDAY' }
    : { ruleDate: '2027-03-25', outcome: 'SKIPPED', date: null, reason: 'HOLIDAY', holiday: 'MAUNDY_THURSDAY' };
/** What the API answers for a monthly last-Thursday rule from February 2027, by holiday rule. */
const lastThursdays = (rule: Rule) => [kept('2027-02-25'), holyThursday2027(rule), kept('2027-04-29')];

function open(dates: (rule: Rule) => unknown[] = lastThursdays) {
  const page = renderPage(<ScheduleForm />, {
    api: (op, vars) => {
      const input = vars['input'] as { holidayRule: Rule };
      if (op === 'GatheringSchedulePreview') return { gatheringSchedulePreview: dates(input.holidayRule) };
      if (op === 'CreateGatheringSchedule')
        return { createGatheringSchedule: { series: { id: 's1', holidayRule: input.holidayRule }, dates: dates(input.holidayRule) } };
      throw new Error(`unexpected ${op}`);
    },
  });
  fireEvent.change(screen.getByLabelText(i18n.t('gatherings.firstDate')), { target: { value: '2027-02-01' } });
  return page;
}

const rowOf = async (table: string, day: string) =>
  within(await screen.findByRole('table', { name: table })).getByRole('row', { name: new RegExp(day) });
const lastPreview = (page: { sent: { operation: string; variables: Record<string, unknown> }[] }) =>
  page.sent.filter((s) => s.operation === 'GatheringSchedulePreview').at(-1)?.variables['input'];

describe('the schedule form', () => {
  it('previews each date before saving: Holy Thursday 2027 moves to Wednesday 24 March by default', async () => {
    const page = open();
    await userEvent.selectOptions(screen.getByLabelText('Rytme'), 'monthly');
    expect(screen.getByRole('radio', { name: 'Flytt til nærmeste arbeidsdag samme uke' })).toBeChecked();
    await waitFor(async () =>
      expect(await rowOf('Datoene timeplanen gir', 'torsdag 25. mars 2027')).toHaveTextContent(
        'Flyttes til onsdag 24. mars 2027 (Skjærtorsdag)',
      ),
    );
    expect(await rowOf('Datoene timeplanen gir', 'torsdag 25. februar 2027')).toHaveTextContent('Holdes');
    expect(screen.getByText('Forhåndsvisning – ingenting er lagret ennå.')).toBeInTheDocument();
    expect(screen.queryByText(/Hoppes over/)).not.toBeInTheDocument();
    expect(lastPreview(page)).toEqual({
      rrule: 'FREQ=MONTHLY;BYDAY=-1TH',
      firstDate: '2027-02-01',
      startTime: '10:00',
      endTime: '14:00',
      horizonMonths: 12,
      holidayRule: 'MOVE',
    });
    expect(page.sent.some((s) => s.operation === 'CreateGatheringSchedule')).toBe(false);
  });

  it('previews Holy Thursday as skipped when the schedule skips holidays', async () => {
    const page = open();
    await userEvent.click(screen.getByRole('radio', { name: 'Hopp over datoen' }));
    await waitFor(async () =>
      expect(await rowOf('Datoene timeplanen gir', 'torsdag 25. mars 2027')).toHaveTextContent('Hoppes over (Skjærtorsdag)'),
    );
    expect(screen.queryByText(/Flyttes til/)).not.toBeInTheDocument();
    expect(lastPreview(page)).toMatchObject({ holidayRule: 'SKIP' });
  });

  it('says after saving what happened to each date, never "skipped" for a date that moved', async () => {
    const page = open();
    await screen.findByRole('table', { name: 'Datoene timeplanen gir' });
    await userEvent.click(screen.getByRole('button', { name: 'Lag timeplan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Timeplanen er lagret med 3 samlinger. 1 dato er flyttet.');
    expect(await rowOf('Datoene som er lagret', 'torsdag 25. mars 2027')).toHaveTextContent(
      'Flyttet til onsdag 24. mars 2027 (Skjærtorsdag)',
    );
    expect(screen.queryByText(/hoppet over/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Datoene timeplanen gir' })).not.toBeInTheDocument();
    expect(page.sent.find((s) => s.operation === 'CreateGatheringSchedule')?.variables['input']).toMatchObject({
      audience: 'BOTH',
      title: 'Nettverkssamling',
      holidayRule: 'MOVE',
      firstDate: '2027-02-01',
    });
  });

  it('counts a skipped date as skipped in the confirmation', async () => {
    open();
    await userEvent.click(screen.getByRole('radio', { name: 'Hopp over datoen' }));
    await waitFor(async () => expect(await rowOf('Datoene timeplanen gir', 'torsdag 25. mars 2027')).toHaveTextContent('Hoppes over'));
    await userEvent.click(screen.getByRole('button', { name: 'Lag timeplan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Timeplanen er lagret med 2 samlinger. 1 dato er hoppet over.');
    expect(await rowOf('Datoene som er lagret', 'torsdag 25. mars 2027')).toHaveTextContent('Hoppet over (Skjærtorsdag)');
  });

  it('names the Christmas and July holidays, in English too', async () => {
    await i18n.changeLanguage('en');
    open(() => [
      { ruleDate: '2026-12-31', outcome: 'SKIPPED', date: null, reason: 'CHRISTMAS_HOLIDAY', holiday: null },
      { ruleDate: '2027-07-01', outcome: 'MOVED', date: '2027-06-30', reason: 'JULY_HOLIDAY', holiday: null },
      holyThursday2027('MOVE'),
    ]);
    const table = 'The dates the schedule gives';
    await waitFor(async () => expect(await rowOf(table, '31 December 2026')).toHaveTextContent('Skipped (Christmas holiday)'));
    expect(await rowOf(table, '1 July 2027')).toHaveTextContent('Moved to Wednesday, 30 June 2027 (July holiday)');
    expect(await rowOf(table, '25 March 2027')).toHaveTextContent('Moved to Wednesday, 24 March 2027 (Maundy Thursday)');
  });
});
