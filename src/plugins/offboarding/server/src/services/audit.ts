import type { Core } from '@strapi/strapi';
import type { ActorType } from '../../../shared/contracts/constants';
import type { AuditEvent, AuditTimelineEvent } from '../../../shared/contracts/entities';
import { UID } from '../constants';
import type { EmittedEvent } from '../events/types';
import { toApi } from '../utils/db';
import { findPageBounded } from '../utils/paging';

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
export const PERSONAL_FIELDS = ['email', 'phone', 'address', 'notes', 'accessReason', 'cancellationNotes', 'suspensionNotes', 'recipients'];
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

const PERSONAL_MARK = '[personal]';

type Values = Record<string, unknown>;
interface PersonalValues {
  before?: Values;
  after?: Values;
}

/**
 * Personal values are kept apart from the event, in its `personal` column: `before`/`after`
 * hold a marker instead. Redaction is then a bulk `personal = NULL` on any database, however
 * long the trail, and readers see "[redacted]" where the value was.
 */
const split = (values: Values | null | undefined): { open: Values | null; personal: Values | null } => {
  if (!values) return { open: null, personal: null };
  const open: Values = { ...values };
  const personal: Values = {};
  for (const key of PERSONAL_FIELDS) {
    if (open[key] !== null && open[key] !== undefined) {
      personal[key] = open[key];
      open[key] = PERSONAL_MARK;
    }
  }
  return { open, personal: Object.keys(personal).length ? personal : null };
};

const parseJson = <T>(value: unknown): T | null => {
  if (typeof value !== 'string') return (value as T) ?? null;
  try {
    return JSON.parse(value) as T;
  } catch {
    // A plain string, not JSON: there is nothing structured to read.
    return null;
  }
};

const merge = (values: unknown, personal: Values | undefined): Values | null => {
  const open = parseJson<Values>(values);
  if (!open) return null;
  const out: Values = { ...open };
  for (const [key, value] of Object.entries(out)) {
    if (value === PERSONAL_MARK) out[key] = personal?.[key] ?? REDACTED;
  }
  return out;
};

/** The event as the API shows it: personal values merged back, or "[redacted]" once redacted. */
export const auditView = (row: Values): AuditEvent => {
  const { personal, ...fields } = row;
  const kept = parseJson<PersonalValues>(personal) ?? {};
  const event = toApi<AuditEvent>(fields);
  return { ...event, before: merge(fields.before, kept.before), after: merge(fields.after, kept.after) };
};

/** The stored shape of an event. */
const toRow = (input: AuditInput) => {
  const before = split(input.before);
  const after = split(input.after);
  return {
    action: input.action,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorName: input.actor.name,
    targetType: input.targetType,
    targetId: input.targetId,
    organization: input.organization,
    reason: input.reason ?? null,
    notes: input.notes ?? null,
    before: before.open,
    after: after.open,
    personal: before.personal || after.personal ? { before: before.personal ?? undefined, after: after.personal ?? undefined } : null,
  };
};

const appendMany = async (strapi: Core.Strapi, events: EmittedEvent[]) => {
  if (!events.length) return;
  await strapi.db.query(UID.auditEvent).createMany({ data: events.map(({ type, ...input }) => toRow({ ...input, action: type })) });
};

/** The fields whose values are documentIds of another content type, shown by name in the timeline. */
const REFERENCE_FIELDS: Record<string, typeof UID.cancellationPolicy> = { cancellationPolicy: UID.cancellationPolicy };

/** Each event with the names of the documents its values refer to: one query per referenced type for the page. */
const withNames = async (strapi: Core.Strapi, events: AuditEvent[]): Promise<AuditTimelineEvent[]> => {
  const wanted = new Map<string, Set<string>>();
  for (const event of events) {
    for (const values of [event.before, event.after]) {
      for (const [field, uid] of Object.entries(REFERENCE_FIELDS)) {
        const value = values?.[field];
        if (typeof value === 'string') wanted.set(uid, (wanted.get(uid) ?? new Set()).add(value));
      }
    }
  }
  const names = new Map<string, string>();
  for (const [uid, ids] of wanted) {
    const rows = (await strapi.db.query(uid).findMany({ where: { documentId: { $in: [...ids] } }, select: ['documentId', 'name'] })) as Values[];
    for (const row of rows) names.set(String(row.documentId), String(row.name));
  }
  return events.map((event) => {
    const own: Record<string, string> = {};
    for (const values of [event.before, event.after]) {
      for (const field of Object.keys(REFERENCE_FIELDS)) {
        const value = values?.[field];
        if (typeof value === 'string' && names.has(value)) own[value] = names.get(value) as string;
      }
    }
    return { ...event, names: own };
  });
};

const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The audit trail's consumer of domain events (events/consumers.ts): one row per event, in
   * the transaction of the change, written in one statement (nothing read back).
   */
  append: (event: EmittedEvent) => appendMany(strapi, [event]),

  /** One row per event, all in one statement (a sweep's batch). */
  appendMany: (events: EmittedEvent[]) => appendMany(strapi, events),

  /** A row for what is not a domain event (a notice sent): the trail only, no webhook, no eventHub. */
  async appendEntry(input: AuditInput) {
    await strapi.db.query(UID.auditEvent).create({ data: toRow(input) });
  },

  /** Newest first; ties (same millisecond) broken by insertion order. */
  async listForOrganization(organization: string, { page, pageSize }: { page: number; pageSize: number }) {
    const { results, pagination } = await findPageBounded(strapi.db.query(UID.auditEvent), {
      where: { organization },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      page,
      pageSize,
    });
    const events = results.map((row: Values) => auditView(row));
    return { results: await withNames(strapi, events), pagination };
  },

  /**
   * Personal data goes; the events, their actions, actors and times stay. One bulk UPDATE
   * per batch, so a long trail is redacted in bounded transactions.
   */
  async redactOrganizations(organizations: string[], at: Date, batchSize = 5000) {
    const table = strapi.db.metadata.get(UID.auditEvent).tableName;
    let redacted = 0;
    for (;;) {
      const count = await strapi.db.transaction(async ({ trx }) => {
        const ids = (await trx(table).whereIn('organization', organizations).whereNull('redacted_at').limit(batchSize).pluck('id')) as number[];
        if (!ids.length) return 0;
        await trx(table)
          .whereIn('id', ids)
          .update({
            personal: null,
            notes: trx.raw(`CASE WHEN notes IS NULL THEN NULL ELSE '${REDACTED}' END`),
            // A collaborator acting (accepting an invitation, asking for an export) is named by
            // their e-mail: the customer's personal data, unlike a staff member's name.
            actor_name: trx.raw(`CASE WHEN actor_type = 'collaborator' THEN NULL ELSE actor_name END`),
            redacted_at: at,
          });
        return ids.length;
      });
      if (!count) return redacted;
      redacted += count;
    }
  },
});

export type AuditService = ReturnType<typeof createAuditService>;
export default createAuditService;
