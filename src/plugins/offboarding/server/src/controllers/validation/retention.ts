import { yup } from '@strapi/utils';
import { TASK_STATES } from '../../../../shared/contracts/constants';
import { isoDate, MAX_PAGE_SIZE, nonBlank, oneOf, paginationShape, strictObject, validateBody, validateQuery } from './common';

export const validateExtendRetention = validateBody<{ until: string; reason: string }>(
  strictObject({ until: isoDate().required(), reason: nonBlank(2000).required() })
);

export const validateLegalHold = validateBody<{ reason: string }>(strictObject({ reason: nonBlank(2000).required() }));

export const validateTaskQuery = validateQuery<{ state?: string; targetId?: string; page: number; pageSize: number }>(
  // 100 a page by default: the list showed up to 100 tasks before it was paginated.
  strictObject({ state: oneOf(TASK_STATES), targetId: yup.string().max(64), ...paginationShape, pageSize: paginationShape.pageSize.default(MAX_PAGE_SIZE) })
);
