import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test/render';
import { CancelGathering } from './cancel-gathering';

const g = { id: 'g1', title: 'Nettverkssamling for ansatte', startsAt: '2027-01-27T09:00:00Z', endsAt: '2027-01-27T13:00:00Z' };

function open(reach: number) {
  const onCancelled = vi.fn();
  const page = renderPage(<CancelGathering gathering={g} onCancelled={onCancelled} />, {
    api: (op) => {
      if (op === 'GatheringCancelReach') return { gatheringCancelReach: reach };
      if (op === 'CancelGathering') return { cancelGathering: { id: 'g1', status: 'CANCELLED' } };
      throw new Error(`unexpected ${op}`);
    },
  });
  return { ...page, onCancelled };
}

describe('cancelling a gathering', () => {
  it('asks first, saying how many people will be told, and cancels only when confirmed', async () => {
    const page = open(14);
    expect(page.sent).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /^Avlys/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Avlyse «Nettverkssamling for ansatte»?' })).toBeInTheDocument();
    expect(await within(dialog).findByText('14 personer får e-post om at samlingen er avlyst.')).toBeInTheDocument();
    expect(page.sent.map((s) => s.operation)).toEqual(['GatheringCancelReach']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avlys samlingen' }));
    await vi.waitFor(() => expect(page.onCancelled).toHaveBeenCalledWith('Nettverkssamling for ansatte'));
    expect(page.sent.find((s) => s.operation === 'CancelGathering')?.variables).toEqual({ id: 'g1' });
  });

  it('keeps the gathering when the planner says no, and sends nothing', async () => {
    const page = open(1);
    await userEvent.click(screen.getByRole('button', { name: /^Avlys/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('1 person får e-post om at samlingen er avlyst.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nei, behold den' }));
    expect(page.sent.map((s) => s.operation)).not.toContain('CancelGathering');
    expect(page.onCancelled).not.toHaveBeenCalled();
  });

  it('says nobody is told when the gathering was never sent out', async () => {
    open(0);
    await userEvent.click(screen.getByRole('button', { name: /^Avlys/ }));
    expect(await screen.findByText('Samlingen er ikke sendt ut, så ingen får e-post.')).toBeInTheDocument();
  });
});
