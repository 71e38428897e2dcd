import { gatheringHeld, participationAsOf, RsvpState, tookPart } from './gatherings';

const r = (state: RsvpState, checkedIn = false) => ({ state, checkedIn });

describe('who took part in a gathering', () => {
  it('counts those checked in, and no one else, once anyone was checked in', () => {
    const records = [r(RsvpState.YES, true), r(RsvpState.YES), r(RsvpState.NO, true), r(RsvpState.WAITLIST)];
    expect(tookPart(records)).toEqual([records[0], records[2]]);
  });

  it('counts those who said yes where nobody was checked in, never a NO or the waitlist', () => {
    const records = [r(RsvpState.YES), r(RsvpState.NO), r(RsvpState.WAITLIST), r(RsvpState.YES)];
    expect(tookPart(records)).toEqual([records[0], records[3]]);
  });

  it('is nobody when nobody answered yes and nobody was checked in', () => {
    expect(tookPart([r(RsvpState.NO), r(RsvpState.WAITLIST)])).toEqual([]);
    expect(tookPart([])).toEqual([]);
  });
});

describe('the day a year is counted up to', () => {
  it('is today during the year, the 31st of December after it, and the day before it before it', () => {
    expect(participationAsOf(2026, '2026-06-15')).toBe('2026-06-15');
    expect(participationAsOf(2026, '2027-02-01')).toBe('2026-12-31');
    expect(participationAsOf(2026, '2025-11-30')).toBe('2025-12-31');
  });

  it('holds a gathering of the year once its day has come, not one still to come or of another year', () => {
    expect(gatheringHeld(2026, '2026-06-15', '2026-06-15')).toBe(true);
    expect(gatheringHeld(2026, '2026-06-16', '2026-06-15')).toBe(false);
    expect(gatheringHeld(2026, '2025-12-31', '2026-06-15')).toBe(false);
    expect(gatheringHeld(2026, '2026-12-31', participationAsOf(2026, '2027-01-05'))).toBe(true);
  });
});
