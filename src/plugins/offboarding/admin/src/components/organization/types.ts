import type { OrganizationDetail } from '../../../../shared/contracts/api';
import type { DialogFormProps } from '../common/ActionDialog';

/** What every organization-level action and section receives from the page. */
export interface OrganizationActionProps {
  organization: OrganizationDetail;
  /** Reloads the page's data after a change. */
  onChanged: () => void | Promise<void>;
}

/** What every organization action form receives, in the panel's ActionDialog and in the Content Manager's modal. */
export interface OrganizationFormProps extends DialogFormProps {
  organization: OrganizationDetail;
}
