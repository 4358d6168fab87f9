/**
 * The rows a relation value in Document Service data points at, read the way Strapi 5 reads
 * them (core document-service `mapRelation`): a number or numeric string is an entry id,
 * another string a documentId, `{ documentId }` wins over `{ id }`, arrays and the
 * `connect` / `set` operations list targets. `disconnect` only removes links, so it names none.
 */
export interface RelationRefs {
  ids: number[];
  documentIds: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Strapi's own test (parseInt) — "12abc" is entry 12 to Strapi, so it must be to the guard too.
const numericId = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string') {
    const parsed = parseInt(value, 10);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
};

const collect = (value: unknown, refs: RelationRefs): void => {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, refs);
    return;
  }
  if (isRecord(value)) {
    if ('documentId' in value || 'id' in value) {
      if (typeof value.documentId === 'string' && value.documentId) refs.documentIds.push(value.documentId);
      else {
        const id = numericId(value.id);
        if (id !== null) refs.ids.push(id);
      }
      return;
    }
    collect(value.set, refs);
    collect(value.connect, refs);
    return;
  }
  const id = numericId(value);
  if (id !== null) refs.ids.push(id);
  else if (typeof value === 'string' && value) refs.documentIds.push(value);
};

export const relationRefs = (value: unknown): RelationRefs => {
  const refs: RelationRefs = { ids: [], documentIds: [] };
  collect(value, refs);
  return { ids: [...new Set(refs.ids)], documentIds: [...new Set(refs.documentIds)] };
};

export const hasRefs = (refs: RelationRefs) => refs.ids.length > 0 || refs.documentIds.length > 0;
