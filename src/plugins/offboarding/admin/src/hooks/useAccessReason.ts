import { useIntl, type MessageDescriptor } from 'react-intl';
import type { AccessCapability, AccessView } from '../../../shared/contracts/access';
import { getTranslation } from '../utils/translations';
import { useLabels } from './useLabels';

/** What each capability withheld means, as the end of "<stage>: …" (server/src/domain/access.ts CAPABILITY_PHRASES). */
const WITHHELD: Record<AccessCapability, MessageDescriptor> = {
  portalLogin: { id: getTranslation('access.withheld.portalLogin'), defaultMessage: 'its portal is closed' },
  portalWrite: { id: getTranslation('access.withheld.portalWrite'), defaultMessage: 'its portal is read-only' },
  invite: { id: getTranslation('access.withheld.invite'), defaultMessage: 'no one can be invited' },
  acceptInvite: { id: getTranslation('access.withheld.acceptInvite'), defaultMessage: 'invitations cannot be accepted' },
  newOrders: { id: getTranslation('access.withheld.newOrders'), defaultMessage: 'no new orders or quotes can be created for it' },
  assignResources: { id: getTranslation('access.withheld.assignResources'), defaultMessage: 'no new resources can be assigned to its entitlements' },
  customerExport: { id: getTranslation('access.withheld.customerExport'), defaultMessage: 'customers cannot export its data' },
};

const sentence = { id: getTranslation('access.withheld.sentence'), defaultMessage: '{stage}: {withheld}' };

/**
 * Why a capability is withheld, in the admin's language: built from the access view's stage and
 * the capability, as the server builds its English `reasons` (which the customer's API answers
 * with). Null when the capability is granted.
 */
export const useAccessReason = () => {
  const { formatMessage } = useIntl();
  const labels = useLabels();
  return (view: AccessView, capability: AccessCapability): string | null =>
    view[capability] ? null : formatMessage(sentence, { stage: labels.accessStage(view.stage), withheld: formatMessage(WITHHELD[capability]) });
};
