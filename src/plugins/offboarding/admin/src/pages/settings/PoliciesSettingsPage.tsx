import { Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { ActionDialog } from '../../components/common/ActionDialog';
import { PolicyForm } from '../../components/settings/PolicyForm';
import { PoliciesTable } from '../../components/settings/PoliciesTable';
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
          <ActionDialog
            label={formatMessage({ id: getTranslation('settings.policies.create'), defaultMessage: 'Create policy' })}
            title={formatMessage({ id: getTranslation('settings.policies.createTitle'), defaultMessage: 'Create a cancellation policy' })}
            variant="default"
            startIcon={<Plus />}
            onDone={() => void policies.refetch()}
          >
            {(dialog) => <PolicyForm policy={null} {...dialog} />}
          </ActionDialog>
        ) : null
      }
      error={policies.error}
      isLoading={policies.data === undefined && policies.isLoading}
    >
      {policies.data ? (
        <PoliciesTable policies={policies.data.data} canEdit={abilities.canSettings} onSaved={() => void policies.refetch()} />
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: getTranslation('settings.policies.organizationNote'),
          defaultMessage:
            "A policy without a class applies only to the organizations given it as their own policy; an organization's own policy comes before the policy of a class and the default.",
        })}
      </Typography>
    </SettingsLayout>
  );
};
