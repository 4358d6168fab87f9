import { yup } from '@strapi/utils';
import { TASK_STATES } from '../../../../shared/contracts/constants';
import { isoDate, nonBlank, oneOf, strictObject, validateBody, validateQuery } from './common';

export const validateExtendRetention = validateBody<{ until: string; reason: string }>(
  strictObject({ until: isoDate().required(), reason: nonBlank(2000).required() })
);

export const validateLegalHold = validateBody<{ reason: string }>(strictObject({ reason: nonBlank(2000).required() }));

export const validateTaskQuery = validateQuery<{ state?: string; targetId?: string }>(
  strictObject({ state: oneOf(TASK_STATES), targetId: yup.string().max(64) })
);
