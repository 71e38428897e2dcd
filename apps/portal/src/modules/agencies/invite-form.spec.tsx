import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError, renderPage } from '../../test/render';
import { InviteForm } from './invite-form';

const apprentices = [
  { id: 'a1', name: 'Emma Larsen', email: 'emma.larsen@digdir.no', account: 'ACTIVE' },
  { id: 'a2', name: 'Noah Johansen', email: 'noah.johansen@digdir.no', account: 'NONE' },
  { id: 'a3', name: 'Nora Olsen', email: 'nora.olsen@digdir.no', account: 'INVITED' },
];

function open(
  chosen: string | null = null,
  api = (_op: string, v: Record<string, unknown>) => ({
    inviteUser: {
      id: 'i1',
      email: (v['input'] as { email: string }).email,
      name: 'x',
      role: 'APPRENTICE',
      expiresAt: '2026-12-16T00:00:00Z',
    },
  }),
) {
  return renderPage(<InviteForm agencyId="g1" apprentices={apprentices} chosen={chosen} />, { api });
}

describe('inviting from the agency', () => {
  it('offers only apprentices in the list without a user or an invitation', async () => {
    open();
    const options = [...(screen.getByLabelText('Lærling i listen') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['Velg lærlingen', 'Noah Johansen']);
    expect(screen.getByRole('button', { name: 'Send invitasjon' })).toBeDisabled();
  });

  it('fills in the chosen apprentice and sends the invitation naming the record', async () => {
    const page = open('a2');
    await waitFor(() => expect(screen.getByLabelText('Navn')).toHaveValue('Noah Johansen'));
    expect(screen.getByLabelText('E-postadresse')).toHaveValue('noah.johansen@digdir.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    expect(await screen.findByText('Invitasjonen er sendt til noah.johansen@digdir.no.')).toBeInTheDocument();
    expect(page.sent.at(-1)?.variables).toEqual({
      input: {
        name: 'Noah Johansen',
        email: 'noah.johansen@digdir.no',
        role: 'APPRENTICE',
        agencyId: 'g1',
        language: 'nb',
        apprenticeId: 'a2',
      },
    });
  });

  it('invites a coordinator by name and address, without a record', async () => {
    const page = open();
    await userEvent.selectOptions(screen.getByLabelText('Rolle'), 'AGENCY_COORDINATOR');
    expect(screen.queryByLabelText('Lærling i listen')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Navn'), 'Kari Koordinator');
    await userEvent.type(screen.getByLabelText('E-postadresse'), 'kari@digdir.no');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    await screen.findByText('Invitasjonen er sendt til kari@digdir.no.');
    expect((page.sent.at(-1)?.variables['input'] as { apprenticeId: unknown }).apprenticeId).toBeNull();
  });

  it('shows the API’s refusal and keeps what was typed', async () => {
    open('a2', () => {
      throw new ApiError('CONFLICT', 'noah.johansen@digdir.no already has a user in Lærenett');
    });
    await waitFor(() => expect(screen.getByLabelText('Navn')).toHaveValue('Noah Johansen'));
    await userEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByLabelText('E-postadresse')).toHaveValue('noah.johansen@digdir.no');
  });
});
