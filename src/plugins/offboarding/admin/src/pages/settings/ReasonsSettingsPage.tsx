import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CancellationReason } from '../../../../shared/contracts/entities';
import { ReasonFormModal } from '../../components/settings/ReasonFormModal';
import { ReasonsTable } from '../../components/settings/ReasonsTable';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Cancellation reasons: list, create, edit (deactivate rather than delete). */
export const ReasonsSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const reasons = useApiQuery(api.reasons.list());
  // null: no form open; 'new': creating; a reason: editing it.
  const [editing, setEditing] = React.useState<CancellationReason | 'new' | null>(null);

  return (
    <SettingsLayout
      title={formatMessage({ id: getTranslation('settings.reasons.title'), defaultMessage: 'Cancellation reasons' })}
      subtitle={formatMessage({
        id: getTranslation('settings.reasons.subtitle'),
        defaultMessage:
          'Every cancellation and suspension records one of these. Deactivate a reason to stop offering it.',
      })}
      primaryAction={
        abilities.canSettings ? (
          <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
            {formatMessage({ id: getTranslation('settings.reasons.create'), defaultMessage: 'Create reason' })}
          </Button>
        ) : null
      }
      error={reasons.error}
      isLoading={reasons.data === undefined && reasons.isLoading}
    >
      {reasons.data ? (
        <ReasonsTable reasons={reasons.data.data} onEdit={abilities.canSettings ? setEditing : undefined} />
      ) : null}
      {editing !== null ? (
        <ReasonFormModal
          reason={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => void reasons.refetch()}
        />
      ) : null}
    </SettingsLayout>
  );
};
