import { yup } from '@strapi/utils';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '../../../../shared/contracts/events';
import { oneOf, paginationShape, strictObject, validateQuery } from './common';

export const validateEventQuery = validateQuery<{ organization?: string; type?: DomainEventType; page: number; pageSize: number }>(
  strictObject({ organization: yup.string().min(1).max(64), type: oneOf(DOMAIN_EVENT_TYPES), ...paginationShape })
);
