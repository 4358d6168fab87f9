import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { ErrorCode } from '../../../shared/contracts/error-codes';
import { DomainError } from '../domain/errors';

/**
 * Every error the plugin answers with carries a stable `details.code` (docs/spec.md §7, listed in
 * shared/contracts/error-codes); the English text stays in `message`. The helpers below add the
 * code to `details`, so what a caller already reads there stays as it was (a detail of its own
 * is never called `code`).
 */
const coded = (code: ErrorCode, details: Record<string, unknown>) => ({ ...details, code });

/** 409: the state machine (or a rule about the current state) refuses the action. */
export const conflictError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details: coded(code, details) });

/**
 * 403 with its message kept: on content-API routes Strapi's authorize step turns any
 * `errors.ForbiddenError` thrown behind it into a bare "Forbidden", so a refusal that explains
 * itself travels as an HTTP error instead.
 */
export const forbiddenError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) =>
  createHttpError(403, message, { details: coded(code, details) });

/** 410: what was asked for existed, and is gone for good. */
export const goneError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) =>
  createHttpError(410, message, { details: coded(code, details) });

/** What a 404 names, and its code. */
const NOT_FOUND = {
  organization: ['Organization', 'organization.not_found'],
  entitlement: ['Entitlement', 'entitlement.not_found'],
  policy: ['Cancellation policy', 'policy.not_found'],
  provisioningPolicy: ['Provisioning policy', 'provisioning_policy.not_found'],
  reason: ['Reason', 'reason.not_found'],
  collaborator: ['Collaborator of this organization', 'collaborator.not_found'],
  invitation: ['Invitation', 'invitation.not_found'],
  scheduledChange: ['Scheduled change', 'scheduled_change.not_found'],
  export: ['Export', 'export.not_found'],
  webhookEndpoint: ['Webhook endpoint', 'webhook.endpoint_not_found'],
  webhookDelivery: ['Webhook delivery', 'webhook.delivery_not_found'],
  notice: ['Notice', 'notice.not_found'],
  job: ['Job', 'job.not_found'],
} as const satisfies Record<string, readonly [string, ErrorCode]>;

export type NotFoundSubject = keyof typeof NOT_FOUND;

/** 404 "<What> "<id>" was not found"; `what` overrides the subject's name in the message. */
export const notFound = (subject: NotFoundSubject, id: string, what: string = NOT_FOUND[subject][0]) =>
  new errors.NotFoundError(`${what} "${id}" was not found`, coded(NOT_FOUND[subject][1], { id }));

/** A 400 naming the field, in the same shape as a validation failure. */
export const fieldError = (field: string, message: string, details: Record<string, unknown> = {}, code: ErrorCode = 'validation.invalid') =>
  new errors.ValidationError(message, coded(code, { errors: [{ path: [field], message, name: 'ValidationError' }], ...details }));

/** Runs domain rules and turns their refusals into Strapi's HTTP errors. */
export const translateDomainError = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  if (error.kind === 'conflict') return conflictError(error.code, error.message, error.details);
  const field = typeof error.details.field === 'string' ? error.details.field : 'body';
  return fieldError(field, error.message, error.details, error.code);
};

export const withDomainErrors = <T>(fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    throw translateDomainError(error);
  }
};
