import type { Core } from '@strapi/strapi';
import type { ActorType } from '../../../shared/contracts/constants';
import type { AuditLogEntry, ListAuditLog } from '../../../shared/contracts/insights';
import { UID } from '../constants';
import { toDate } from '../domain/dates';
import { findPageBounded, type PageRequest } from '../utils/paging';

export interface AuditLogFilter {
  organization?: string;
  action?: string;
  actorType?: ActorType;
  from?: Date | null;
  to?: Date | null;
}

interface EventRow {
  documentId: string;
  action: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  organization: string | null;
  reason: string | null;
  createdAt: Date | string;
}

interface AdminUserRow {
  id: number;
  documentId: string;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
}

const fullName = (user: AdminUserRow) => [user.firstname, user.lastname].filter(Boolean).join(' ').trim() || user.email || null;

/** The global audit log (docs/spec.md §7): every organization's events, newest first, with names instead of ids. */
const createAuditLogService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(filter: AuditLogFilter, page: PageRequest): Promise<{ results: AuditLogEntry[]; pagination: ListAuditLog.Response['meta']['pagination'] }> {
    const where: Record<string, unknown>[] = [];
    if (filter.organization) where.push({ organization: filter.organization });
    if (filter.action) where.push({ action: filter.action });
    if (filter.actorType) where.push({ actorType: filter.actorType });
    if (filter.from) where.push({ createdAt: { $gte: filter.from } });
    if (filter.to) where.push({ createdAt: { $lt: filter.to } });
    const { results, pagination } = await findPageBounded(strapi.db.query(UID.auditEvent), {
      where: { $and: where },
      select: ['documentId', 'action', 'actorType', 'actorId', 'actorName', 'targetType', 'targetId', 'organization', 'reason', 'createdAt'],
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      ...page,
    });
    const rows = results as unknown as EventRow[];
    // The page's names, read once each: organizations by documentId, admins by documentId (or
    // the numeric id an account without one was recorded with).
    const orgIds = [...new Set(rows.flatMap((row) => (row.organization ? [row.organization] : [])))];
    const organizations = orgIds.length
      ? ((await strapi.db.query(UID.organization).findMany({ where: { documentId: { $in: orgIds } }, select: ['documentId', 'name'] })) as { documentId: string; name: string }[])
      : [];
    const adminIds = [...new Set(rows.flatMap((row) => (row.actorType === 'admin' && row.actorId ? [row.actorId] : [])))];
    const numeric = adminIds.filter((id) => /^\d+$/.test(id)).map(Number);
    const admins = adminIds.length
      ? ((await strapi.db.query('admin::user').findMany({
          where: { $or: [{ documentId: { $in: adminIds } }, ...(numeric.length ? [{ id: { $in: numeric } }] : [])] },
          select: ['id', 'documentId', 'firstname', 'lastname', 'email'],
        })) as AdminUserRow[])
      : [];
    const orgName = new Map(organizations.map((org) => [org.documentId, org.name]));
    const adminName = new Map(admins.flatMap((user) => [[user.documentId, fullName(user)] as const, [String(user.id), fullName(user)] as const]));
    return {
      pagination,
      results: rows.map((row) => ({
        documentId: row.documentId,
        action: row.action,
        organization: row.organization ? { documentId: row.organization, name: orgName.get(row.organization) ?? null } : null,
        actor: {
          type: row.actorType,
          id: row.actorId ?? null,
          // An admin by their name today; a deleted admin, a job or a collaborator as recorded.
          name: (row.actorType === 'admin' && row.actorId ? adminName.get(row.actorId) : undefined) ?? row.actorName ?? null,
        },
        targetType: row.targetType,
        targetId: row.targetId ?? null,
        reason: row.reason ?? null,
        createdAt: toDate(row.createdAt)?.toISOString() ?? '',
      })),
    };
  },
});

export type AuditLogService = ReturnType<typeof createAuditLogService>;
export default createAuditLogService;
