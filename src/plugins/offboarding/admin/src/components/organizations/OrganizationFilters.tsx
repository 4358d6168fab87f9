import { Box, Checkbox, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ORGANIZATION_STATUSES, type OrganizationStatus } from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';
import { useLabels } from '../../hooks/useLabels';
import { SearchField } from './SearchField';

const ALL = 'all';

export interface OrganizationFiltersProps {
  q: string;
  status: OrganizationStatus | null;
  showArchived: boolean;
  onSearch: (value: string) => void;
  onStatus: (value: OrganizationStatus | null) => void;
  onShowArchived: (value: boolean) => void;
}

/** Search, status filter and the "Show archived" switch of the organizations list. */
export const OrganizationFilters = ({ q, status, showArchived, onSearch, onStatus, onShowArchived }: OrganizationFiltersProps) => {
  const { formatMessage } = useIntl();
  const { status: statusLabel } = useLabels();

  return (
    <Flex gap={4} wrap="wrap" alignItems="center">
      <Box minWidth="28rem">
        <SearchField value={q} onSearch={onSearch} />
      </Box>
      <Box minWidth="22rem">
        <SingleSelect
          size="S"
          aria-label={formatMessage({ id: getTranslation('organizations.filter.status'), defaultMessage: 'Status' })}
          value={status ?? ALL}
          onChange={(value) => onStatus(ORGANIZATION_STATUSES.find((s) => s === value) ?? null)}
        >
          <SingleSelectOption value={ALL}>
            {formatMessage({ id: getTranslation('organizations.filter.allStatuses'), defaultMessage: 'All' })}
          </SingleSelectOption>
          {ORGANIZATION_STATUSES.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {statusLabel(value)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Checkbox checked={showArchived} onCheckedChange={(checked) => onShowArchived(checked === true)}>
        {formatMessage({ id: getTranslation('organizations.filter.showArchived'), defaultMessage: 'Show archived' })}
      </Checkbox>
    </Flex>
  );
};
