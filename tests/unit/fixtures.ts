import { DomainError, type DomainErrorKind, type EntitlementState } from '../../src/plugins/offboarding/server/src/domain';

/** A UTC instant from an ISO string; every date in these tests is explicit. */
export const at = (iso: string): Date => new Date(iso);

/** An active monthly entitlement: 3000 minor units for 2027-01-01 → 2027-01-31 (30 days). */
export const entitlement = (overrides: Partial<EntitlementState> = {}): EntitlementState => ({
  status: 'active',
  price: 3000,
  billingPeriod: 'month',
  currentPeriodStart: at('2027-01-01T00:00:00Z'),
  currentPeriodEnd: at('2027-01-31T00:00:00Z'),
  suspensionReason: null,
  graceEndsAt: null,
  previousStatus: null,
  cancelEffectiveAt: null,
  cancelledAt: null,
  pausedAt: null,
  resumeAt: null,
  ...overrides,
});

/** Runs `fn`, which must throw, and returns what it threw. */
export const thrownBy = (fn: () => unknown): unknown => {
  let error: unknown = undefined;
  let threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    error = e;
  }
  if (!threw) throw new Error('expected the call to throw, but it returned normally');
  return error;
};

/** Asserts that `fn` throws a DomainError of `kind` whose details include `details`. */
export const expectDomainError = (
  fn: () => unknown,
  kind: DomainErrorKind,
  details: Record<string, unknown> = {}
): DomainError => {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(DomainError);
  const domainError = error as DomainError;
  expect(domainError.kind).toBe(kind);
  expect(domainError.details).toEqual(expect.objectContaining(details));
  return domainError;
};
