/**
 * The panel writes every moment in the admin's locale, with the zone it is shown in: the order,
 * month names and clock come from the locale, never from a fixed MM/DD/YYYY pattern.
 */
import { formatIntlMoment, formatMoment as format, toDate } from '../../src/plugins/offboarding/admin/src/utils/dates';

const AT = '2026-12-04T14:30:00.000Z';
/** Some ICU versions put a narrow no-break space before AM/PM; the text is the same to a reader. */
const formatMoment = (...args: Parameters<typeof format>) => format(...args)?.replace(/[\u202f\u00a0]/g, ' ') ?? null;

describe('formatMoment', () => {
  test('a date and time in English, French and German, each saying its zone', () => {
    expect(formatMoment('en', AT, 'dateTime', 'UTC')).toBe('Dec 4, 2026, 2:30 PM UTC');
    expect(formatMoment('fr', AT, 'dateTime', 'UTC')).toBe('4 déc. 2026, 14:30 UTC');
    expect(formatMoment('de', AT, 'dateTime', 'UTC')).toBe('4. Dez. 2026, 14:30 UTC');
  });

  test('the zone moves the hour, and the day near midnight, and is named', () => {
    expect(formatMoment('en', AT, 'dateTime', 'America/New_York')).toBe('Dec 4, 2026, 9:30 AM EST');
    expect(formatMoment('de', AT, 'dateTime', 'Europe/Berlin')).toBe('4. Dez. 2026, 15:30 MEZ');
    expect(formatMoment('fr', '2026-12-04T23:30:00Z', 'date', 'Europe/Paris')).toBe('5 déc. 2026, UTC+1');
    expect(formatMoment('fr', '2026-12-04T23:30:00Z', 'date', 'UTC')).toBe('4 déc. 2026, UTC');
  });

  test('a day alone and a time alone keep the zone', () => {
    expect(formatMoment('en', AT, 'date', 'UTC')).toBe('Dec 4, 2026, UTC');
    expect(formatMoment('de', AT, 'time', 'UTC')).toBe('14:30 UTC');
    expect(formatMoment('en', AT, 'time', 'UTC')).toBe('2:30 PM UTC');
  });

  test('no locale writes a numeric month first and day second', () => {
    for (const locale of ['fr', 'de']) expect(formatMoment(locale, AT, 'dateTime', 'UTC')).not.toMatch(/12\/04\/2026/);
  });

  test('without a zone the browser zone is used, and still named', () => {
    const local = formatMoment('en', AT, 'dateTime');
    const zone = new Intl.DateTimeFormat('en', { timeZoneName: 'short' }).formatToParts(new Date(AT)).find((part) => part.type === 'timeZoneName')?.value;
    expect(zone).toBeTruthy();
    expect(local?.endsWith(` ${zone}`)).toBe(true);
  });

  test('not a date: null, and a dash through react-intl', () => {
    expect(formatMoment('en', 'not a date')).toBeNull();
    expect(formatMoment('en', null)).toBeNull();
    expect(formatMoment('en', '')).toBeNull();
    expect(formatIntlMoment({ locale: 'fr' }, undefined)).toBe('—');
  });

  test("react-intl's locale and zone are followed", () => {
    expect(formatIntlMoment({ locale: 'de', timeZone: 'UTC' }, AT)).toBe('4. Dez. 2026, 14:30 UTC');
    expect(formatIntlMoment({ locale: 'fr', timeZone: 'UTC' }, new Date(AT), 'time')).toBe('14:30 UTC');
  });

  test('toDate reads ISO strings, epoch milliseconds and Dates', () => {
    expect(toDate(AT)?.toISOString()).toBe(AT);
    expect(toDate(Date.parse(AT))?.toISOString()).toBe(AT);
    expect(toDate(new Date('nope'))).toBeNull();
  });
});
