import type { Core } from '@strapi/strapi';
import type { ActorType } from '../../../shared/contracts/constants';
import type { AuditEvent } from '../../../shared/contracts/entities';
import { UID } from '../constants';
import { toApi } from '../utils/db';

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string | null;
}

export const JOB_ACTOR: Actor = { type: 'job', id: null, name: 'scheduler' };

export interface AuditInput {
  action: string;
  actor: Actor;
  targetType: string;
  targetId: string | null;
  organization: string | null;
  reason?: string | null;
  notes?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Fields holding personal data: redacted in the trail when an organization is purged or deleted. */
export const PERSONAL_FIELDS = ['email', 'phone', 'address', 'notes', 'accessReason', 'cancellationNotes', 'suspensionNotes'];
const REDACTED = '[redacted]';

const normalize = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** Only the fields that changed, as `{ before, after }`, with dates as ISO strings. */
export const changes = (
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  keys: readonly string[]
): { before: Record<string, unknown>; after: Record<string, unknown> } => {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    const oldValue = normalize(before?.[key]);
    const newValue = normalize(after?.[key]);
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    b[key] = oldValue;
    a[key] = newValue;
  }
  return { before: b, after: a };
};

const redact = (values: unknown): unknown => {
  if (!values || typeof values !== 'object') return values;
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const key of PERSONAL_FIELDS) if (out[key] !== null && out[key] !== undefined) out[key] = REDACTED;
  return out;
};

const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Append an event; called inside the transaction of the change it records. */
  async record(input: AuditInput): Promise<AuditEvent> {
    const row = await strapi.db.query(UID.auditEvent).create({
      data: {
        action: input.action,
        actorType: input.actor.type,
        actorId: input.actor.id,
        actorName: input.actor.name,
        targetType: input.targetType,
        targetId: input.targetId,
        organization: input.organization,
        reason: input.reason ?? null,
        notes: input.notes ?? null,
        before: input.before ?? null,
        after: input.after ?? null,
      },
    });
    return toApi<AuditEvent>(row);
  },

  /** Newest first; ties (same millisecond) broken by insertion order. */
  async listForOrganization(organization: string, { page, pageSize }: { page: number; pageSize: number }) {
    const { results, pagination } = await strapi.db.query(UID.auditEvent).findPage({
      where: { organization },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      page,
      pageSize,
    });
    return { results: results.map((row: Record<string, unknown>) => toApi<AuditEvent>(row)), pagination };
  },

  /** Personal fields go; the events, their actions, actors and times stay. */
  async redactOrganization(organization: string, at: Date) {
    const events = (await strapi.db.query(UID.auditEvent).findMany({
      where: { organization, redactedAt: { $null: true } },
      select: ['id', 'before', 'after', 'notes'],
    })) as { id: number; before: unknown; after: unknown; notes: string | null }[];
    for (const event of events) {
      await strapi.db.query(UID.auditEvent).update({
        where: { id: event.id },
        data: {
          before: redact(event.before),
          after: redact(event.after),
          notes: event.notes ? REDACTED : null,
          redactedAt: at,
        },
      });
    }
    return events.length;
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
export default createAuditService;
