import { GqlError } from '@laerenett/portal-data-access';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ErrorAlert } from './error-alert';

const error = new GqlError('The target cannot be negative or above the number of employees (420)', 'VALIDATION_FAILED', {
  total: ['out of range'],
});

describe('an error from the API', () => {
  it('speaks bokmål in the flow of the page, with the API’s English sentence folded away and marked as English', () => {
    render(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Måltallet må være et helt tall fra 0 og ikke høyere enn antall ansatte.');
    const detail = screen.getByText(/cannot be negative/);
    expect(detail.closest('details')).not.toBeNull();
    expect(detail).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Systemets melding (på engelsk)').tagName).toBe('SUMMARY');
    expect(alert.textContent).not.toMatch(/Detaljer:/);
  });

  it('gives an English reader the sentence as it is', async () => {
    await i18n.changeLanguage('en');
    render(<ErrorAlert error={error} />);
    expect(screen.getByText(/^Details: The target cannot be negative/)).toBeVisible();
    expect(screen.getByRole('alert').querySelector('details')).toBeNull();
  });

  it('never shows the text of an internal error', () => {
    render(<ErrorAlert error={new GqlError('TypeError: x is undefined at …', 'INTERNAL')} />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('TypeError');
  });
});
