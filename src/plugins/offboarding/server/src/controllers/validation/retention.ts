import { yup } from '@strapi/utils';
import { isoDate, nonBlank, strictObject, validateBody } from './common';

export const validateExtendRetention = validateBody<{ until: string; reason: string }>(
  strictObject({ until: isoDate().required(), reason: nonBlank(2000).required() })
);

export const validateLegalHold = validateBody<{ reason: string }>(strictObject({ reason: nonBlank(2000).required() }));

export const validateTaskQuery = (query: unknown) =>
  validateBody<{ state?: string }>(strictObject({ state: yup.string().oneOf(['pending', 'done', 'cancelled', 'failed']) }))(query);
