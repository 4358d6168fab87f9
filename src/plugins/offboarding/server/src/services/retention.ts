import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { toDate } from '../domain/dates';
import { planRetentionFlag } from '../domain/schedule';
import { entitlementStore } from '../store/entitlement';
import { organizationStore } from '../store/organization';
import { getService } from '../utils';
import { iso } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import { linkTableOf, tableOf } from '../utils/links';
import type { DomainEventType } from '../../../shared/contracts/events';
import { JOB_ACTOR, type Actor } from './audit';
import type { OrganizationRow } from '../store/organization';
import { retentionStateOf } from './scheduler';

const RETENTION_FIELDS = ['retentionUntil', 'retentionExtendedUntil', 'retentionExtensionReason', 'purgeState', 'purgeAfter', 'legalHold', 'legalHoldReason', 'legalHoldBy', 'legalHoldAt'];

/** Retention review: the purge queue, extensions and legal holds, and the retention sweep's flagging. */
const createRetentionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const organizations = () => getService(strapi, 'organization');
  const now = () => getService(strapi, 'clock').now();

  const lock = async (documentId: string) => {
    const org = await organizationStore(strapi).lock({ documentId });
    if (!org) throw notFound('organization', documentId);
    if (org.purgeState === 'purged') throw conflictError('organization.purged', 'The organization was purged', { purgeState: 'purged' });
    return org;
  };

  /** Change retention fields, refresh what derives from them, audit, answer with the organization. */
  const change = async (documentId: string, actor: Actor, type: DomainEventType, decide: (org: OrganizationRow) => Record<string, unknown>, reason: string | null) =>
    strapi.db.transaction(async () => {
      const org = await lock(documentId);
      await organizations().change(org, decide(org), { type, actor, fields: RETENTION_FIELDS, derive: true, notes: reason });
      return organizations().detail(documentId);
    });

  /**
   * What a purge would remove, per kind: counted on the link tables' indexes, inside the
   * caller's transaction when there is one (SQLite has a single connection). The same count for
   * every kind (the plugin's children and the app's owned data), as the purge counts them: a
   * link-table statement, not an aggregate's query, so it stays here beside the purge's.
   */
  const purgeCounts = (organizationId: number, documentId: string) =>
    strapi.db.transaction(async ({ trx }) => {
      const linked = async (uid: string, relation = 'organization') => {
        const link = linkTableOf(strapi, uid, relation);
        const [row] = await trx(link.table).where(link.relatedColumn, organizationId).count({ n: '*' });
        return Number(row.n);
      };
      const [audit] = await trx(tableOf(strapi, UID.auditEvent)).where({ organization: documentId }).count({ n: '*' });
      // The app's owned data deleted with it (config ownedData, purge: true), by plural name: `orders`.
      const owned: Record<string, number> = {};
      for (const type of getService(strapi, 'owned-data').list().filter((t) => t.purge)) {
        owned[getService(strapi, 'owned-data').pluralName(type.uid)] = await linked(type.uid, type.relation);
      }
      return {
        entitlements: await linked(UID.entitlement),
        collaborators: await linked(UID.collaborator),
        ...owned,
        auditEventsRedacted: Number(audit.n),
      };
    });

  return {
    purgeCounts,

    /** Organizations queued for purge, soonest first, with what will be deleted. */
    async queue({ page, pageSize }: { page: number; pageSize: number }) {
      const { results, pagination } = await organizationStore(strapi).purgeQueue({ page, pageSize });
      const data = [];
      for (const row of results) {
        data.push({
          documentId: row.documentId,
          name: row.name,
          taxId: row.taxId ?? null,
          archivedAt: iso(toDate(row.archivedAt)),
          lastCancelledAt: iso(toDate(row.lastCancelledAt)),
          retentionUntil: iso(toDate(row.retentionUntil)),
          purgeAfter: iso(toDate(row.purgeAfter)),
          willDelete: await purgeCounts(row.id, row.documentId),
        });
      }
      return { results: data, pagination };
    },

    /** Keep the data longer: `until` must be later than the current retention date. */
    async extend(documentId: string, until: Date, reason: string, actor: Actor) {
      return change(documentId, actor, 'organization.retention_extended', (org) => {
        const current = toDate(org.retentionUntil);
        if (current && until.getTime() <= current.getTime()) {
          throw fieldError('until', `until must be later than the current retention date ${current.toISOString()}`);
        }
        if (until.getTime() <= now().getTime()) throw fieldError('until', 'until must be in the future', {}, 'validation.date_not_in_future');
        // Leaves the purge queue: the new date has not passed.
        return { retentionExtendedUntil: until, retentionExtensionReason: reason, purgeState: 'none', purgeAfter: null };
      }, reason);
    },

    async hold(documentId: string, reason: string, actor: Actor) {
      return change(documentId, actor, 'organization.legal_hold_placed', (org) => {
        if (org.legalHold) throw conflictError('legal_hold.already_on', 'The organization is already under legal hold', { legalHold: true });
        return {
          legalHold: true,
          legalHoldReason: reason,
          legalHoldBy: actor.name ?? actor.id,
          legalHoldAt: now(),
          purgeState: 'none',
          purgeAfter: null,
        };
      }, reason);
    },

    async lift(documentId: string, actor: Actor) {
      return change(documentId, actor, 'organization.legal_hold_lifted', (org) => {
        if (!org.legalHold) throw conflictError('legal_hold.not_on', 'The organization is not under legal hold', { legalHold: false });
        return { legalHold: false, legalHoldReason: null, legalHoldBy: null, legalHoldAt: null };
      }, null);
    },

    /** Retention sweep: an archived, fully cancelled organization past retentionUntil enters the purge queue. */
    async flag(documentId: string): Promise<'performed' | 'noop'> {
      return strapi.db.transaction(async () => {
        const org = await organizationStore(strapi).lock({ documentId });
        if (!org) return 'noop';
        const state = retentionStateOf(org, (await entitlementStore(strapi).countOpen(org.id)) === 0);
        const resolved = (await getService(strapi, 'policy').resolverFor(org))(null);
        const plan = planRetentionFlag(state, now(), resolved.settings.purgeReviewDays);
        if (!plan) return 'noop';
        const after = await organizations().change(org, plan, {
          type: 'organization.purge_scheduled',
          actor: JOB_ACTOR,
          fields: ['purgeState', 'purgeAfter'],
          derive: false,
        });
        await getService(strapi, 'scheduler').syncOrganization(org.id, { org: after, allCancelled: state.allCancelled });
        return 'performed';
      });
    },

  };
};

export type RetentionService = ReturnType<typeof createRetentionService>;
export default createRetentionService;
