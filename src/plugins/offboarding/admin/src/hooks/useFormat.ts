import * as React from 'react';
import { useIntl } from 'react-intl';
import { formatMoment } from '../utils/dates';
import { getTranslation } from '../utils/translations';

/** Formatting of the API's values (ISO dates, integer minor units, byte counts) in the admin's locale. */
export const useFormat = () => {
  const { locale, timeZone, formatMessage } = useIntl();

  return React.useMemo(() => {
    const none = formatMessage({ id: getTranslation('organization.value.none'), defaultMessage: '—' });
    // Both say their time zone: the zone decides which day a moment falls on.
    const date = (value: string | null | undefined) => formatMoment(locale, value, 'date', timeZone) ?? none;
    const dateTime = (value: string | null | undefined) => formatMoment(locale, value, 'dateTime', timeZone) ?? none;

    /** Integer minor units: the currency's own number of decimals (2 for EUR, 0 for JPY). */
    const money = (minor: number | null | undefined, currency: string) => {
      if (minor === null || minor === undefined) return none;
      try {
        const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
        return format.format(minor / 10 ** digits);
      } catch (error) {
        // An unknown currency code: show the raw amount rather than break the page.
        if (error instanceof RangeError) return `${minor} ${currency}`;
        throw error;
      }
    };

    const bytes = (value: number | null | undefined) => {
      if (value === null || value === undefined) return none;
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let amount = value;
      let unit = 0;
      while (amount >= 1024 && unit < units.length - 1) {
        amount /= 1024;
        unit += 1;
      }
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(amount);
    };

    const text = (value: string | null | undefined) => (value && value.trim() ? value : none);

    return { none, date, dateTime, money, bytes, text };
  }, [locale, timeZone, formatMessage]);
};

export type Format = ReturnType<typeof useFormat>;
