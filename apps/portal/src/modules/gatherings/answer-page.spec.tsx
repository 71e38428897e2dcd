import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/render';
import { AnswerPage } from './answer-page';

const invitation = (state: string | null, status = 'SENT') => ({
  gatheringInvitation: {
    gatheringId: 'g1',
    title: 'Nettverkssamling for ansatte',
    theme: null,
    startsAt: '2027-01-27T09:00:00Z',
    endsAt: '2027-01-27T13:00:00Z',
    place: 'Akersgata 59',
    videoUrl: null,
    personName: 'Ola Hansen',
    status,
    state,
  },
});

function open(svar: string | null, state: string | null, status?: string) {
  let answered: string | null = null;
  const page = renderPage(<AnswerPage />, {
    path: '/svar/:token',
    route: `/svar/tok123${svar ? `?svar=${svar}` : ''}`,
    api: (op, vars) => {
      if (op === 'GatheringInvitation') return invitation(state, status);
      if (op === 'AnswerGatheringByLink') {
        answered = (vars['input'] as { answer: string }).answer;
        return { answerGatheringByLink: { state: answered } };
      }
      throw new Error(`unexpected ${op}`);
    },
  });
  return { ...page, answered: () => answered };
}

describe('the answer page a mail link opens', () => {
  it('preselects the answer in the link, says what is registered as it is, and sends nothing by itself', async () => {
    const page = open('ja', 'NO');
    expect(await screen.findByText('Du har valgt «Ja» i e-posten. Trykk på knappen for å bekrefte svaret.')).toBeInTheDocument();
    expect(screen.getByText('Svaret du har registrert nå: Nei.')).toBeInTheDocument();
    expect(screen.queryByText(/Takk!/)).not.toBeInTheDocument();
    expect(page.sent.map((s) => s.operation)).toEqual(['GatheringInvitation']);
  });

  it('confirms the chosen answer with one press and thanks for it', async () => {
    const page = open('ja', 'NO');
    await userEvent.click(await screen.findByRole('button', { name: 'Ja, jeg kommer' }));
    expect(await screen.findByText('Takk! Svaret ditt er registrert: Ja.')).toBeInTheDocument();
    expect(page.answered()).toBe('YES');
    expect(page.sent.find((s) => s.operation === 'AnswerGatheringByLink')?.variables).toEqual({
      token: 'tok123',
      input: { answer: 'YES', accessibilityNeeds: '', dietaryNeeds: '' },
    });
    expect(screen.queryByText(/Du har valgt/)).not.toBeInTheDocument();
  });

  it('makes the link\u2019s answer the primary button', async () => {
    open('nei', null);
    const no = await screen.findByRole('button', { name: 'Nei' });
    await waitFor(() => expect(no.getAttribute('data-variant')).toBe('primary'));
    expect(screen.getByRole('button', { name: 'Ja, jeg kommer' }).getAttribute('data-variant')).toBe('secondary');
  });

  it('offers no answer for a cancelled gathering', async () => {
    open('ja', 'YES', 'CANCELLED');
    expect(await screen.findByText('Denne samlingen er avlyst.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ja, jeg kommer' })).not.toBeInTheDocument();
  });
});
