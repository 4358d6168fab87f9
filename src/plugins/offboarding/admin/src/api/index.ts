import { entitlements } from './entitlements';
import { dataExports } from './exports';
import { auditLog, insights } from './insights';
import { invitations } from './invitations';
import { organizations } from './organizations';
import { jobs, retention } from './retention';
import { notices } from './notices';
import { scheduledChanges } from './scheduledChanges';
import { policies, provisioningPolicies, reasons } from './settings';
import { webhooks } from './webhooks';

/**
 * The plugin's admin API, one typed function per route the panel uses: each writes its URL once
 * and takes and returns the types of shared/contracts. A function returns the request; the hooks
 * of hooks/useApi.ts (or fetchQuery, outside React) send it.
 */
export const api = {
  organizations,
  invitations,
  entitlements,
  exports: dataExports,
  retention,
  jobs,
  policies,
  provisioningPolicies,
  reasons,
  webhooks,
  notices,
  scheduledChanges,
  insights,
  auditLog,
};

export type { ApiAction, ApiQuery } from './request';
export { fetchQuery } from './request';
