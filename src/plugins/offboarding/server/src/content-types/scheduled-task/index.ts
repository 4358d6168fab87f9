import { TASK_KINDS, TASK_STATES } from '../../../../shared/contracts/constants';

/**
 * The durable queue: one row per thing that must happen later. Sweeps select pending rows
 * due by `(state, kind, due_at)`, so their cost follows the work due, not the table size.
 * `claimedBy`/`claimedUntil` (added in 0.3.0, nullable: nothing to migrate) mark a batch an
 * instance is working (services/sweeps.ts).
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: 'offboarding_scheduled_tasks',
    info: {
      singularName: 'scheduled-task',
      pluralName: 'scheduled-tasks',
      displayName: 'Scheduled task',
      description: 'Work the sweeps perform when it falls due',
    },
    options: { draftAndPublish: false },
    pluginOptions: {
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    },
    attributes: {
      kind: { type: 'enumeration', enum: [...TASK_KINDS], required: true },
      targetType: { type: 'string', required: true },
      targetId: { type: 'string', required: true },
      dueAt: { type: 'datetime', required: true },
      state: { type: 'enumeration', enum: [...TASK_STATES], default: 'pending', required: true },
      attempts: { type: 'integer', default: 0 },
      lastError: { type: 'text' },
      outcome: { type: 'string' },
      finishedAt: { type: 'datetime' },
      // A sweep on PostgreSQL or MySQL claims a batch of due tasks (SKIP LOCKED) so that every
      // instance takes its share; a claim that outlives its instance expires at claimedUntil.
      claimedBy: { type: 'string' },
      claimedUntil: { type: 'datetime' },
    },
    indexes: [
      { name: 'offboarding_tasks_due', columns: ['state', 'kind', 'due_at'] },
      { name: 'offboarding_tasks_target', columns: ['target_id', 'state'] },
    ],
  },
};
