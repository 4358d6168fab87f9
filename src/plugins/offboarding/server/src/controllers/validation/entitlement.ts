import { yup } from '@strapi/utils';
import type { CancelAllRequest, CancelRequest, EntitlementInput, SuspendRequest } from '../../../../shared/contracts/api';
import type { PauseRequest, ResumeRequest } from '../../../../shared/contracts/lifecycle';
import {
  BILLING_PERIODS,
  CANCEL_TIMINGS,
  ENTITLEMENT_CLASSES,
  PAUSE_ACCESS,
  REFUND_MODES,
  SUSPENSION_REASONS,
} from '../../../../shared/contracts/constants';
import { isoDate, nonBlank, oneOf, strictObject, validateBody } from './common';

const MAX_AMOUNT = 2_147_483_647;

export const validateCreateEntitlement = validateBody<EntitlementInput>(
  strictObject({
    class: oneOf(ENTITLEMENT_CLASSES).required(),
    name: yup.string().nullable().max(255),
    price: yup.number().integer('${path} must be an integer amount in minor units').min(0).max(MAX_AMOUNT).required(),
    currency: yup
      .string()
      .matches(/^[A-Z]{3}$/, '${path} must be an ISO 4217 code such as "EUR"')
      .required(),
    billingPeriod: oneOf(BILLING_PERIODS).required(),
    currentPeriodStart: isoDate(),
    currentPeriodEnd: isoDate(),
    creditBalance: yup.number().integer().min(0).max(MAX_AMOUNT),
    // docs/spec.md §13: created as a prospect (not billed, not provisioned) or active (default).
    status: oneOf(['active', 'prospect'] as const),
  })
);

const cancellationShape = {
  reason: nonBlank(64).required(),
  notes: yup.string().nullable().max(5000),
  timing: oneOf(CANCEL_TIMINGS).required(),
  effectiveAt: isoDate(),
};

export const validateCancel = validateBody<CancelRequest>(
  strictObject({ ...cancellationShape, refund: oneOf(REFUND_MODES), prorateAsOf: isoDate() })
);

export const validateCancelAll = validateBody<CancelAllRequest>(
  strictObject({ ...cancellationShape, refund: oneOf(REFUND_MODES), prorateAsOf: isoDate() })
);

export const validateSuspend = validateBody<SuspendRequest>(
  strictObject({
    reason: oneOf(SUSPENSION_REASONS).required(),
    reasonCode: nonBlank(64),
    notes: yup.string().nullable().max(5000),
    effectiveAt: isoDate(),
  })
);

/** POST /entitlements/:id/pause (docs/spec.md §13). Dates are checked against the clock by the service. */
export const validatePause = validateBody<PauseRequest>(
  strictObject({
    reason: nonBlank(64).required(),
    notes: yup.string().nullable().max(5000),
    startAt: isoDate(),
    resumeAt: isoDate(),
    access: oneOf(PAUSE_ACCESS).required(),
  })
);

/** A resumption, now or on a date (docs/spec.md §13). */
export const validateResume = validateBody<ResumeRequest>(strictObject({ effectiveAt: isoDate() }));

export const validateResource = validateBody<{ kind: string; name?: string | null; status?: string; data?: Record<string, unknown> | null }>(
  strictObject({
    kind: yup
      .string()
      .matches(/^[a-z][a-z0-9_]{0,63}$/, '${path} must be lower_snake_case, such as "license" or "site_activation"')
      .required(),
    name: yup.string().nullable().max(255),
    status: yup.string().matches(/^[a-z][a-z0-9_]{0,63}$/, '${path} must be lower_snake_case'),
    data: yup.object().nullable(),
  })
);
