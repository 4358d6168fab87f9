import { yup } from '@strapi/utils';
import type { BulkOrganizationsRequest, ExportOrganizationsQuery, ListOrganizationsQuery, OrganizationInput } from '../../../../shared/contracts/api';
import type { AccessChangeRequest } from '../../../../shared/contracts/lifecycle';
import { ARCHIVED_FILTERS, BULK_ACTIONS, MAX_BULK_IDS, ORGANIZATION_SORTS, ORGANIZATION_STATUSES } from '../../../../shared/contracts/constants';
import { isoDate, nonBlank, oneOf, paginationShape, strictObject, validateBody, validateQuery } from './common';

const fields = {
  name: nonBlank(255),
  taxId: yup.string().nullable().max(64),
  email: yup.string().nullable().email('${path} must be a valid email').max(255),
  phone: yup.string().nullable().max(64),
  address: yup.string().nullable().max(2000),
  notes: yup.string().nullable().max(10000),
  cancellationPolicy: yup.string().nullable().max(64),
};

/** The policy form's preview: the policy to try (null: none of its own). */
export const validatePolicyPreview = validateBody<{ cancellationPolicy: string | null }>(
  strictObject({ cancellationPolicy: fields.cancellationPolicy.defined('${path} is required (a policy id, or null for none)') })
);

export const validateCreateOrganization = validateBody<OrganizationInput>(
  strictObject({ ...fields, name: fields.name.required() })
);

export const validateUpdateOrganization = validateBody<Partial<OrganizationInput>>(
  strictObject(fields).test('not-empty', 'the body names no field to update', (value) =>
    Boolean(value && Object.keys(value).length > 0)
  )
);

/** The list's filters and order, shared by the list and its CSV export. */
const listFilters = {
  q: yup.string().max(200),
  status: oneOf(ORGANIZATION_STATUSES),
  archived: oneOf(ARCHIVED_FILTERS).default('exclude'),
  sort: yup
    .mixed<(typeof ORGANIZATION_SORTS)[number]>()
    .oneOf([...ORGANIZATION_SORTS], `sort must be one of ${ORGANIZATION_SORTS.join(', ')}`),
};

export const validateListOrganizations = validateQuery<
  Required<Pick<ListOrganizationsQuery, 'page' | 'pageSize' | 'archived'>> & ListOrganizationsQuery
>(strictObject({ ...listFilters, ...paginationShape }));

export const validateExportOrganizations = validateQuery<Required<Pick<ExportOrganizationsQuery, 'archived'>> & ExportOrganizationsQuery>(
  strictObject(listFilters)
);

export const validateBulkOrganizations = validateBody<BulkOrganizationsRequest>(
  strictObject({
    action: oneOf(BULK_ACTIONS).required(),
    ids: yup
      .array(yup.string().required().max(64))
      .required()
      .min(1, 'ids must name at least one organization')
      .max(MAX_BULK_IDS, `ids must name at most ${MAX_BULK_IDS} organizations`),
    reason: nonBlank(64).when('action', {
      is: 'cancel_at_period_end',
      then: (schema) => schema.required('reason is required to cancel at period end'),
    }),
  })
);

export const validatePagination = validateQuery<{ page: number; pageSize: number }>(strictObject(paginationShape));

export const validateAccessChange = validateBody<AccessChangeRequest>(
  strictObject({ reason: yup.string().nullable().max(2000), effectiveAt: isoDate() })
);

export const validateDeleteQuery = validateQuery<{ confirm: string }>(
  strictObject({ confirm: yup.string().required('confirm is required: type the organization\'s name') })
);

export { isoDate };
