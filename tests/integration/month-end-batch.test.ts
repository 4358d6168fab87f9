/**
 * Due transitions worked set-wise (issue 12, docs/architecture.md "Scheduled work"): a sweep's
 * batch is decided row by row by the domain but written as a set. What a user checks: every
 * due row changed once, each organization's own fields right, its domain events numbered
 * without gap or repeat, one audit row per change; the statements a batch costs do not grow
 * with its size; a row that cannot be worked fails alone, named, and the rest go through.
 */
import type { DomainEvent } from '../../src/plugins/offboarding/shared/contracts/events';
import { NOW, monthly, plusDays, useHarness } from '../helpers/harness';

const h = useHarness('month-end-batch', { now: NOW });
const { api } = h;

interface TaskView {
  kind: string;
  targetId: string;
  state: string;
  lastError: string | null;
}

const entitlement = async (id: string) => (await api.get(`/offboarding/entitlements/${id}`)).body.data;
const organization = async (id: string) => (await api.get(`/offboarding/organizations/${id}`)).body.data;
const eventsOf = async (org: string): Promise<DomainEvent[]> => (await api.get(`/offboarding/events?organization=${org}&pageSize=100`)).body.data;
const jobAudit = async (org: string) =>
  ((await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; actorType: string; targetId: string }[]).filter(
    (e) => e.actorType === 'job'
  );
const tasksOf = async (targetId: string): Promise<TaskView[]> => (await api.get(`/offboarding/tasks?targetId=${targetId}&pageSize=100`)).body.data;

/** An organization with `n` monthly entitlements (period end: PERIOD.end), all cancelled at period end. */
const withPendingCancellations = async (name: string, n: number) => {
  const org = (await h.organization({ name })).documentId;
  const ents: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const ent = (await h.entitlement(org, monthly())).documentId;
    const res = await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    expect(res.status).toBe(200);
    ents.push(ent);
  }
  return { org, ents };
};

/** The SQL statements one transitions sweep sends. */
const statementsOfSweep = async () => {
  let count = 0;
  const listener = () => {
    count += 1;
  };
  h.strapi.db.connection.on('query', listener);
  try {
    const result = await h.sweep('transitions');
    return { result, count };
  } finally {
    h.strapi.db.connection.off('query', listener);
  }
};

