import {
  DAY_MS,
  addBillingPeriod,
  addDays,
  addMonths,
  maxDate,
  toDate,
} from '../../src/plugins/offboarding/server/src/domain';
import { at } from './fixtures';

describe('addMonths (UTC calendar arithmetic)', () => {
  it.each([
    ['Jan 31 2028 + 1 month → Feb 29 (leap year)', '2028-01-31T00:00:00Z', 1, '2028-02-29T00:00:00Z'],
    ['Jan 31 2027 + 1 month → Feb 28', '2027-01-31T00:00:00Z', 1, '2027-02-28T00:00:00Z'],
    ['Feb 29 2028 + 12 months → Feb 28 2029', '2028-02-29T00:00:00Z', 12, '2029-02-28T00:00:00Z'],
    ['Feb 29 2028 + 48 months → Feb 29 2032', '2028-02-29T00:00:00Z', 48, '2032-02-29T00:00:00Z'],
    ['Mar 31 + 1 month → Apr 30', '2027-03-31T00:00:00Z', 1, '2027-04-30T00:00:00Z'],
    ['Dec 15 + 1 month → Jan 15 of the next year', '2027-12-15T00:00:00Z', 1, '2028-01-15T00:00:00Z'],
    ['Jan 15 + 1 month keeps the time of day', '2027-01-15T23:59:59.500Z', 1, '2027-02-15T23:59:59.500Z'],
    ['Feb 28 2027 + 1 month → Mar 28 (no snap to month end)', '2027-02-28T10:00:00Z', 1, '2027-03-28T10:00:00Z'],
  ])('%s', (_label, from, months, expected) => {
    expect(addMonths(at(from), months)).toEqual(at(expected));
  });

  it('does not mutate its argument', () => {
    const date = at('2028-01-31T00:00:00Z');
    addMonths(date, 1);
    expect(date).toEqual(at('2028-01-31T00:00:00Z'));
  });
});

describe('addBillingPeriod', () => {
  it.each([
    ['month', '2028-01-31T12:00:00Z', '2028-02-29T12:00:00Z'],
    ['year', '2028-02-29T12:00:00Z', '2029-02-28T12:00:00Z'],
    ['year', '2027-06-01T00:00:00Z', '2028-06-01T00:00:00Z'],
  ] as const)('%s from %s ends %s', (period, from, expected) => {
    expect(addBillingPeriod(at(from), period)).toEqual(at(expected));
  });

  it('none has no end', () => {
    expect(addBillingPeriod(at('2027-01-01T00:00:00Z'), 'none')).toBeNull();
  });
});

describe('addDays', () => {
  it('adds whole 24h days in UTC', () => {
    expect(DAY_MS).toBe(86_400_000);
    expect(addDays(at('2027-01-10T12:00:00Z'), 30)).toEqual(at('2027-02-09T12:00:00Z'));
    expect(addDays(at('2028-02-28T00:00:00Z'), 1)).toEqual(at('2028-02-29T00:00:00Z'));
    expect(addDays(at('2027-01-10T12:00:00Z'), 0)).toEqual(at('2027-01-10T12:00:00Z'));
  });
});

describe('toDate', () => {
  it.each([null, undefined, '', 'not a date'])('%p → null', (value) => {
    expect(toDate(value)).toBeNull();
  });

  it('reads ISO strings and epoch milliseconds', () => {
    expect(toDate('2027-01-10T12:00:00.000Z')).toEqual(at('2027-01-10T12:00:00Z'));
    expect(toDate(Date.UTC(2027, 0, 10, 12))).toEqual(at('2027-01-10T12:00:00Z'));
  });

  it('copies a Date instead of returning the same object', () => {
    const original = at('2027-01-10T12:00:00Z');
    const copy = toDate(original);
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
  });
});

describe('maxDate', () => {
  it('returns the latest date, ignoring null and undefined', () => {
    expect(maxDate(at('2027-01-01T00:00:00Z'), null, at('2027-03-01T00:00:00Z'), undefined, at('2027-02-01T00:00:00Z'))).toEqual(
      at('2027-03-01T00:00:00Z')
    );
  });

  it('is null when given nothing usable', () => {
    expect(maxDate()).toBeNull();
    expect(maxDate(null, undefined)).toBeNull();
  });
});
