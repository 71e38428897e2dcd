import { sign, verify } from '../tokens';
import { todayInOslo } from '../time';

describe('signed tokens', () => {
  const secret = 's'.repeat(40);
  it('verifies what it signed and refuses anything tampered with', () => {
    const t = sign(secret, 'rsvp.123.yes');
    expect(verify(secret, t)).toBe('rsvp.123.yes');
    expect(verify(secret, t.replace('yes', 'no'))).toBeNull();
    expect(verify(secret, `${t}x`)).toBeNull();
    expect(verify('o'.repeat(40), t)).toBeNull();
    expect(verify(secret, 'no-dot')).toBeNull();
  });
});

describe('dates in Norway', () => {
  it('uses the Oslo calendar day, not the UTC one', () => {
    expect(todayInOslo(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInOslo(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInOslo(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});
