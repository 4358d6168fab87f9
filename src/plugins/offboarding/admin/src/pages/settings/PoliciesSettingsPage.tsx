import * as React from 'react';
import { Button, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { CancellationPolicy } from '../../../../shared/contracts/entities';
import { PoliciesTable } from '../../components/settings/PoliciesTable';
import { PolicyFormModal } from '../../components/settings/PolicyFormModal';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Cancellation policies: list, create, edit. */
export const PoliciesSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const policies = useApiQuery(api.policies.list());
  // null: no form open; 'new': creating; a policy: editing it.
  const [editing, setEditing] = React.useState<CancellationPolicy | 'new' | null>(null);

  return (
    <SettingsLayout
      title={formatMessage({ id: getTranslation('settings.policies.title'), defaultMessage: 'Cancellation policies' })}
      subtitle={formatMessage({
        id: getTranslation('settings.policies.subtitle'),
        defaultMessage:
          "Which policy governs an entitlement: its organization's own policy, else the policy of its class, else the default.",
      })}
      primaryAction={
        abilities.canSettings ? (
          <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
            {formatMessage({ id: getTranslation('settings.policies.create'), defaultMessage: 'Create policy' })}
          </Button>
        ) : null
      }
      error={policies.error}
      isLoading={policies.data === undefined && policies.isLoading}
    >
      {policies.data ? (
        <PoliciesTable policies={policies.data.data} onEdit={abilities.canSettings ? setEditing : undefined} />
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation('settings.policies.organizationNote'),
          defaultMessage:
            "A policy without a class applies only to the organizations given it as their own policy; an organization's own policy comes before the policy of a class and the default.",
        })}
      </Typography>
      {editing !== null ? (
        <PolicyFormModal
          policy={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => void policies.refetch()}
        />
      ) : null}
    </SettingsLayout>
  );
};
