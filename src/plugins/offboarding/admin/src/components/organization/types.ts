import type { OrganizationDetail } from '../../../../shared/contracts/api';

/** What every organization-level action and section receives from the page. */
export interface OrganizationActionProps {
  organization: OrganizationDetail;
  /** Reloads the page's data after a change. */
  onChanged: () => void | Promise<void>;
}
