import type { PortalListQuery } from '../../../../shared/contracts/portal';
import { paginationShape, strictObject, validateQuery } from './common';

export const validatePortalList = validateQuery<PortalListQuery>(strictObject(paginationShape));
