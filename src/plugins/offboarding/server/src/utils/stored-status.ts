/**
 * The entitlement's and the organization's `status` is stored in the attribute
 * `lifecycleStatus` (Strapi reads an attribute named `status` as the draft & publish state, and
 * the Content Manager showed every row as "Published"). The API and the domain keep `status`:
 * these two helpers are the boundary, used where rows are read and patches written.
 */
export const STORED_STATUS = 'lifecycleStatus';

/** A patch or filter in API terms (`status`) as the database's attributes (`lifecycleStatus`). */
export const toStored = <T extends object>(data: T): T => {
  if (!('status' in data)) return data;
  const { status, ...rest } = data as Record<string, unknown>;
  return { ...rest, [STORED_STATUS]: status } as unknown as T;
};

/** A stored row in API terms: `lifecycleStatus` read as `status`. */
export const fromStored = <T extends Record<string, unknown>>(row: T): T => {
  if (!(STORED_STATUS in row)) return row;
  const { [STORED_STATUS]: status, ...rest } = row;
  return { ...rest, status } as unknown as T;
};
