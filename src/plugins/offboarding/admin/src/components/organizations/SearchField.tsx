import * as React from 'react';
import { Searchbar } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/translations';

const DEBOUNCE_MS = 300;

/** Searches as the admin types, once they pause; `value` is the search the URL holds. */
export const SearchField = ({ value, onSearch }: { value: string; onSearch: (value: string) => void }) => {
  const { formatMessage } = useIntl();
  const [text, setText] = React.useState(value);

  // The URL changed under us (back/forward): show the search it holds.
  React.useEffect(() => setText(value), [value]);

  React.useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = window.setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Searchbar
      name="q"
      size="S"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onClear={() => setText('')}
      clearLabel={formatMessage({
        id: getTranslation('organizations.search.clear'),
        defaultMessage: 'Clear the search',
      })}
      placeholder={formatMessage({
        id: getTranslation('organizations.search.placeholder'),
        defaultMessage: 'Search by name, tax ID or email',
      })}
    >
      {formatMessage({ id: getTranslation('organizations.search.label'), defaultMessage: 'Search organizations' })}
    </Searchbar>
  );
};
