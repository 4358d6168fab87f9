import { yup } from '@strapi/utils';
import type { PreviewNotice, UpdateNotice } from '../../../../shared/contracts/notices';
import { MAX_BODY, MAX_SUBJECT } from '../../domain/notices';
import { strictObject, validateBody } from './common';

/** A template's text: not blank, within its limit. Unknown variables are the service's 400 (it knows the key). */
const text = (max: number) =>
  yup
    .string()
    .max(max)
    .test('non-blank', '${path} must not be blank', (value) => value === undefined || value.trim().length > 0);

export const validateUpdateNotice = validateBody<UpdateNotice.Request['body']>(
  strictObject({ subject: text(MAX_SUBJECT), body: text(MAX_BODY), enabled: yup.boolean(), reset: yup.boolean() })
);

export const validatePreviewNotice = validateBody<PreviewNotice.Request['body']>(
  strictObject({ organization: yup.string().required().min(1).max(64), subject: text(MAX_SUBJECT), body: text(MAX_BODY) })
);
