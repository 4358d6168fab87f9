import { useIntl } from 'react-intl';
import { ProvisioningTable } from '../../components/settings/ProvisioningTable';
import { SettingsLayout } from '../../components/settings/SettingsLayout';
import { api } from '../../api';
import { useApiQuery } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { getTranslation } from '../../utils/translations';

/** Settings › Provisioning policies: per entitlement class, whether cancelling deprovisions downstream. */
export const ProvisioningSettingsPage = () => {
  const { formatMessage } = useIntl();
  const { abilities } = usePermissions();
  const policies = useApiQuery(api.provisioningPolicies.list());

  return (
    <SettingsLayout
      title={formatMessage({
        id: getTranslation('settings.provisioning.title'),
        defaultMessage: 'Provisioning policies',
      })}
      subtitle={formatMessage({
        id: getTranslation('settings.provisioning.subtitle'),
        defaultMessage:
          'Whether cancelling an entitlement deprovisions its downstream resources; reactivation provisions them again.',
      })}
      error={policies.error}
      isLoading={policies.data === undefined && policies.isLoading}
    >
      {policies.data ? (
        <ProvisioningTable policies={policies.data.data} canEdit={abilities.canSettings} onChanged={policies.refetch} />
      ) : null}
    </SettingsLayout>
  );
};
