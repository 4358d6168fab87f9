import type { Core } from '@strapi/strapi';
import type { OffboardingConfig, OwnedDataConfig } from '../config';
import { PLUGIN_ID, UID } from '../constants';
import { linkTableOf } from '../utils/links';

export type OwnedDataType = OwnedDataConfig;

interface AttributeSchema {
  type: string;
  relation?: string;
  target?: string;
}

interface ContentTypeSchema {
  info: { singularName: string; pluralName: string; displayName?: string };
  attributes: Record<string, AttributeSchema>;
}

const ONE_ORGANIZATION = new Set(['manyToOne', 'oneToOne']);

/**
 * The app's content types that belong to an organization (plugin config `ownedData`),
 * checked against the loaded schema: the archive guard, the purge and the export read them here.
 */
const createOwnedDataService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: OwnedDataType[] | null = null;

  const schemaOf = (uid: string) => (strapi.contentTypes as unknown as Record<string, ContentTypeSchema | undefined>)[uid];

  /** Throws at the first entry that does not match the schema, naming it and what is wrong. */
  const resolve = (): OwnedDataType[] => {
    const configured = (strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig).ownedData ?? [];
    return configured.map((entry) => {
      const schema = schemaOf(entry.uid);
      if (!schema) throw new Error(`plugin offboarding: ownedData "${entry.uid}" is not a content type of this app`);
      const attribute = schema.attributes[entry.relation];
      if (!attribute) throw new Error(`plugin offboarding: ownedData "${entry.uid}" has no attribute "${entry.relation}"`);
      if (attribute.type !== 'relation' || attribute.target !== UID.organization || !ONE_ORGANIZATION.has(attribute.relation ?? '')) {
        throw new Error(
          `plugin offboarding: ownedData "${entry.uid}".${entry.relation} must be a manyToOne (or oneToOne) relation to ${UID.organization}`
        );
      }
      // The purge and the counts read the relation's link table; fail now rather than mid-purge.
      linkTableOf(strapi, entry.uid, entry.relation);
      for (const field of entry.customerFields ?? []) {
        const allowed = schema.attributes[field];
        // A customer field is plain data of the type itself: never its owner or another relation.
        if (!allowed || allowed.type === 'relation' || allowed.type === 'password' || field === entry.relation) {
          throw new Error(`plugin offboarding: ownedData "${entry.uid}".customerFields names "${field}", which is not a plain attribute of it`);
        }
      }
      return {
        uid: entry.uid,
        relation: entry.relation,
        export: entry.export,
        purge: entry.purge,
        refuseWhileArchived: entry.refuseWhileArchived,
        customerFields: entry.customerFields,
      };
    });
  };

  const list = (): OwnedDataType[] => {
    if (!resolved) resolved = resolve();
    return resolved;
  };

  return {
    /** Every owned content type: `{ uid, relation, export, purge, refuseWhileArchived }`. */
    list,

    get: (uid: string) => list().find((type) => type.uid === uid),

    /** The plural name the retention queue and the audit counts use (`orders`). */
    pluralName: (uid: string) => schemaOf(uid)?.info.pluralName ?? uid,

    displayName: (uid: string) => {
      const info = schemaOf(uid)?.info;
      return info?.displayName ?? info?.singularName ?? uid;
    },

    /** Its media attributes, whose files go with a purged row. */
    mediaAttributes: (uid: string) =>
      Object.entries(schemaOf(uid)?.attributes ?? {})
        .filter(([, attribute]) => attribute.type === 'media')
        .map(([name]) => name),
  };
};

export type OwnedDataService = ReturnType<typeof createOwnedDataService>;
export default createOwnedDataService;
