import { Badge, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { getTranslation } from '../../utils/translations';
import { useYesNo } from './labels';

export interface ReasonsTableProps {
  reasons: CancellationReason[];
  /** Absent when the admin may not change settings. */
  onEdit?: (reason: CancellationReason) => void;
}

/** The reasons an admin picks from when cancelling or suspending. */
export const ReasonsTable = ({ reasons, onEdit }: ReasonsTableProps) => {
  const { formatMessage } = useIntl();
  const yesNo = useYesNo();
  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <Table colCount={onEdit ? 6 : 5} rowCount={reasons.length + 1}>
      <Thead>
        <Tr>
          {heading('settings.reasons.table.label', 'Label')}
          {heading('settings.reasons.table.code', 'Code')}
          {heading('settings.reasons.table.cancel', 'Cancellations')}
          {heading('settings.reasons.table.suspend', 'Suspensions')}
          {heading('settings.reasons.table.active', 'State')}
          {onEdit ? (
            <Th>
              <VisuallyHidden>
                {formatMessage({ id: getTranslation('settings.reasons.table.actions'), defaultMessage: 'Actions' })}
              </VisuallyHidden>
            </Th>
          ) : null}
        </Tr>
      </Thead>
      <Tbody>
        {reasons.map((reason) => (
          <Tr key={reason.documentId}>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {reason.label}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" style={{ fontFamily: 'monospace' }}>
                {reason.code}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{yesNo(reason.appliesToCancel)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{yesNo(reason.appliesToSuspend)}</Typography>
            </Td>
            <Td>
              <Badge variant={reason.active ? 'success' : 'neutral'} size="S">
                {reason.active
                  ? formatMessage({ id: getTranslation('settings.reasons.active'), defaultMessage: 'Active' })
                  : formatMessage({ id: getTranslation('settings.reasons.inactive'), defaultMessage: 'Inactive' })}
              </Badge>
            </Td>
            {onEdit ? (
              <Td>
                <IconButton
                  variant="ghost"
                  onClick={() => onEdit(reason)}
                  label={formatMessage(
                    { id: getTranslation('settings.reasons.edit'), defaultMessage: 'Edit {label}' },
                    { label: reason.label },
                  )}
                >
                  <Pencil />
                </IconButton>
              </Td>
            ) : null}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
