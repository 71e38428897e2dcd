import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SignupFieldsFragment } from '@laerenett/portal-data-access';
import { describe, expect, it } from 'vitest';
import { ApiError, renderPage } from '../../test/render';
import { AttendanceControls } from './event-signups';
import { parseHours } from './hours';

const signup = (hours: number | null = null) =>
  ({
    id: 'su1',
    shiftId: 's1',
    userId: 'u1',
    name: 'Emma Larsen',
    agencyName: 'Digitaliseringsdirektoratet',
    state: 'APPROVED',
    origin: 'SIGNUP',
    attendance: hours === null ? null : 'PRESENT',
    hours,
    decisionNote: '',
    eventId: 'e1',
    eventTitle: 'Digitaliseringskonferansen',
    startsAt: '2026-10-23T06:00:00.000Z',
    endsAt: '2026-10-23T10:00:00.000Z',
    tasks: 'Registrering',
    signupDeadline: '2026-10-20T15:00:00.000Z',
  }) as SignupFieldsFragment;

function open(s: SignupFieldsFragment, fail?: ApiError) {
  return renderPage(<AttendanceControls signup={s} />, {
    api: (op, vars) => {
      if (op !== 'RecordAttendance') throw new Error(`unexpected ${op}`);
      if (fail) throw fail;
      const input = vars['input'] as { attendance: string; hours?: number };
      return { recordAttendance: { id: 'su1', attendance: input.attendance, hours: input.hours ?? 4 } };
    },
  });
}
const sentInput = (page: ReturnType<typeof open>) =>
  page.sent.filter((s) => s.operation === 'RecordAttendance').map((s) => s.variables['input']);

describe('hours when marking attendance', () => {
  it('reads hours with a comma or a point, and empty as nothing', () => {
    expect(parseHours('2,5')).toBe(2.5);
    expect(parseHours(' 3.25 ')).toBe(3.25);
    expect(parseHours('')).toBeNull();
    expect(parseHours('to og en halv')).toBeUndefined();
    expect(parseHours('-1')).toBeUndefined();
  });

  it('starts at the shift’s length and records the hours written instead', async () => {
    const page = open(signup());
    const field = screen.getByLabelText('Timer');
    expect(field).toHaveValue('4');
    expect(screen.getByText('Vakten var 4 t. Skriv timene lærlingen faktisk jobbet.')).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '2,5');
    await userEvent.click(screen.getByRole('button', { name: 'Møtte: Emma Larsen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Oppmøtet er lagret.');
    expect(sentInput(page)).toEqual([{ signupId: 'su1', attendance: 'PRESENT', hours: 2.5 }]);
  });

  it('starts at the hours already recorded', () => {
    open(signup(3.5));
    expect(screen.getByLabelText('Timer')).toHaveValue('3,5');
  });

  it('sends nothing it cannot read, and says how to write it', async () => {
    const page = open(signup());
    const field = screen.getByLabelText('Timer');
    await userEvent.clear(field);
    await userEvent.type(field, 'halv dag');
    await userEvent.click(screen.getByRole('button', { name: 'Møtte: Emma Larsen' }));
    expect(screen.getByText('Skriv timene som et tall, for eksempel 2,5.')).toBeInTheDocument();
    expect(sentInput(page)).toEqual([]);
  });

  it('shows the API’s limits by its code', async () => {
    open(signup(), new ApiError('VALIDATION_FAILED', 'hours must not be greater than 24', { hours: ['max'] }));
    const field = screen.getByLabelText('Timer');
    await userEvent.clear(field);
    await userEvent.type(field, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Møtte: Emma Larsen' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Timene må være fra 0 til 24, med høyst to desimaler.');
  });

  it('records a no-show without hours', async () => {
    const page = open(signup());
    await userEvent.click(screen.getByRole('button', { name: 'Møtte ikke: Emma Larsen' }));
    await screen.findByRole('status');
    expect(sentInput(page)).toEqual([{ signupId: 'su1', attendance: 'NO_SHOW' }]);
  });
});
