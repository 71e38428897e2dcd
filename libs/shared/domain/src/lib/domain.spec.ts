import {
  ApprenticeStatus,
  completeOrgNumber,
  contractProblem,
  isIsoDate,
  isUnderContractOn,
  isValidOrgNumber,
  minimumRule,
  snapshotDate,
  targetGap,
  targetProblem,
  canInvite,
  Role,
} from '../index';

describe('organisation numbers', () => {
  it.each(['974760673', '974 760 673', '983887457', '991825827'])('accepts the real number %s', (n) => {
    expect(isValidOrgNumber(n)).toBe(true);
  });
  it.each(['974760674', '12345678', '1234567890', 'abcdefghi', ''])('rejects %s', (n) => {
    expect(isValidOrgNumber(n)).toBe(false);
  });
  it('completes eight digits with the mod-11 check digit', () => {
    expect(completeOrgNumber('97476067')).toBe('974760673');
  });
  it('knows that some prefixes have no valid number (check digit 10)', () => {
    const impossible = Array.from({ length: 200 }, (_, i) => String(10000000 + i)).filter((p) => completeOrgNumber(p) === null);
    expect(impossible.length).toBeGreaterThan(0);
    for (const p of impossible) for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`${p}${d}`)).toBe(false);
  });
});

describe('contracts and counting', () => {
  const c = { contractStart: '2024-08-15', contractEnd: '2026-08-14', status: ApprenticeStatus.ACTIVE };
  it('counts a contract on days between start and end, inclusive', () => {
    expect(isUnderContractOn(c, '2024-08-15')).toBe(true);
    expect(isUnderContractOn(c, snapshotDate(2025))).toBe(true);
    expect(isUnderContractOn(c, '2026-08-14')).toBe(true);
    expect(isUnderContractOn(c, '2026-08-15')).toBe(false);
    expect(isUnderContractOn(c, '2024-08-14')).toBe(false);
  });
  it('stops counting a terminated contract from the day after it ended', () => {
    const t = { ...c, status: ApprenticeStatus.TERMINATED, endedOn: '2025-03-01' };
    expect(isUnderContractOn(t, '2025-03-01')).toBe(true);
    expect(isUnderContractOn(t, snapshotDate(2025))).toBe(false);
  });
  it('rejects a contract ending before it starts, and absurd lengths', () => {
    expect(contractProblem('2025-08-01', '2025-07-01')).toMatch(/end after it starts/);
    expect(contractProblem('2025-08-01', '2045-07-01')).toMatch(/not plausible/);
    expect(contractProblem('2025-02-30', '2027-01-01')).toMatch(/date/);
    expect(contractProblem('2025-08-01', '2027-07-31')).toBeNull();
  });
  it('validates calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('the minimum rule', () => {
  it('applies above the threshold, not at it', () => {
    expect(minimumRule(100, 0, 100)).toEqual({ applies: false, met: true });
    expect(minimumRule(101, 0, 100)).toEqual({ applies: true, met: false });
    expect(minimumRule(101, 1, 100)).toEqual({ applies: true, met: true });
  });
  it('catches more agencies with the 2022 threshold of 75', () => {
    expect(minimumRule(80, 0, 100).applies).toBe(false);
    expect(minimumRule(80, 0, 75)).toEqual({ applies: true, met: false });
  });
});

describe('targets', () => {
  it('rejects negative, fractional, absurd targets', () => {
    expect(targetProblem(-1, 100)).toMatch(/negative/);
    expect(targetProblem(1.5, 100)).toMatch(/whole/);
    expect(targetProblem(10_000, null)).toMatch(/exceed/);
    expect(targetProblem(50, 20)).toMatch(/employees/);
    expect(targetProblem(3, 200)).toBeNull();
  });
  it('computes the gap', () => {
    expect(targetGap(5, 3)).toBe(2);
    expect(targetGap(null, 3)).toBeNull();
  });
});

describe('invitations', () => {
  it('lets each role invite only below or beside itself', () => {
    expect(canInvite(Role.AGENCY_COORDINATOR, Role.MINISTRY_COORDINATOR)).toBe(false);
    expect(canInvite(Role.AGENCY_COORDINATOR, Role.APPRENTICE)).toBe(true);
    expect(canInvite(Role.MINISTRY_COORDINATOR, Role.ADMIN)).toBe(false);
    expect(canInvite(Role.APPRENTICE, Role.APPRENTICE)).toBe(false);
  });
});
