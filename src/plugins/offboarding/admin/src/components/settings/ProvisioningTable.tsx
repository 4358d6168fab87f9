import * as React from 'react';
import { Switch, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { EntitlementClass } from '../../../../shared/contracts/constants';
import type { ProvisioningPolicy } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiAction } from '../../hooks/useApi';
import { getTranslation } from '../../utils/translations';
import { ApiErrorAlert } from '../organizations/ApiErrorAlert';
import { useClassLabel, useYesNo } from './labels';

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
  const { toggleNotification } = useNotification();
  const classLabel = useClassLabel();
  const yesNo = useYesNo();
  const effectOfCancel = useEffectOfCancel();
  const { run, isSubmitting } = useApiAction();
  const [error, setError] = React.useState<string | null>(null);

  const toggle = async (policy: ProvisioningPolicy, deprovisionOnCancel: boolean) => {
    setError(null);
    const result = await run(api.provisioningPolicies.update(policy.documentId, { deprovisionOnCancel }));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage(
        {
          id: getTranslation('settings.provisioning.saved'),
          defaultMessage:
            '{class}: {on, select, true {cancelling deprovisions} other {cancelling leaves resources running}}.',
        },
        { class: classLabel(policy.entitlementClass), on: String(deprovisionOnCancel) },
      ),
    });
    await onChanged();
  };

  const heading = (id: string, defaultMessage: string) => (
    <Th>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation(id), defaultMessage })}
      </Typography>
    </Th>
  );

  return (
    <>
      <ApiErrorAlert error={error} />
      <Table colCount={3} rowCount={policies.length + 1}>
        <Thead>
          <Tr>
            {heading('settings.provisioning.table.class', 'Entitlement class')}
            {heading('settings.provisioning.table.effect', 'What deprovisioning does')}
            {heading('settings.provisioning.table.deprovisionOnCancel', 'Deprovision on cancel')}
          </Tr>
        </Thead>
        <Tbody>
          {policies.map((policy) => {
            const label = classLabel(policy.entitlementClass);
            return (
              <Tr key={policy.documentId}>
                <Td>
                  <Typography textColor="neutral800" fontWeight="semiBold">
                    {label}
                  </Typography>
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography textColor="neutral600">{effectOfCancel(policy.entitlementClass)}</Typography>
                </Td>
                <Td>
                  {canEdit ? (
                    <Switch
                      checked={policy.deprovisionOnCancel}
                      disabled={isSubmitting}
                      onCheckedChange={(checked) => void toggle(policy, checked)}
                      aria-label={formatMessage(
                        {
                          id: getTranslation('settings.provisioning.switchLabel'),
                          defaultMessage: 'Deprovision {class} on cancel',
                        },
                        { class: label },
                      )}
                      onLabel={formatMessage({ id: getTranslation('settings.value.yes'), defaultMessage: 'Yes' })}
                      offLabel={formatMessage({ id: getTranslation('settings.value.no'), defaultMessage: 'No' })}
                      visibleLabels
                    />
                  ) : (
                    <Typography textColor="neutral800">{yesNo(policy.deprovisionOnCancel)}</Typography>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </>
  );
};
