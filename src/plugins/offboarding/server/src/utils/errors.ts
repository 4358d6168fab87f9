import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { DomainError } from '../domain/errors';

/** 409: the state machine (or a rule about the current state) refuses the action. */
export const conflictError = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(409, message, { details });

/**
 * 403 with its message kept: on content-API routes Strapi's authorize step turns any
 * `errors.ForbiddenError` thrown behind it into a bare "Forbidden", so a refusal that explains
 * itself travels as an HTTP error instead.
 */
export const forbiddenError = (message: string, details: Record<string, unknown> = {}) =>
  createHttpError(403, message, { details });

export const notFound = (what: string, id: string) =>
  new errors.NotFoundError(`${what} "${id}" was not found`, { id });

/** A 400 naming the field, in the same shape as a validation failure. */
export const fieldError = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }], ...details });

/** Runs domain rules and turns their refusals into Strapi's HTTP errors. */
export const translateDomainError = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  if (error.kind === 'conflict') return conflictError(error.message, error.details);
  const field = typeof error.details.field === 'string' ? error.details.field : 'body';
  return fieldError(field, error.message, error.details);
};

export const withDomainErrors = <T>(fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    throw translateDomainError(error);
  }
};
