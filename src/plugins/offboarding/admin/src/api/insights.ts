import type {
  GetCancellationInsights,
  GetChurnInsights,
  GetRangeInsights,
  GetRefundInsights,
  GetStatusInsights,
  GetUpcomingInsights,
  ListAuditLog,
} from '../../../shared/contracts/insights';
import { path, query } from './request';

/** The Insights page's charts, each aggregated by the API (docs/spec.md §7), and the global audit log. */
export const insights = {
  cancellations: (params: GetRangeInsights.Request['query'] = {}) => query<GetCancellationInsights.Response>(path`/insights/cancellations`, params),
  refunds: (params: GetRangeInsights.Request['query'] = {}) => query<GetRefundInsights.Response>(path`/insights/refunds`, params),
  churn: (params: GetRangeInsights.Request['query'] = {}) => query<GetChurnInsights.Response>(path`/insights/churn`, params),
  statuses: () => query<GetStatusInsights.Response>(path`/insights/statuses`),
  upcoming: (params: GetUpcomingInsights.Request['query'] = {}) => query<GetUpcomingInsights.Response>(path`/insights/upcoming`, params),
};

export const auditLog = {
  list: (params: ListAuditLog.Request['query']) => query<ListAuditLog.Response>(path`/audit`, params),
};
