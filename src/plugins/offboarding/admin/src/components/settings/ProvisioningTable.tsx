import { Switch, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { EntitlementClass } from '../../../../shared/contracts/constants';
import type { ProvisioningPolicy } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useSwitchAction } from '../../hooks/useSwitchAction';
import { getTranslation } from '../../utils/translations';
import { useLabels } from '../../hooks/useLabels';
import { DataTable } from '../common/DataTable';

/** What cancelling does downstream for each class (docs/spec.md §1), so the switch says what it turns off. */
const useEffectOfCancel = () => {
  const { formatMessage } = useIntl();
  return (entitlementClass: EntitlementClass) => {
    switch (entitlementClass) {
      case 'PLG':
        return formatMessage({
          id: getTranslation('settings.provisioning.effect.PLG'),
          defaultMessage: 'License cancelled; sites keep the installed version without updates; downloads revoked.',
        });
      case 'ENV':
        return formatMessage({
          id: getTranslation('settings.provisioning.effect.ENV'),
          defaultMessage: 'Environment deprovisioned; an export reminder recorded; teardown scheduled by retention.',
        });
      case 'SVC':
        return formatMessage({
          id: getTranslation('settings.provisioning.effect.SVC'),
          defaultMessage: 'Service and contract cancelled; open requests flagged for review; credit balance frozen.',
        });
      default:
        return formatMessage({
          id: getTranslation('settings.provisioning.effect.other'),
          defaultMessage: "Whatever the app's handler for this class does.",
        });
    }
  };
};

export interface ProvisioningTableProps {
  policies: ProvisioningPolicy[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

/** One row per entitlement class; an admin with the settings permission switches deprovisioning on or off. */
export const ProvisioningTable = ({ policies, canEdit, onChanged }: ProvisioningTableProps) => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  const effectOfCancel = useEffectOfCancel();
  const { save, error, isSubmitting } = useSwitchAction(onChanged);

  const toggle = (policy: ProvisioningPolicy, deprovisionOnCancel: boolean) =>
    save(
      api.provisioningPolicies.update(policy.documentId, { deprovisionOnCancel }),
      formatMessage(
        {
          id: getTranslation('settings.provisioning.saved'),
          defaultMessage: '{class}: {on, select, true {cancelling deprovisions} other {cancelling leaves resources running}}.',
        },
        { class: labels.entitlementClassWithCode(policy.entitlementClass), on: String(deprovisionOnCancel) },
      ),
    );

  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(`settings.provisioning.${id}`), defaultMessage });

  return (
    <DataTable
      rows={policies}
      status={{ error, isLoading: false }}
      emptyMessage={t('empty', 'No provisioning policy yet.')}
      columns={[
        {
          key: 'class',
          header: t('table.class', 'Entitlement class'),
          strong: true,
          cell: (policy) => labels.entitlementClassWithCode(policy.entitlementClass),
        },
        {
          key: 'effect',
          header: t('table.effect', 'What deprovisioning does'),
          wrap: true,
          cell: (policy) => <Typography textColor="neutral600">{effectOfCancel(policy.entitlementClass)}</Typography>,
        },
        {
          key: 'deprovisionOnCancel',
          header: t('table.deprovisionOnCancel', 'Deprovision on cancel'),
          cell: (policy) =>
            canEdit ? (
              <Switch
                checked={policy.deprovisionOnCancel}
                disabled={isSubmitting}
                onCheckedChange={(checked) => void toggle(policy, checked)}
                aria-label={formatMessage(
                  { id: getTranslation('settings.provisioning.switchLabel'), defaultMessage: 'Deprovision {class} on cancel' },
                  { class: labels.entitlementClassWithCode(policy.entitlementClass) },
                )}
                onLabel={labels.yesNo(true)}
                offLabel={labels.yesNo(false)}
                visibleLabels
              />
            ) : (
              labels.yesNo(policy.deprovisionOnCancel)
            ),
        },
      ]}
    />
  );
};
