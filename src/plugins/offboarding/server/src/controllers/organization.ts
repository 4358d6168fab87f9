import type { Core } from '@strapi/strapi';
import { Readable } from 'node:stream';
import type { Context } from 'koa';
import type { OrganizationListResponse } from '../../../shared/contracts/api';
import { ACTIONS, type ActionKey } from '../constants';
import { getService } from '../utils';
import { csvLine } from '../utils/csv';
import { iso } from '../utils/db';
import { organizationStore, type OrganizationRow } from '../store/organization';
import { adminActor } from '../utils/actor';
import {
  validateAccessChange,
  validateBulkOrganizations,
  validateCreateOrganization,
  validateDeleteQuery,
  validateExportOrganizations,
  validateListOrganizations,
  validatePagination,
  validatePolicyPreview,
  validateUpdateOrganization,
} from './validation/organization';
import { emptyBody, noQuery } from './validation/common';
import { validateCancelAll } from './validation/entitlement';
import { toDate } from '../domain/dates';

type Ability = { can: (action: string) => boolean };

/** The CSV export's columns: what an admin sees of an organization, never notes or addresses. */
const CSV_COLUMNS: [string, (row: OrganizationRow) => unknown][] = [
  ['id', (row) => row.documentId],
  ['name', (row) => row.name],
  ['tax_id', (row) => row.taxId],
  ['email', (row) => row.email],
  ['status', (row) => row.lifecycleStatus],
  ['portal_access', (row) => row.accessStatus],
  ['archived_at', (row) => iso(toDate(row.archivedAt))],
  ['last_cancelled_at', (row) => iso(toDate(row.lastCancelledAt))],
  ['retained_until', (row) => iso(toDate(row.retentionUntil))],
  ['purge_state', (row) => row.purgeState],
  ['legal_hold', (row) => (row.legalHold === true || Number(row.legalHold) === 1 ? 'yes' : 'no')],
  ['created_at', (row) => iso(toDate(row.createdAt as string))],
];

const createOrganizationController = ({ strapi }: { strapi: Core.Strapi }) => {
  const organizations = () => getService(strapi, 'organization');
  const lifecycle = () => getService(strapi, 'organization-lifecycle');

  /** Portal access now, or on a date as a scheduled change (docs/spec.md §13). */
  const changeAccess = async (ctx: Context, accessStatus: 'enabled' | 'disabled') => {
    const { reason, effectiveAt } = await validateAccessChange(ctx.request.body);
    const at = toDate(effectiveAt);
    if (!at) return { data: await lifecycle().setAccess(ctx.params.id, accessStatus, reason ?? null, adminActor(ctx)) };
    const kind = accessStatus === 'enabled' ? 'enable_access' : 'disable_access';
    return getService(strapi, 'scheduled-change').requestForOrganization(kind, ctx.params.id, at, reason ?? null, adminActor(ctx));
  };

  return {
    async find(ctx: Context) {
      const query = await validateListOrganizations(ctx.query);
      const { results, pagination } = await organizations().list(query);
      const meta: OrganizationListResponse['meta'] = { pagination };
      // Archived ones hidden and a search given: say how many archived ones it also matches.
      if (query.q && query.archived === 'exclude') meta.archivedMatches = await organizationStore(strapi).archivedMatches(query);
      ctx.body = { data: results, meta };
    },

    /** The filtered list as CSV, streamed a batch of rows at a time (docs/spec.md §7). */
    async exportCsv(ctx: Context) {
      const query = await validateExportOrganizations(ctx.query);
      const rows = organizationStore(strapi).each(query);
      async function* lines() {
        yield csvLine(CSV_COLUMNS.map(([name]) => name));
        for await (const row of rows) yield csvLine(CSV_COLUMNS.map(([, value]) => value(row)));
      }
      const day = getService(strapi, 'clock').now().toISOString().slice(0, 10);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="organizations-${day}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = Readable.from(lines());
    },

    /** The route asks for `read`; each id then needs the action's own permission (docs/spec.md §7). */
    async bulk(ctx: Context) {
      const body = await validateBulkOrganizations(ctx.request.body);
      const ability = ctx.state.userAbility as Ability | undefined;
      const can = (action: ActionKey) => ability?.can(ACTIONS[action]) === true;
      const results = await getService(strapi, 'organization-bulk').run(body, can, adminActor(ctx));
      const done = results.filter((result) => result.ok).length;
      ctx.body = { data: results, meta: { done, refused: results.length - done } };
    },

    async findOne(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await organizations().detail(ctx.params.id) };
    },

    async access(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await getService(strapi, 'access').of(ctx.params.id) };
    },

    async create(ctx: Context) {
      const body = await validateCreateOrganization(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await organizations().create(body, adminActor(ctx)) };
    },

    async update(ctx: Context) {
      const body = await validateUpdateOrganization(ctx.request.body);
      ctx.body = { data: await organizations().update(ctx.params.id, body, adminActor(ctx)) };
    },

    async archive(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await lifecycle().archive(ctx.params.id, adminActor(ctx)) };
    },

    async unarchive(ctx: Context) {
      await emptyBody(ctx.request.body);
      ctx.body = { data: await lifecycle().unarchive(ctx.params.id, adminActor(ctx)) };
    },

    async disable(ctx: Context) {
      ctx.body = await changeAccess(ctx, 'disabled');
    },

    async enable(ctx: Context) {
      ctx.body = await changeAccess(ctx, 'enabled');
    },

    async cancelAll(ctx: Context) {
      const body = await validateCancelAll(ctx.request.body);
      const { organization, results } = await getService(strapi, 'entitlement').cancelAll(ctx.params.id, body, adminActor(ctx));
      ctx.body = { data: organization, meta: { cancelled: results } };
    },

    async previewCancelAll(ctx: Context) {
      const body = await validateCancelAll(ctx.request.body);
      ctx.body = { data: await getService(strapi, 'entitlement').previewCancelAll(ctx.params.id, body, adminActor(ctx)) };
    },

    async previewPolicy(ctx: Context) {
      const { cancellationPolicy } = await validatePolicyPreview(ctx.request.body);
      ctx.body = { data: await organizations().previewPolicy(ctx.params.id, cancellationPolicy ?? null) };
    },

    async delete(ctx: Context) {
      const { confirm } = await validateDeleteQuery(ctx.query);
      ctx.body = { data: await lifecycle().remove(ctx.params.id, confirm, adminActor(ctx)) };
    },

    async audit(ctx: Context) {
      const { page, pageSize } = await validatePagination(ctx.query);
      // 404 for an unknown organization rather than an empty trail.
      await organizations().findRow(ctx.params.id);
      const { results, pagination } = await getService(strapi, 'audit').listForOrganization(ctx.params.id, { page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async refunds(ctx: Context) {
      const { page, pageSize } = await validatePagination(ctx.query);
      // 404 for an unknown organization rather than an empty ledger.
      await organizations().findRow(ctx.params.id);
      const { results, pagination } = await getService(strapi, 'refund').listForOrganization(ctx.params.id, { page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async removeCollaborator(ctx: Context) {
      ctx.body = {
        data: await getService(strapi, 'collaborator').remove(ctx.params.id, ctx.params.userId, adminActor(ctx)),
      };
    },

    async stats(ctx: Context) {
      await noQuery(ctx.query);
      ctx.body = { data: await organizations().stats() };
    },
  };
};

export default createOrganizationController;
