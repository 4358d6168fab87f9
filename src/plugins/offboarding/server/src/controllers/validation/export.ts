import { yup } from '@strapi/utils';
import { EXPORT_PROFILES, type ExportProfile } from '../../../../shared/contracts/constants';
import { oneOf, strictObject, validateBody, validateQuery } from './common';

/** An admin export is `admin` unless the admin asks for the customer's allow-listed one. */
export const validateCreateExport = validateBody<{ profile?: ExportProfile }>(strictObject({ profile: oneOf(EXPORT_PROFILES) }));

export const validateToken = validateQuery<{ token: string }>(strictObject({ token: yup.string().max(2000).required('token is required') }));
