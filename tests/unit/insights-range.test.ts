/** The window of a dated insight (domain/insights.ts): defaults, an inclusive `to`, the 5-year bound. */
import { resolveRange } from '../../src/plugins/offboarding/server/src/domain/insights';

const NOW = new Date('2027-01-11T10:00:00.000Z');
const iso = (range: { from: Date; to: Date }) => ({ from: range.from.toISOString(), to: range.to.toISOString() });

describe('resolveRange', () => {
  it('defaults to the last 12 months: from the first of the month 11 months back to now', () => {
    expect(iso(resolveRange({}, NOW))).toEqual({ from: '2026-02-01T00:00:00.000Z', to: '2027-01-11T10:00:00.000Z' });
  });

  it('takes a bare `to` date as the whole day, a date-time as its own millisecond', () => {
    expect(iso(resolveRange({ from: '2026-03-01', to: '2026-03-31' }, NOW))).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(resolveRange({ from: '2026-03-01', to: '2026-03-31T12:00:00Z' }, NOW).to.toISOString()).toBe('2026-03-31T12:00:00.001Z');
  });

  it('counts 12 months back from `to` when only `to` is given', () => {
    expect(resolveRange({ to: '2025-06-15' }, NOW).from.toISOString()).toBe('2024-07-01T00:00:00.000Z');
  });

  it('refuses a window over five years, naming from, and a from after now naming to', () => {
    expect(() => resolveRange({ from: '2020-01-01', to: '2026-01-02' }, NOW)).toThrow(/at most 5 years/);
    expect(() => resolveRange({ from: '2021-01-01', to: '2025-12-31' }, NOW)).not.toThrow();
    expect(() => resolveRange({ from: '2027-06-01' }, NOW)).toThrow('to must not be before from');
  });
});
