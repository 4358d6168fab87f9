import type { OrganizationDetail } from '../../../../shared/contracts/api';

export interface OrganizationFormProps {
  organization: OrganizationDetail;
  onClose: () => void;
  /** Called once the server accepted the action. */
  onDone: () => void;
}
