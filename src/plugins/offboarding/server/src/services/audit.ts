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

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: nothing structured to redact.
    return null;
  }
};

/** `before`/`after` with personal fields replaced; JSON columns come back as text on some databases. */
const redactJson = (value: unknown): { value: unknown; changed: boolean } => {
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  if (!parsed || typeof parsed !== 'object') return { value, changed: false };
  const out: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  let changed = false;
  for (const key of PERSONAL_FIELDS) {
    if (out[key] !== null && out[key] !== undefined && out[key] !== REDACTED) {
      out[key] = REDACTED;
      changed = true;
    }
  }
  return { value: changed ? JSON.stringify(out) : value, changed };
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

  /**
   * Personal fields go; the events, their actions, actors and times stay. Works in batches
   * with plain SQL so a large trail is redacted in bounded transactions.
   */
  async redactOrganization(organization: string, at: Date, batchSize = 500) {
    const table = strapi.db.metadata.get(UID.auditEvent).tableName;
    let lastId = 0;
    let redacted = 0;
    for (;;) {
      const count = await strapi.db.transaction(async ({ trx }) => {
        const rows = (await trx(table)
          .where({ organization })
          .whereNull('redacted_at')
          .where('id', '>', lastId)
          .orderBy('id')
          .limit(batchSize)
          .select('id', 'before', 'after', 'notes')) as { id: number; before: unknown; after: unknown; notes: string | null }[];
        if (!rows.length) return 0;
        lastId = rows[rows.length - 1].id;
        const untouched: number[] = [];
        for (const row of rows) {
          const before = redactJson(row.before);
          const after = redactJson(row.after);
          if (before.changed || after.changed || row.notes) {
            await trx(table)
              .where('id', row.id)
              .update({ before: before.value, after: after.value, notes: row.notes ? REDACTED : null, redacted_at: at });
          } else untouched.push(row.id);
        }
        if (untouched.length) await trx(table).whereIn('id', untouched).update({ redacted_at: at });
        return rows.length;
      });
      if (!count) return redacted;
      redacted += count;
    }
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
export default createAuditService;
