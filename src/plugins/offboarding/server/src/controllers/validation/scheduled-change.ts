import { yup } from '@strapi/utils';
import { SCHEDULED_CHANGE_KINDS, type ScheduledChangeKind } from '../../../../shared/contracts/lifecycle';
import { isoDate, oneOf, paginationShape, strictObject, validateQuery } from './common';

export interface ScheduledChangesQuery {
  organization?: string;
  kind?: ScheduledChangeKind;
  from?: string | null;
  to?: string | null;
  page: number;
  pageSize: number;
}

/** GET /scheduled-changes: filters by organization, kind and window; `to` not before `from`. */
export const validateScheduledChangesQuery = validateQuery<ScheduledChangesQuery>(
  strictObject({
    organization: yup.string().min(1).max(64),
    kind: oneOf(SCHEDULED_CHANGE_KINDS),
    from: isoDate(),
    to: isoDate().test('after-from', '${path} must not be before from', function check(value) {
      const from = (this.parent as { from?: string | null }).from;
      return !value || !from || Date.parse(value) >= Date.parse(from);
    }),
    ...paginationShape,
  })
);
