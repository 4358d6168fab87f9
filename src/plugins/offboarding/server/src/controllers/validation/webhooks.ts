import { yup } from '@strapi/utils';
import { DOMAIN_EVENT_TYPES } from '../../../../shared/contracts/events';
import { WEBHOOK_DELIVERY_STATES, type WebhookDeliveryState, type WebhookEventSelection } from '../../../../shared/contracts/webhooks';
import type { WebhookInput } from '../../services/webhooks';
import { oneOf, paginationShape, strictObject, validateBody, validateQuery } from './common';

/** `['*']`, or a non-empty list of known event types without repeats. */
const events = () =>
  yup
    .array()
    .of(oneOf(['*', ...DOMAIN_EVENT_TYPES] as const).required())
    .min(1, '${path} must name at least one event type, or ["*"] for all')
    .max(DOMAIN_EVENT_TYPES.length)
    .test('star-alone', '${path}: "*" (every event) stands alone', (value) => !value || !value.includes('*') || value.length === 1)
    .test('no-repeats', '${path} names an event type twice', (value) => !value || new Set(value).size === value.length);

const webhookShape = {
  url: yup.string().max(2048).trim().min(1),
  events: events(),
  description: yup.string().nullable().max(500),
  enabled: yup.boolean(),
  includePersonalData: yup.boolean(),
};

export const validateCreateWebhook = validateBody<WebhookInput & { url: string; events: WebhookEventSelection }>(
  strictObject({ ...webhookShape, url: webhookShape.url.required(), events: webhookShape.events.required() })
);

export const validateUpdateWebhook = validateBody<WebhookInput>(
  strictObject(webhookShape).test('not-empty', 'the body names no field to update', (v) => Boolean(v && Object.keys(v).length))
);

export const validateWebhookList = validateQuery<{ page: number; pageSize: number }>(strictObject({ ...paginationShape }));

export const validateDeliveryQuery = validateQuery<{ state?: WebhookDeliveryState; page: number; pageSize: number }>(
  strictObject({ state: oneOf(WEBHOOK_DELIVERY_STATES), ...paginationShape })
);
