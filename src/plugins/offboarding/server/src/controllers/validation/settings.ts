import { yup } from '@strapi/utils';
import { DUNNING_ACTIONS, ENTITLEMENT_CLASSES, type DunningStage } from '../../../../shared/contracts/constants';
import { dunningOrderProblem, dunningShapeProblem, MAX_DUNNING_DAYS, MAX_DUNNING_STAGES } from '../../domain/dunning';
import type { PolicyInput } from '../../services/policy';
import type { ReasonInput } from '../../services/reason';
import { nonBlank, oneOf, oneOfOrNull, strictObject, validateBody, validateQuery } from './common';

const days = () => yup.number().integer('${path} must be a whole number of days').min(0).max(36_500);

/**
 * Dunning stages (docs/spec.md §13): null, or a list of `{afterDays, action}` (typed here, so the
 * OpenAPI document shows them), in the domain's order (domain/dunning.ts). Each error names its
 * field: `dunningStages[2].afterDays`, `dunningStages[0].action`, or the list, `dunningStages`.
 */
const dunningStage = strictObject({
  afterDays: yup
    .number()
    .typeError('${path} must be a whole number of days from 0 to ' + MAX_DUNNING_DAYS)
    .integer('${path} must be a whole number of days from 0 to ' + MAX_DUNNING_DAYS)
    .min(0, '${path} must be a whole number of days from 0 to ' + MAX_DUNNING_DAYS)
    .max(MAX_DUNNING_DAYS, '${path} must be a whole number of days from 0 to ' + MAX_DUNNING_DAYS)
    .required(),
  action: oneOf(DUNNING_ACTIONS).required(),
}).typeError('${path} must be an object {afterDays, action}');

const dunningStages = () =>
  yup
    .array()
    .of(dunningStage)
    .nullable()
    .typeError('${path} must be a list of stages or null')
    .max(MAX_DUNNING_STAGES, `\${path} holds at most ${MAX_DUNNING_STAGES} stages`)
    .test('dunning-order', 'dunningStages must go in order of days, with at most one cancel, last', function check(value) {
      // Only a well-formed list has an order: a malformed stage is reported by its own field.
      if (dunningShapeProblem(value)) return true;
      const problem = dunningOrderProblem(value as DunningStage[] | null | undefined);
      return problem ? this.createError({ path: problem.path, message: problem.message }) : true;
    });

const policyShape = {
  name: nonBlank(120),
  isDefault: yup.boolean(),
  entitlementClass: oneOfOrNull(ENTITLEMENT_CLASSES),
  portalVisibilityDays: days(),
  dataRetentionDays: days(),
  allowReactivation: yup.boolean(),
  reactivationWindowDays: days(),
  refundEligible: yup.boolean(),
  gracePeriodDays: days(),
  purgeReviewDays: days(),
  dunningStages: dunningStages(),
};

export const validateCreatePolicy = validateBody<PolicyInput & { name: string }>(
  strictObject({ ...policyShape, name: policyShape.name.required() })
);

export const validateUpdatePolicy = validateBody<PolicyInput>(
  strictObject(policyShape).test('not-empty', 'the body names no field to update', (v) => Boolean(v && Object.keys(v).length))
);

const reasonShape = {
  code: yup
    .string()
    .matches(/^[a-z][a-z0-9_]{1,63}$/, '${path} must be lower_snake_case (letters, digits, underscores)'),
  label: nonBlank(255),
  appliesToCancel: yup.boolean(),
  appliesToSuspend: yup.boolean(),
  active: yup.boolean(),
};

export const validateCreateReason = validateBody<Required<Pick<ReasonInput, 'code' | 'label'>> & ReasonInput>(
  strictObject({ ...reasonShape, code: reasonShape.code.required(), label: reasonShape.label.required() })
);

export const validateUpdateReason = validateBody<ReasonInput>(
  strictObject(reasonShape).test('not-empty', 'the body names no field to update', (v) => Boolean(v && Object.keys(v).length))
);

export const validateReasonQuery = validateQuery<{ active?: boolean; appliesTo?: 'cancel' | 'suspend' }>(
  strictObject({ active: yup.boolean(), appliesTo: oneOf(['cancel', 'suspend'] as const) })
);

export const validateProvisioningPolicy = validateBody<{ deprovisionOnCancel: boolean }>(
  strictObject({ deprovisionOnCancel: yup.boolean().required() })
);