describe('a batch of due transitions is worked as a set', () => {
  afterEach(() => h.clock.freeze(NOW));

  it('changes every due row once, derives each organization once from all its rows, numbers its events without gaps', async () => {
    const a = await withPendingCancellations('Batch A', 3);
    const b = await withPendingCancellations('Batch B', 1);
    const bActive = (await h.entitlement(b.org, monthly())).documentId;
    const c = (await h.organization({ name: 'Batch C' })).documentId;
    const cGrace = (await h.entitlement(c, monthly())).documentId;
    expect((await api.post(`/offboarding/entitlements/${cGrace}/suspend`, { reason: 'non_payment' })).status).toBe(200);
    const sequencesBefore = (await eventsOf(a.org)).map((e) => e.sequence);

    // Both kinds fall due in the same sweep: the cancellations at period end, the grace after 30 days.
    h.clock.freeze(plusDays(NOW, 31));
    const { result } = await statementsOfSweep();
    expect(result).toMatchObject({ ran: true, performed: 5, failed: 0 });

    for (const ent of [...a.ents, ...b.ents, cGrace]) expect((await entitlement(ent)).status).toBe('cancelled');
    expect((await entitlement(bActive)).status).toBe('active');
    expect((await organization(a.org)).status).toBe('cancelled');
    expect((await organization(b.org)).status).toBe('active');
    expect(await organization(c)).toMatchObject({ status: 'cancelled' });
    expect((await entitlement(cGrace)).cancellationReason).toBe('payment_failure');

    // Organization A's events: three more, numbered right after the ones it had, in order.
    const events = await eventsOf(a.org);
    const sequences = events.map((e) => e.sequence as number).sort((x, y) => x - y);
    expect(sequences).toEqual(Array.from({ length: sequencesBefore.length + 3 }, (_, i) => i + 1));
    const cancelled = events.filter((e) => e.type === 'entitlement.cancelled');
    expect(cancelled).toHaveLength(3);
    // Each carries the entitlement as the admin API shows it, exactly the fields a change made
    // one at a time carries (the request's own cancellation_scheduled events): no internal id.
    const fieldsOf = (e: DomainEvent) => Object.keys(e.data ?? {}).filter((k) => k !== 'changed').sort();
    const scheduled = events.find((e) => e.type === 'entitlement.cancellation_scheduled') as DomainEvent;
    for (const e of cancelled) {
      expect(fieldsOf(e)).toEqual(fieldsOf(scheduled));
      expect(e.data).not.toHaveProperty('organizationId');
    }

    // One audit row per change, each naming its entitlement; nothing left pending.
    const audit = await jobAudit(a.org);
    expect(audit.filter((e) => e.action === 'entitlement.cancelled').map((e) => e.targetId).sort()).toEqual([...a.ents].sort());
    for (const ent of [...a.ents, cGrace]) {
      const due = (await tasksOf(ent)).filter((t) => t.kind === 'complete_cancellation' || t.kind === 'expire_grace');
      expect(due.filter((t) => t.state === 'pending')).toEqual([]);
      expect(due.filter((t) => t.state === 'done')).toHaveLength(1);
    }

    // Worked once: the next sweep finds nothing.
    expect((await h.sweep('transitions')).performed).toBe(0);
  });

  it('costs the same statements for 4 due rows as for 40 over more organizations (MySQL: one more per organization)', async () => {
    await withPendingCancellations('Small batch', 4);
    h.clock.freeze(plusDays(NOW, 31));
    const small = await statementsOfSweep();
    expect(small.result.performed).toBe(4);

    h.clock.freeze(NOW);
    for (let i = 0; i < 8; i += 1) await withPendingCancellations(`Large batch ${i}`, 5);
    h.clock.freeze(plusDays(NOW, 31));
    const large = await statementsOfSweep();
    expect(large.result.performed).toBe(40);
    // Row by row, 40 rows cost ten times 4; set-wise, the count is that of one batch. MySQL
    // numbers each organization's events under that organization's lock (services/events.ts
    // nextSequences): one statement per organization, 8 here against 1.
    const perOrganization = h.strapi.db.config.connection.client === 'mysql' ? 8 - 1 : 0;
    expect(large.count).toBe(small.count + perOrganization);
  });

  it('costs the same statements when every row changes differently: cancellations at their own times, grace expiries', async () => {
    let minutes = 0;
    const later = () => new Date(Date.parse(NOW) + (minutes += 1) * 60_000).toISOString();
    const cancelledAt = new Map<string, string>();
    const graces: string[] = [];
    /** An organization whose rows each fall due with values of their own (effective time, grace end). */
    const withVariedRows = async (name: string, cancels: number, graceCount: number) => {
      const org = (await h.organization({ name })).documentId;
      for (let i = 0; i < cancels; i += 1) {
        const ent = (await h.entitlement(org, monthly())).documentId;
        const effectiveAt = later();
        const res = await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'date', effectiveAt });
        expect(res.status).toBe(200);
        cancelledAt.set(ent, effectiveAt);
      }
      for (let i = 0; i < graceCount; i += 1) {
        const ent = (await h.entitlement(org, monthly())).documentId;
        graces.push(ent);
        h.clock.freeze(later());
        expect((await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'non_payment' })).status).toBe(200);
      }
      h.clock.freeze(NOW);
    };

    await withVariedRows('Varied small', 4, 2);
    h.clock.freeze(plusDays(NOW, 31));
    const small = await statementsOfSweep();
    expect(small.result).toMatchObject({ performed: 6, failed: 0 });

    h.clock.freeze(NOW);
    for (let i = 0; i < 8; i += 1) await withVariedRows(`Varied large ${i}`, 5, 1);
    h.clock.freeze(plusDays(NOW, 31));
    const large = await statementsOfSweep();
    expect(large.result).toMatchObject({ performed: 48, failed: 0 });
    // Each batch's rows, and its organizations' derived fields, are written one statement per
    // chunk whatever their values. MySQL: one statement more per organization in each of the two
    // batches (see above).
    const perOrganization = h.strapi.db.config.connection.client === 'mysql' ? 2 * (8 - 1) : 0;
    expect(large.count).toBe(small.count + perOrganization);

    // Each row got its own values.
    for (const [ent, at] of cancelledAt) expect(await entitlement(ent)).toMatchObject({ status: 'cancelled', cancelledAt: at });
    for (const ent of graces) {
      const row = await entitlement(ent);
      expect(row).toMatchObject({ status: 'cancelled', cancelledAt: plusDays(NOW, 31), cancelEffectiveAt: row.graceEndsAt, cancelRequestedBy: 'job' });
    }
  });

  it('two tasks for one row in one batch: the row changes once, one task performs, the other is a no-op', async () => {
    const { ents } = await withPendingCancellations('Twice queued', 2);
    const [twice] = ents;
    // A second pending task for the same row and kind (queued twice, e.g. by two instances).
    const knex = h.strapi.db.connection;
    const { id, ...task } = await knex('offboarding_scheduled_tasks').where({ target_id: twice, kind: 'complete_cancellation', state: 'pending' }).first();
    expect(id).toBeDefined();
    await knex('offboarding_scheduled_tasks').insert({ ...task, document_id: `${String(task.document_id).slice(0, 20)}dupl` });

    h.clock.freeze(plusDays(NOW, 31));
    expect(await h.sweep('transitions')).toMatchObject({ processed: 3, performed: 2, noop: 1, failed: 0 });
    const outcomes = (await knex('offboarding_scheduled_tasks').where({ target_id: twice, kind: 'complete_cancellation' }).select('state', 'outcome')) as {
      state: string;
      outcome: string;
    }[];
    expect(outcomes.map((t) => `${t.state}:${t.outcome}`).sort()).toEqual(['done:noop', 'done:performed']);
    expect((await jobAudit((await entitlement(twice)).organization.documentId)).filter((e) => e.targetId === twice)).toHaveLength(1);
  });

  it('a row that cannot be worked fails alone and names itself; the rest of the batch goes through', async () => {
    const { org, ents } = await withPendingCancellations('Broken batch', 3);
    const [broken, ...healthy] = ents;
    // An entitlement whose organization link is gone (a database edited by hand).
    const knex = h.strapi.db.connection;
    const { id } = await knex('offboarding_entitlements').where({ document_id: broken }).first('id');
    await knex('offboarding_entitlements_organization_lnk').where({ entitlement_id: id }).delete();

    // The orphan fails as a row of the batch: the batch is never rolled back to be worked one by
    // one (which it would be again on every retry of that row).
    const warn = jest.spyOn(h.strapi.log, 'warn');
    try {
      h.clock.freeze(plusDays(NOW, 31));
      const result = await h.sweep('transitions');
      expect(result).toMatchObject({ performed: 2, failed: 1 });
      for (const ent of healthy) expect((await entitlement(ent)).status).toBe('cancelled');
      const [task] = (await tasksOf(broken)).filter((t) => t.kind === 'complete_cancellation');
      expect(task.state).toBe('pending');
      expect(task.lastError).toMatch(/belongs to no organization/);
      // The organization is judged on the rows that are still its own: both cancelled.
      expect((await organization(org)).status).toBe('cancelled');

      // Its retry (backoff: 2 minutes) fails alone again, with the same error.
      h.clock.freeze(new Date(Date.parse(plusDays(NOW, 31)) + 3 * 60_000).toISOString());
      expect(await h.sweep('transitions')).toMatchObject({ performed: 0, failed: 1 });
      const [retried] = (await tasksOf(broken)).filter((t) => t.kind === 'complete_cancellation');
      expect(retried.lastError).toMatch(/belongs to no organization/);
      expect(warn.mock.calls.filter(([message]) => String(message).includes('one by one'))).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});
