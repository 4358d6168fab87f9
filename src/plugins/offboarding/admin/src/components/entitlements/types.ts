import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import type { DialogFormProps } from '../common/ActionDialog';

/** What every entitlement action form receives, in the panel's ActionDialog and in the Content Manager's modal. */
export interface EntitlementFormProps extends DialogFormProps {
  entitlement: EntitlementView;
  organization: OrganizationDetail;
}
