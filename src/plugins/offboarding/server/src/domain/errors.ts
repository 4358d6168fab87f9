/**
 * Errors raised by the pure domain rules. The services translate them into Strapi's
 * HTTP errors: a `conflict` is a 409 (refused by the state machine), an `invalid`
 * is a 400 naming the field or rule at fault.
 */
export type DomainErrorKind = 'conflict' | 'invalid';

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly details: Record<string, unknown>;

  constructor(kind: DomainErrorKind, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.details = details;
  }
}

export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('conflict', message, details);

/** `field` is the request field the rule is about, so the client can point at it. */
export const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('invalid', message, { field, ...details });
