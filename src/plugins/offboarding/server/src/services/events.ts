import type { Core } from '@strapi/strapi';
import type { DomainEvent, DomainEventType } from '../../../shared/contracts/events';
import { UID } from '../constants';
import { CONSUMERS } from '../events/consumers';
import { dataOf } from '../events/payload';
import type { ChangeContext, EmittedEvent, EventInput } from '../events/types';
import { organizationStore } from '../store/organization';
import { supportsRowLocks, toApi } from '../utils/db';
import { tableOf } from '../utils/links';
import { findPageBounded, type PageRequest } from '../utils/paging';

type Values = Record<string, unknown>;

const parseJson = (value: unknown): Values | null => {
  if (typeof value !== 'string') return (value as Values | null) ?? null;
  try {
    return JSON.parse(value) as Values;
  } catch {
    // Not JSON: nothing structured to show.
    return null;
  }
};

/** The event as the event log and the eventHub show it (docs/spec.md §10). */
export const eventView = (row: Values): DomainEvent => {
  const fields = toApi<Values>(row);
  return {
    id: Number(row.id),
    type: fields.type as DomainEventType,
    occurredAt: String(fields.occurredAt),
    sequence: fields.sequence === null || fields.sequence === undefined ? null : Number(fields.sequence),
    organization: fields.organization
      ? { documentId: String(fields.organization), name: (fields.organizationName as string | null) ?? null }
      : null,
    target: { type: String(fields.targetType), documentId: (fields.targetId as string | null) ?? null },
    actor: { type: fields.actorType as DomainEvent['actor']['type'] },
    data: parseJson(fields.data) as DomainEvent['data'],
  };
};

/**
 * The effects pipeline (docs/architecture.md "What happens after a change"). A change calls
 * `emit` in its transaction: the events are written to the outbox (`offboarding_events`), then
 * every consumer of `events/consumers.ts` that listens to them runs, in the registry's order,
 * with the context the change loaded. After the commit, the after-commit consumers run.
 */
const createEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const organizations = organizationStore(strapi);
  /** The next sequence per organization, per open transaction (held under the organizations' locks). */
  const numbering = new WeakMap<object, Map<string, number>>();

  /**
   * MySQL: the next sequence number of an organization's events. The caller holds the
   * organization's lock, so no other transaction numbers its events meanwhile; the read locks
   * the last event too, so MySQL's snapshot cannot hide a just-committed one.
   */
  const nextSequence = async (organization: string): Promise<number> => {
    const last = (await strapi.db.transaction(({ trx }) => {
      const qb = trx(tableOf(strapi, UID.event)).where({ organization }).orderBy('sequence', 'desc').first('sequence');
      return supportsRowLocks(strapi) ? qb.forUpdate() : qb;
    })) as { sequence: number | string | null } | undefined;
    return Number(last?.sequence ?? 0) + 1;
  };

  const runConsumers = async (phase: 'transaction' | 'after-commit', event: EmittedEvent, context: ChangeContext) => {
    for (const consumer of CONSUMERS) {
      if (consumer.phase !== phase) continue;
      if (consumer.on !== '*' && !consumer.on.includes(event.type)) continue;
      if (phase === 'transaction') {
        await consumer.run(strapi, event, context);
        continue;
      }
      try {
        await consumer.run(strapi, event, context);
      } catch (error) {
        // The change is committed: a failed after-commit reaction is reported, never undoes it.
        strapi.log.error(`[offboarding] consumer ${consumer.name} failed on ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  /**
   * The next sequence of each of these organizations (their locks are held). PostgreSQL and
   * SQLite read them in one grouped statement: a read committed statement sees every event
   * committed before the locks were granted. MySQL reads each one locked, as `nextSequence`.
   */
  const nextSequences = async (organizationIds: string[]): Promise<Map<string, number>> => {
    const next = new Map<string, number>();
    // Every organization already numbered in this transaction (a second emit): nothing to read.
    if (!organizationIds.length) return next;
    if (strapi.db.config.connection.client === 'mysql') {
      for (const organization of organizationIds) next.set(organization, await nextSequence(organization));
      return next;
    }
    const rows = (await strapi.db.transaction(({ trx }) =>
      trx(tableOf(strapi, UID.event)).whereIn('organization', organizationIds).groupBy('organization').select('organization').max({ last: 'sequence' })
    )) as { organization: string; last: number | string | null }[];
    for (const organization of organizationIds) next.set(organization, 1);
    for (const row of rows) next.set(row.organization, Number(row.last ?? 0) + 1);
    return next;
  };

  /**
   * Numbers the events (per organization, in the order given, continuing the transaction's
   * numbering) and writes them to the outbox in one statement. `names` holds the names of the
   * organizations already locked; any other is locked here first.
   */
  const write = async (inputs: EventInput[], names: Map<string, string | null>, lockOthers: boolean, trx: object) => {
    // One numbering per transaction, shared by every emit in it (a consumer's own events included).
    let sequences = numbering.get(trx);
    if (!sequences) numbering.set(trx, (sequences = new Map<string, number>()));
    if (lockOthers) {
      for (const input of inputs) {
        if (!input.organization || names.has(input.organization)) continue;
        // Lock order: the organization before anything else the change locks next.
        const locked = await organizations.lock({ documentId: input.organization });
        names.set(input.organization, locked?.name ?? input.organizationName ?? null);
      }
    }
    const unnumbered = [...new Set(inputs.flatMap((input) => (input.organization && !sequences.has(input.organization) ? [input.organization] : [])))];
    for (const [organization, sequence] of await nextSequences(unnumbered)) sequences.set(organization, sequence);
    // Dated once the locks are held: an event that waited for its organization is not older than those it waited for.
    const occurredAt = new Date();
    const events: EmittedEvent[] = inputs.map((input) => {
      let sequence: number | null = null;
      if (input.organization) {
        sequence = sequences.get(input.organization) as number;
        sequences.set(input.organization, sequence + 1);
      }
      return { ...input, id: 0, sequence, organizationName: input.organizationName ?? names.get(input.organization ?? '') ?? null, occurredAt };
    });
    await insertEvents(events);
    return events;
  };

  const rowOf = (event: EmittedEvent) => ({
    type: event.type,
    organization: event.organization,
    organizationName: event.organizationName,
    sequence: event.sequence,
    targetType: event.targetType,
    targetId: event.targetId,
    actorType: event.actor.type,
    data: dataOf(event),
    occurredAt: event.occurredAt,
  });

  /**
   * Inserts the events in one statement and sets their ids (webhook deliveries name them).
   * PostgreSQL and SQLite answer every id (RETURNING). MySQL answers only the first id of a
   * multi-row insert, and those ids need not be consecutive: there an organization's events are
   * read back by (organization, sequence), which is unique, and an event of no organization
   * (settings; rare in a batch) is inserted alone.
   */
  const insertEvents = async (events: EmittedEvent[]) => {
    const query = strapi.db.query(UID.event);
    if (strapi.db.config.connection.client !== 'mysql' || events.length === 1) {
      const { ids } = (await query.createMany({ data: events.map(rowOf) })) as { ids: (number | string)[] };
      events.forEach((event, i) => (event.id = Number(ids[i])));
      return;
    }
    for (const event of events) if (!event.organization) event.id = Number((await query.create({ data: rowOf(event) })).id);
    const numbered = events.filter((event) => event.organization);
    if (!numbered.length) return;
    await query.createMany({ data: numbered.map(rowOf) });
    const rows = (await query.findMany({
      select: ['id', 'organization', 'sequence'],
      where: { organization: { $in: [...new Set(numbered.map((event) => event.organization))] }, sequence: { $in: [...new Set(numbered.map((event) => event.sequence))] } },
    })) as { id: number; organization: string; sequence: number }[];
    const idOf = new Map(rows.map((row) => [`${row.organization}:${Number(row.sequence)}`, Number(row.id)]));
    for (const event of numbered) event.id = idOf.get(`${event.organization}:${event.sequence}`) ?? 0;
  };

  return {
    /**
     * Writes the change's events and runs their consumers, inside the caller's transaction
     * (one is opened when there is none). Answers the events as emitted.
     */
    async emit(inputs: EventInput | EventInput[], context: ChangeContext = {}): Promise<EmittedEvent[]> {
      const list = Array.isArray(inputs) ? inputs : [inputs];
      if (!list.length) return [];
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        const names = new Map<string, string | null>();
        if (context.organization) names.set(context.organization.documentId, context.organization.name);
        const events = await write(list, names, !context.organizationsLocked, trx);
        for (const event of events) await runConsumers('transaction', event, context);
        onCommit(() => {
          void (async () => {
            for (const event of events) await runConsumers('after-commit', event, context);
          })();
        });
        return events;
      });
    },

    /**
     * A batch of changes (a sweep's), each with its own context, whose organizations the caller
     * has locked: the events are written in one statement, then each consumer runs once for
     * all of them where it can (`runMany`), in the registry's order.
     */
    async emitMany(items: { input: EventInput; context: ChangeContext }[]): Promise<EmittedEvent[]> {
      if (!items.length) return [];
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        const names = new Map<string, string | null>();
        for (const { context } of items) if (context.organization) names.set(context.organization.documentId, context.organization.name);
        const events = await write(items.map((item) => item.input), names, false, trx);
        const emitted = events.map((event, i) => ({ event, context: items[i].context }));
        for (const consumer of CONSUMERS) {
          if (consumer.phase !== 'transaction') continue;
          const matched = emitted.filter(({ event }) => consumer.on === '*' || consumer.on.includes(event.type));
          if (!matched.length) continue;
          if (consumer.runMany) await consumer.runMany(strapi, matched);
          else for (const { event, context } of matched) await consumer.run(strapi, event, context);
        }
        onCommit(() => {
          void (async () => {
            for (const { event, context } of emitted) await runConsumers('after-commit', event, context);
          })();
        });
        return events;
      });
    },

    /**
     * The event log, newest first (docs/spec.md §10); paginated, never capped. One
     * organization's events come in the order of their sequence, the order its changes took.
     */
    async list(filter: { organization?: string; type?: DomainEventType }, page: PageRequest) {
      const where: Values = {};
      if (filter.organization) where.organization = filter.organization;
      // A webhook's test ping is in the outbox (it needs an event id) but is no domain event.
      where.type = filter.type ?? { $ne: 'ping' };
      const { results, pagination } = await findPageBounded(strapi.db.query(UID.event), {
        where,
        orderBy: filter.organization ? [{ sequence: 'desc' }, { id: 'desc' }] : [{ occurredAt: 'desc' }, { id: 'desc' }],
        ...page,
      });
      return { results: results.map(eventView), pagination };
    },

    /** Purge and delete: the events stay, in order; what they carried of the organization goes. */
    async redactOrganizations(organizations: string[], at: Date) {
      if (!organizations.length) return;
      await strapi.db.transaction(({ trx }) =>
        trx(tableOf(strapi, UID.event))
          .whereIn('organization', organizations)
          .whereNull('redacted_at')
          .update({ data: null, redacted_at: at })
      );
    },
  };
};

export type EventsService = ReturnType<typeof createEventsService>;
export default createEventsService;
