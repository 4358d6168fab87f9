import * as React from 'react';
import { useIntl } from 'react-intl';
import type { EntitlementClass } from '../../../../shared/contracts/constants';
import { getTranslation } from '../../utils/translations';

/** Readable names of the entitlement classes (docs/spec.md §1). */
export const useClassLabel = () => {
  const { formatMessage } = useIntl();
  return React.useMemo(() => {
    const labels: Record<EntitlementClass, string> = {
      PLG: formatMessage({ id: getTranslation('settings.class.PLG'), defaultMessage: 'Plugin license (PLG)' }),
      ENV: formatMessage({ id: getTranslation('settings.class.ENV'), defaultMessage: 'Hosted environment (ENV)' }),
      SVC: formatMessage({ id: getTranslation('settings.class.SVC'), defaultMessage: 'Service contract (SVC)' }),
      ORD: formatMessage({ id: getTranslation('settings.class.ORD'), defaultMessage: 'One-off order (ORD)' }),
      AFL: formatMessage({ id: getTranslation('settings.class.AFL'), defaultMessage: 'Affiliate (AFL)' }),
      EDU: formatMessage({ id: getTranslation('settings.class.EDU'), defaultMessage: 'Training (EDU)' }),
    };
    return (value: EntitlementClass) => labels[value] ?? value;
  }, [formatMessage]);
};

/** Yes / No for a boolean setting. */
export const useYesNo = () => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (value: boolean) =>
      value
        ? formatMessage({ id: getTranslation('settings.value.yes'), defaultMessage: 'Yes' })
        : formatMessage({ id: getTranslation('settings.value.no'), defaultMessage: 'No' }),
    [formatMessage],
  );
};
