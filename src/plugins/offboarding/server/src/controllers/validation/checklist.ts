import { yup } from '@strapi/utils';
import {
  CHECKLIST_STEPS,
  CHECKLIST_TEXT_MAX,
  CHECKLIST_REOPEN_REASON_MAX,
  type ChecklistStepKey,
  type CompleteChecklistStepRequest,
  type ReopenChecklistStepRequest,
  type SkipChecklistStepRequest,
} from '../../../../shared/contracts/checklist';
import { nonBlank, oneOf, strictObject, validateBody } from './common';

/** The `:step` of the path: a step key of the runbook, or a 400 listing them. */
export const validateStepParam = validateBody<{ step: ChecklistStepKey }>(
  strictObject({ step: oneOf(CHECKLIST_STEPS).required() })
);

export const validateCompleteStep = validateBody<CompleteChecklistStepRequest>(
  strictObject({ note: yup.string().nullable().max(CHECKLIST_TEXT_MAX) })
);

export const validateSkipStep = validateBody<SkipChecklistStepRequest>(
  strictObject({ reason: nonBlank(CHECKLIST_TEXT_MAX).required('reason is required: say why the step is skipped') })
);

export const validateReopenStep = validateBody<ReopenChecklistStepRequest>(
  strictObject({
    reason: nonBlank(CHECKLIST_REOPEN_REASON_MAX).required('reason is required: say why the step is reopened'),
  })
);
