import { Badge, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { useLabels } from '../../hooks/useLabels';
import { getTranslation } from '../../utils/translations';
import { DataTable } from '../common/DataTable';
import { commonMessages } from '../common/messages';
import { EditDialog } from './EditDialog';
import { ReasonForm } from './ReasonForm';

export interface ReasonsTableProps {
  reasons: CancellationReason[];
  /** False when the admin may not change settings. */
  canEdit: boolean;
  onSaved: () => void;
}

/** The reasons an admin picks from when cancelling or suspending. */
export const ReasonsTable = ({ reasons, canEdit, onSaved }: ReasonsTableProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.reasons.${id}`), defaultMessage });
  return (
    <DataTable
      rows={reasons}
      emptyMessage={t('empty', 'No reason yet.')}
      columns={[
        {
          key: 'label',
          header: t('table.label', 'Label'),
          strong: true,
          cell: (reason) => reason.label,
        },
        {
          key: 'code',
          header: t('table.code', 'Code'),
          cell: (reason) => (
            <Typography textColor="neutral600" style={{ fontFamily: 'monospace' }}>
              {reason.code}
            </Typography>
          ),
        },
        { key: 'cancel', header: t('table.cancel', 'Cancellations'), cell: (reason) => labels.yesNo(reason.appliesToCancel) },
        { key: 'suspend', header: t('table.suspend', 'Suspensions'), cell: (reason) => labels.yesNo(reason.appliesToSuspend) },
        {
          key: 'active',
          header: t('table.active', 'State'),
          cell: (reason) => (
            <Badge variant={reason.active ? 'success' : 'neutral'} size="S">
              {reason.active ? t('active', 'Active') : t('inactive', 'Inactive')}
            </Badge>
          ),
        },
        canEdit && {
          key: 'actions',
          header: formatMessage(commonMessages.actions),
          hiddenHeader: true,
          cell: (reason) => (
            <EditDialog
              label={formatMessage(
                { id: getTranslation('settings.reasons.edit'), defaultMessage: 'Edit {label}' },
                { label: reason.label },
              )}
              onDone={onSaved}
            >
              {(dialog) => <ReasonForm reason={reason} {...dialog} />}
            </EditDialog>
          ),
        },
      ]}
    />
  );
};
