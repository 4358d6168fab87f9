import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BulkAction } from '../../../../shared/contracts/constants';
import type { Organization } from '../../../../shared/contracts/entities';
import type { PluginAbilities } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';
import { ActionDialog } from '../common/ActionDialog';
import { BulkForm } from './BulkForm';

export interface BulkActionsProps {
  selected: Pick<Organization, 'documentId' | 'name'>[];
  abilities: PluginAbilities;
  onClear: () => void;
  onFinished: () => void;
}

/** The bar over the list once organizations are ticked: what may be done to all of them at once. */
export const BulkActions = ({ selected, abilities, onClear, onFinished }: BulkActionsProps) => {
  const { formatMessage } = useIntl();
  // Once an action ran, closing its summary clears the selection (the rows it changed may have left the list).
  const ran = React.useRef(false);
  if (!selected.length) return null;
  const t = (id: string, defaultMessage: string, values?: Record<string, number>) =>
    formatMessage({ id: getTranslation(`organizations.bulk.${id}`), defaultMessage }, values);
  const count = selected.length;
  const actions: { action: BulkAction; allowed: boolean; label: string; description: string }[] = [
    {
      action: 'archive',
      allowed: abilities.canArchive,
      label: t('archive', 'Archive'),
      description: t(
        'archive.description',
        'Archive {count, plural, one {this organization} other {these # organizations}}? Only those whose entitlements are all cancelled can be archived; the others are refused and listed.',
        { count },
      ),
    },
    {
      action: 'export',
      allowed: abilities.canExport,
      label: t('export', 'Generate export'),
      description: t('export.description', 'Generate a data export of {count, plural, one {this organization} other {these # organizations}}?', { count }),
    },
    {
      action: 'cancel_at_period_end',
      allowed: abilities.canCancel,
      label: t('cancel', 'Cancel at period end'),
      description: t(
        'cancel.description',
        "Cancel every open entitlement of {count, plural, one {this organization} other {these # organizations}} at the end of its billing period? No refund is made.",
        { count },
      ),
    },
  ];

  return (
    <Box background="primary100" padding={3} hasRadius>
      <Flex gap={3} wrap="wrap" alignItems="center">
        <Typography fontWeight="semiBold" role="status">
          {t('selected', '{count, plural, one {# organization selected} other {# organizations selected}}', { count })}
        </Typography>
        {actions
          .filter((item) => item.allowed)
          .map((item) => (
            <ActionDialog
              key={item.action}
              label={item.label}
              size="S"
              variant="secondary"
              onDismiss={() => {
                if (ran.current) onClear();
                ran.current = false;
              }}
            >
              {(dialog) => (
                <BulkForm
                  action={item.action}
                  organizations={selected}
                  description={item.description}
                  submitLabel={item.label}
                  onClose={dialog.onClose}
                  onFinished={() => {
                    ran.current = true;
                    onFinished();
                  }}
                />
              )}
            </ActionDialog>
          ))}
        <Button size="S" variant="tertiary" onClick={onClear}>
          {t('clear', 'Clear selection')}
        </Button>
      </Flex>
    </Box>
  );
};
