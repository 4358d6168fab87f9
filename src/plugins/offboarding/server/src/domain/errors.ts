import type { ErrorCode } from '../../../shared/contracts/error-codes';

/**
 * Errors raised by the pure domain rules. The services translate them into Strapi's
 * HTTP errors: a `conflict` is a 409 (refused by the state machine), an `invalid`
 * is a 400 naming the field or rule at fault. Each carries its stable `code` (docs/spec.md §7).
 */
export type DomainErrorKind = 'conflict' | 'invalid';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(kind: DomainErrorKind, code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const conflict = (code: ErrorCode, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, details);

/** `field` is the request field the rule is about, so the client can point at it. */
export const invalid = (field: string, message: string, details: Record<string, unknown> = {}, code: ErrorCode = 'validation.invalid') =>
  new DomainError('invalid', code, message, { field, ...details });
