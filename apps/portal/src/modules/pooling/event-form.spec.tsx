import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PoolEventFieldsFragment } from '@laerenett/portal-data-access';
import { describe, expect, it } from 'vitest';
import { ApiError, renderPage } from '../../test/render';
import { draftFromEvent, draftToInput } from './event-form';
import { EditEvent } from './pool-page';

const returned = {
  id: 'e1',
  title: 'Lunsjseminar om universell utforming',
  kind: 'SEMINAR',
  place: 'Digdir, Grev Wedels plass 9',
  startsOn: '2027-01-20',
  endsOn: '2027-01-20',
  description: 'Lunsjseminar for ansatte.',
  signupDeadline: '2027-01-17T15:00:00.000Z',
  status: 'RETURNED',
  reviewComment: 'Skriv hva lærlingene skal gjøre på vakten.',
  feedback: '',
  canManage: true,
  canReview: false,
  canEdit: true,
  canGiveFeedback: false,
  agencyName: 'Digitaliseringsdirektoratet',
  shifts: [
    {
      id: 's1',
      startsAt: '2027-01-20T10:00:00.000Z',
      endsAt: '2027-01-20T12:00:00.000Z',
      tasks: '',
      places: 2,
      taken: 0,
      tradeIds: ['t1'],
      tradeNames: ['IKT-servicefaget'],
      competenceGoals: 'Service',
      eligibility: null,
      canAssign: false,
      mySignup: null,
    },
  ],
} as unknown as PoolEventFieldsFragment;

describe('the event form', () => {
  it('reads a registered event in Oslo time and sends it back unchanged, keeping the deadline’s time, trades and goals', () => {
    const d = draftFromEvent(returned);
    expect(d).toMatchObject({
      deadline: '2027-01-17',
      deadlineTime: '16:00',
      shifts: [{ date: '2027-01-20', start: '11:00', end: '13:00', places: '2', tradeIds: ['t1'], competenceGoals: 'Service' }],
    });
    expect(draftToInput(d)).toEqual({
      title: returned.title,
      kind: 'SEMINAR',
      place: returned.place,
      description: returned.description,
      startsOn: '2027-01-20',
      endsOn: '2027-01-20',
      signupDeadline: '2027-01-17T15:00:00.000Z',
      shifts: [
        {
          startsAt: '2027-01-20T10:00:00.000Z',
          endsAt: '2027-01-20T12:00:00.000Z',
          places: 2,
          tasks: '',
          tradeIds: ['t1'],
          competenceGoals: 'Service',
        },
      ],
    });
  });

  it('sends what cannot be read as empty, for the API to name', () => {
    const d = draftFromEvent(returned);
    const input = draftToInput({ ...d, deadline: '', shifts: [{ ...d.shifts[0], date: '', places: 'x' }] });
    expect(input).toMatchObject({ startsOn: '', endsOn: '', signupDeadline: '', shifts: [{ startsAt: '', endsAt: '', places: 0 }] });
  });
});

describe('changing an event that was sent back', () => {
  function open(fail?: ApiError) {
    return renderPage(<EditEvent e={returned} />, {
      api: (op) => {
        if (op === 'UpdatePoolEvent') {
          if (fail) throw fail;
          return { updatePoolEvent: { id: 'e1', status: 'SUBMITTED' } };
        }
        throw new Error(`unexpected ${op}`);
      },
    });
  }

  it('opens filled in with the event, and sends the change in again', async () => {
    const page = open();
    await userEvent.click(screen.getByText('Endre og send inn igjen'));
    expect(screen.getByLabelText('Navn på arrangementet')).toHaveValue(returned.title);
    expect(screen.getByLabelText('Dato')).toHaveValue('2027-01-20');
    expect(screen.getByLabelText('Fra')).toHaveValue('11:00');
    await userEvent.type(screen.getByLabelText('Oppgaver'), 'Ta imot gjestene');
    await userEvent.click(screen.getByRole('button', { name: 'Send inn igjen til departementet' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Sendt inn igjen. Departementet godkjenner det inn i poolen.');
    const sent = page.sent.find((s) => s.operation === 'UpdatePoolEvent')!.variables as {
      eventId: string;
      input: { shifts: { tasks: string; tradeIds: string[] }[]; signupDeadline: string };
    };
    expect(sent.eventId).toBe('e1');
    expect(sent.input.shifts).toEqual([expect.objectContaining({ tasks: 'Ta imot gjestene', tradeIds: ['t1'] })]);
    expect(sent.input.signupDeadline).toBe('2027-01-17T15:00:00.000Z');
  });

  it('shows the API’s refusal by its code, with help for the field', async () => {
    open(new ApiError('VALIDATION_FAILED', 'The sign-up deadline has already passed; choose a later one', { signupDeadline: ['passed'] }));
    await userEvent.click(screen.getByText('Endre og send inn igjen'));
    await userEvent.click(screen.getByRole('button', { name: 'Send inn igjen til departementet' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sjekk det du har fylt inn.');
    expect(alert).toHaveTextContent('Påmeldingsfristen må være før den første vakten og ikke ha gått ut.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
