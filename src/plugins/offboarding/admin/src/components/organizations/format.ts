import * as React from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations';

/** The API's ISO dates in the admin's locale; a missing date reads as a dash. */
export const useDates = () => {
  const { locale, formatMessage } = useIntl();

  return React.useMemo(() => {
    const none = formatMessage({ id: getTranslation('organizations.value.none'), defaultMessage: '—' });
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const parse = (value: string | null | undefined) => {
      if (!value) return null;
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? null : parsed;
    };
    const format = (formatter: Intl.DateTimeFormat) => (value: string | null | undefined) => {
      const parsed = parse(value);
      return parsed ? formatter.format(parsed) : none;
    };
    return { none, date: format(dateFormat), dateTime: format(dateTimeFormat) };
  }, [locale, formatMessage]);
};
