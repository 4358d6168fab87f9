import { yup } from '@strapi/utils';
import { ENTITLEMENT_CLASSES, type DunningStage } from '../../../../shared/contracts/constants';
import { dunningStagesProblem } from '../../domain/dunning';
import type { PolicyInput } from '../../services/policy';
import type { ReasonInput } from '../../services/reason';
import { nonBlank, oneOf, oneOfOrNull, strictObject, validateBody, validateQuery } from './common';

const days = () => yup.number().integer('${path} must be a whole number of days').min(0).max(36_500);

/**
 * Dunning stages (docs/spec.md §13): null, or a list checked by the domain's rules, the error
 * naming the stage's field (`dunningStages[2].afterDays`) or the list (`dunningStages`).
 */
const dunningStages = () =>
  yup
    .mixed<DunningStage[]>()
    .nullable()
    .test('dunning-stages', 'dunningStages is not a valid list of stages', function check(value) {
      const problem = dunningStagesProblem(value);
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
