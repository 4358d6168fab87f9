import { yup } from '@strapi/utils';
import { ACTOR_TYPES, type ActorType } from '../../../../shared/contracts/constants';
import { UPCOMING_INTERVALS, type UpcomingInterval } from '../../../../shared/contracts/insights';
import { isoDate, oneOf, paginationShape, strictObject, validateQuery } from './common';

export interface RangeQuery {
  from?: string | null;
  to?: string | null;
}

const toNotBeforeFrom = () =>
  isoDate().test('after-from', '${path} must not be before from', function check(value) {
    const from = (this.parent as { from?: string | null }).from;
    return !value || !from || Date.parse(value) >= Date.parse(from);
  });

/** GET /insights/cancellations, /refunds, /churn: an ISO window (the 5-year bound is checked with the defaults, domain/insights.ts). */
export const validateInsightsRange = validateQuery<RangeQuery>(strictObject({ from: isoDate(), to: toNotBeforeFrom() }));

export const MAX_UPCOMING_DAYS = 366;

/** GET /insights/upcoming: the next `days` days (1..366, default 90), per day or week (default). */
export const validateUpcomingQuery = validateQuery<{ days: number; interval: UpcomingInterval }>(
  strictObject({
    days: yup
      .mixed<number>()
      .transform((value: unknown) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
      .test({
        name: 'whole-number',
        message: `days must be a whole number from 1 to ${MAX_UPCOMING_DAYS}`,
        params: { min: 1, max: MAX_UPCOMING_DAYS },
        test: (value) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_UPCOMING_DAYS),
      })
      .default(90),
    interval: oneOf(UPCOMING_INTERVALS).default('week'),
  })
);

export interface AuditLogQuery extends RangeQuery {
  organization?: string;
  action?: string;
  actorType?: ActorType;
  page: number;
  pageSize: number;
}

/** GET /audit: filters by organization, action (`entitlement.cancelled`), actor type and window. */
export const validateAuditLogQuery = validateQuery<AuditLogQuery>(
  strictObject({
    organization: yup.string().min(1).max(64),
    action: yup
      .string()
      .max(100)
      .matches(/^[a-z_]+(\.[a-z_]+)*$/, 'action must be an event type such as entitlement.cancelled'),
    actorType: oneOf(ACTOR_TYPES),
    from: isoDate(),
    to: toNotBeforeFrom(),
    ...paginationShape,
  })
);
