import type { EntitlementView, OrganizationDetail } from '../../../../shared/contracts/api';
import type { Entitlement } from '../../../../shared/contracts/entities';

/** What every entitlement action form receives, on the plugin's page and in the Content Manager. */
export interface EntitlementFormProps {
  entitlement: EntitlementView;
  organization: OrganizationDetail;
  onClose: () => void;
  /** Called with the changed entitlement once the server accepted the action. */
  onDone: (updated: Entitlement) => void;
}

export interface EntitlementDialogProps extends Omit<EntitlementFormProps, 'onClose'> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}
