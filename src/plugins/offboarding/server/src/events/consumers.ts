import type { Core } from '@strapi/strapi';
import type { DunningStage, EntitlementClass } from '../../../shared/contracts/constants';
import { ENTITLEMENT_TRANSITION_EVENTS } from '../../../shared/contracts/events';
import type { Row } from '../utils/db';
import { getService } from '../utils';
import { dataOf } from './payload';
import type { ChangeContext, Consumer } from './types';

/**
 * The dunning stages of the policy governing a changed entitlement: from the policies the change
 * read under its lock, else (a change that read none) read now for its organization.
 */
const dunningStagesOf = async (strapi: Core.Strapi, context: ChangeContext, row: Row): Promise<readonly DunningStage[] | null> => {
  const entitlementClass = (row.class as EntitlementClass | null | undefined) ?? null;
  if (context.resolve) return context.resolve(entitlementClass).settings.dunningStages;
  if (!context.organization) return null;
  return (await getService(strapi, 'policy').resolverFor(context.organization))(entitlementClass).settings.dunningStages;
};

/**
 * What happens after a change: this file is the whole answer (docs/architecture.md "What
 * happens after a change"). Every change writes its domain events in its own transaction
 * (`services/events.ts`); each consumer below listens to some of them. `transaction`
 * consumers run in that transaction, in this order, with the rows the change loaded (a
 * failure rolls the change back); `after-commit` ones run once it is committed. Work that may
 * happen later is queued here in the durable queue (`offboarding_scheduled_tasks`) and done by
 * the sweeps (services/sweeps.ts): downstream deprovisioning, for one.
 */

/** Transitions of an entitlement's lifecycle (the state machine of docs/spec.md §1). */
const ENTITLEMENT_TRANSITIONS = ENTITLEMENT_TRANSITION_EVENTS;

export const CONSUMERS: readonly Consumer[] = [
  {
    // The entitlement's pending tasks (its cancellation date, its grace end) follow its new state.
    // A dunning stage reached moves the entitlement on to its next stage (docs/spec.md §13).
    name: 'entitlement-schedule',
    on: [...ENTITLEMENT_TRANSITIONS, 'entitlement.dunning_stage_reached'],
    phase: 'transaction',
    run: async (strapi, _event, context) => {
      if (context.entitlement) {
        await getService(strapi, 'scheduler').syncEntitlement(context.entitlement.after, await dunningStagesOf(strapi, context, context.entitlement.after));
      }
    },
    runMany: async (strapi, items) => {
      const changed: { row: Row; dunningStages: readonly DunningStage[] | null }[] = [];
      for (const { context } of items) {
        if (context.entitlement) changed.push({ row: context.entitlement.after, dunningStages: await dunningStagesOf(strapi, context, context.entitlement.after) });
      }
      await getService(strapi, 'scheduler').syncEntitlements(changed);
    },
  },
  {
    // Becoming cancelled queues downstream deprovisioning (when the class's provisioning policy
    // says so); coming back from cancelled queues re-provisioning. The provisioning sweep does it.
    name: 'provisioning-outbox',
    on: ['entitlement.cancelled', 'entitlement.reactivated'],
    phase: 'transaction',
    run: async (strapi, _event, context) => {
      if (!context.entitlement) return;
      const marked = await getService(strapi, 'provisioning').onTransition(context.entitlement.before, context.entitlement.after);
      if (marked) context.entitlement.after = marked;
    },
    runMany: async (strapi, items) => {
      const changed = items.flatMap(({ context }) => (context.entitlement ? [context.entitlement] : []));
      const marked = await getService(strapi, 'provisioning').onTransitions(changed);
      changed.forEach((change, i) => {
        const row = marked[i];
        if (row) change.after = row;
      });
    },
  },
  {
    // The organization's status, last cancellation and retention date derive from its
    // entitlements; its own tasks (retention flag, purge) follow them.
    name: 'organization-derived',
    on: ['entitlement.created', ...ENTITLEMENT_TRANSITIONS],
    phase: 'transaction',
    run: async (strapi, _event, context) => {
      if (context.organization) await getService(strapi, 'organization').refreshDerived(context.organization.id, context);
    },
    // Once per organization of the batch, from its entitlements as the whole batch leaves them.
    runMany: async (strapi, items) => {
      const organizations = new Map<number, NonNullable<ChangeContext['organization']>>();
      const resolvers = new Map<number, ChangeContext['resolve']>();
      for (const { context } of items) {
        if (!context.organization) continue;
        organizations.set(context.organization.id, context.organization);
        resolvers.set(context.organization.id, context.resolve);
      }
      await getService(strapi, 'organization').refreshDerivedMany([...organizations.values()], resolvers);
    },
  },
  {
    // Every event is an audit row: the organization's trail (docs/spec.md §1 "Audit log").
    name: 'audit-trail',
    on: '*',
    phase: 'transaction',
    run: (strapi, event) => getService(strapi, 'audit').append(event),
    runMany: (strapi, items) => getService(strapi, 'audit').appendMany(items.map(({ event }) => event)),
  },
  {
    // A change may be what the checklist's current automatic step waits for.
    name: 'checklist-ticks',
    on: [...ENTITLEMENT_TRANSITIONS, 'entitlement.deprovisioned', 'entitlement.reprovisioned', 'organization.archived', 'export.ready'],
    phase: 'transaction',
    run: async (strapi, event) => {
      if (event.organization) await getService(strapi, 'checklist').reevaluate(event.organization);
    },
    runMany: (strapi, items) => getService(strapi, 'checklist').reevaluateMany(items.flatMap(({ event }) => (event.organization ? [event.organization] : []))),
  },
  {
    // The plugin's webhook endpoints (docs/spec.md §10): a delivery per matching enabled endpoint
    // and its task, queued with the change; the webhooks sweep sends them, signed and retried.
    name: 'webhook-outbox',
    on: '*',
    phase: 'transaction',
    run: (strapi, event) => getService(strapi, 'webhook-delivery').queue([event]),
    runMany: (strapi, items) => getService(strapi, 'webhook-delivery').queue(items.map(({ event }) => event)),
  },
  {
    // Customer notices by mail (docs/spec.md §11): queued with the change, sent by the notices sweep.
    name: 'notices-outbox',
    on: ['entitlement.cancellation_scheduled', 'entitlement.cancelled', 'entitlement.suspended', 'entitlement.resumed', 'entitlement.reactivated', 'entitlement.dunning_stage_reached', 'export.ready'],
    phase: 'transaction',
    run: (strapi, event, context) => getService(strapi, 'notices').onEvents([{ event, context }]),
    runMany: (strapi, items) => getService(strapi, 'notices').onEvents(items),
  },
  {
    // Strapi's eventHub as `offboarding.<type>`: Settings → Webhooks and the host app listen there.
    name: 'event-hub',
    on: '*',
    phase: 'after-commit',
    run: async (strapi, event) => {
      await strapi.eventHub.emit(`offboarding.${event.type}`, {
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        sequence: event.sequence,
        organization: event.organization ? { documentId: event.organization, name: event.organizationName ?? null } : null,
        target: { type: event.targetType, documentId: event.targetId },
        actor: { type: event.actor.type },
        data: dataOf(event),
      });
    },
  },
];
