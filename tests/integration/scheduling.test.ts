import type { EntitlementInput, OrganizationInput } from '../../src/plugins/offboarding/shared/contracts/api';
import { ensureIndexes } from '../../src/plugins/offboarding/server/src/migrations/indexes';
import { monthly, useHarness } from '../helpers/harness';

const DAY = 86_400_000;
const T0 = '2027-01-11T00:00:00.000Z';

describe('scheduled work: transitions, retention, purge', () => {
  const h = useHarness('scheduling', { now: T0 });
  const { api } = h;
  h.teardown(() => h.strapi.plugin('offboarding').service('purge').setBatchHook(undefined));

  const createOrg = async (name: string, extra: Partial<OrganizationInput> = {}) =>
    (await h.organization({ name, email: `${name.toLowerCase()}@example.test`, ...extra })).documentId;
  const createEnt = async (org: string, extra: Partial<EntitlementInput> = {}) => (await h.entitlement(org, monthly(extra))).documentId;

  const entitlement = async (id: string) => (await api.get(`/offboarding/entitlements/${id}`)).body.data;
  const organization = async (id: string) => (await api.get(`/offboarding/organizations/${id}`)).body.data;
  const auditActions = async (org: string) =>
    ((await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; actorType: string }[]).map(
      (e) => `${e.actorType}:${e.action}`
    );
  /** Drains whatever earlier tests left due, so each test counts only its own work. */
  const drain = async () => {
    for (const job of ['transitions', 'retention', 'purge'] as const) await h.sweep(job);
  };

  it('completes a pending cancellation at its effective time, once', async () => {
    const org = await createOrg('Pending');
    const ent = await createEnt(org);
    await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    await drain();

    h.clock.freeze('2027-01-30T23:59:59Z');
    expect((await h.sweep('transitions')).performed).toBe(0);
    expect((await entitlement(ent)).status).toBe('pending_cancellation');

    h.clock.freeze('2027-01-31T00:00:00Z');
    const first = await h.sweep('transitions');
    expect(first).toMatchObject({ ran: true, performed: 1, failed: 0 });
    const done = await entitlement(ent);
    expect(done.status).toBe('cancelled');
    expect(done.cancelledAt).toBe('2027-01-31T00:00:00.000Z');
    expect((await organization(org)).status).toBe('cancelled');

    expect((await h.sweep('transitions')).performed).toBe(0);
    const jobEvents = (await auditActions(org)).filter((a) => a === 'job:entitlement.cancelled');
    expect(jobEvents).toHaveLength(1);
  });

  it('cancels a non-payment suspension when grace ends, for payment_failure with no refund', async () => {
    const org = await createOrg('Grace');
    const ent = await createEnt(org);
    await api.post(`/offboarding/entitlements/${ent}/suspend`, { reason: 'non_payment' });
    await drain();

    h.clock.freeze(new Date(Date.parse(T0) + 30 * DAY - 1000));
    expect((await h.sweep('transitions')).performed).toBe(0);
    h.clock.freeze(new Date(Date.parse(T0) + 30 * DAY));
    expect((await h.sweep('transitions')).performed).toBe(1);
    const done = await entitlement(ent);
    expect(done).toMatchObject({ status: 'cancelled', cancellationReason: 'payment_failure', refundMode: 'none', refundAmount: 0 });
  });

  it('a manual suspension never expires, and undo or resume withdraws the scheduled work', async () => {
    const org = await createOrg('Withdrawn');
    const manual = await createEnt(org);
    const undone = await createEnt(org);
    const resumed = await createEnt(org);
    await api.post(`/offboarding/entitlements/${manual}/suspend`, { reason: 'manual' });
    await api.post(`/offboarding/entitlements/${undone}/cancel`, { reason: 'customer_request', timing: 'period_end' });
    await api.post(`/offboarding/entitlements/${undone}/undo-cancel`);
    await api.post(`/offboarding/entitlements/${resumed}/suspend`, { reason: 'non_payment' });
    await api.post(`/offboarding/entitlements/${resumed}/resume`);
    await drain();

    h.clock.freeze(new Date(Date.parse(T0) + 400 * DAY));
    await h.sweep('transitions');
    expect((await entitlement(manual)).status).toBe('suspended');
    expect((await entitlement(undone)).status).toBe('active');
    expect((await entitlement(resumed)).status).toBe('active');
    const pending = await api.get('/offboarding/tasks?state=pending');
    const targets = (pending.body.data as { targetId: string }[]).map((t) => t.targetId);
    expect(targets).not.toEqual(expect.arrayContaining([manual]));
    expect(targets).not.toEqual(expect.arrayContaining([undone]));
    expect(targets).not.toEqual(expect.arrayContaining([resumed]));
  });

  it('catches up on everything that fell due while no sweep ran', async () => {
    await drain();
    const org = await createOrg('Catchup');
    const ids = [];
    for (let i = 0; i < 5; i += 1) {
      const ent = await createEnt(org);
      await api.post(`/offboarding/entitlements/${ent}/cancel`, {
        reason: 'customer_request',
        timing: 'date',
        effectiveAt: new Date(Date.parse(T0) + (i + 1) * DAY).toISOString(),
      });
      ids.push(ent);
    }
    h.clock.freeze(new Date(Date.parse(T0) + 60 * DAY));
    expect((await h.sweep('transitions')).performed).toBe(5);
    for (const [i, ent] of ids.entries()) {
      const row = await entitlement(ent);
      expect(row.status).toBe('cancelled');
      // The cancellation took effect at its own time, not at the catch-up.
      expect(row.cancelledAt).toBe(new Date(Date.parse(T0) + (i + 1) * DAY).toISOString());
    }
  });

  describe('retention and purge', () => {
    const archivedOrg = async (name: string) => {
      const org = await createOrg(name, { phone: '+1 555 0100', address: '1 Main St', notes: 'VIP' });
      const ent = await createEnt(org);
      await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'business_closure', timing: 'immediate', notes: 'closing down' });
      expect((await api.post(`/offboarding/organizations/${org}/archive`)).status).toBe(200);
      return { org, ent };
    };
    const afterRetention = new Date(Date.parse(T0) + 366 * DAY);

    it('queues an archived organization past retentionUntil and purges it to a tombstone after review', async () => {
      await drain();
      const { org, ent } = await archivedOrg('Purgeable');
      const before = await organization(org);
      expect(before.retentionUntil).toBe(new Date(Date.parse(T0) + 365 * DAY).toISOString());

      h.clock.freeze(new Date(Date.parse(T0) + 365 * DAY - 1000));
      expect((await h.sweep('retention')).performed).toBe(0);

      h.clock.freeze(afterRetention);
      expect((await h.sweep('retention')).performed).toBe(1);
      const queued = await organization(org);
      expect(queued.purgeState).toBe('scheduled');
      expect(queued.purgeAfter).toBe(new Date(afterRetention.getTime() + 7 * DAY).toISOString());
      const queue = await api.get('/offboarding/retention/queue');
      const item = (queue.body.data as { documentId: string; willDelete: Record<string, number> }[]).find((q) => q.documentId === org);
      expect(item?.willDelete).toMatchObject({ entitlements: 1, collaborators: 0 });

      expect((await h.sweep('purge')).performed).toBe(0);
      h.clock.freeze(new Date(afterRetention.getTime() + 7 * DAY));
      expect((await h.sweep('purge')).performed).toBe(1);

      const tomb = await organization(org);
      expect(tomb).toMatchObject({
        name: 'Purgeable',
        purgeState: 'purged',
        email: null,
        phone: null,
        address: null,
        notes: null,
        entitlements: [],
        collaborators: [],
      });
      expect(tomb.purgedAt).toBe(new Date(afterRetention.getTime() + 7 * DAY).toISOString());
      expect(tomb.archivedAt).toBe(before.archivedAt);
      expect(tomb.lastCancelledAt).toBe(before.lastCancelledAt);
      expect((await api.get(`/offboarding/entitlements/${ent}`)).status).toBe(404);
      expect((await api.post(`/offboarding/organizations/${org}/unarchive`)).status).toBe(409);

      const events = (await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as {
        action: string;
        after: Record<string, unknown> | null;
        notes: string | null;
        redactedAt: string | null;
      }[];
      expect(events[0].action).toBe('organization.purged');
      const created = events.find((e) => e.action === 'organization.created');
      expect(created?.after?.email).toBe('[redacted]');
      expect(created?.after?.name).toBe('Purgeable');
      expect(events.every((e) => e.redactedAt !== null)).toBe(true);
      expect(events.find((e) => e.action === 'entitlement.cancelled')?.notes).toBe('[redacted]');
    });

    it('never queues an organization on legal hold, not archived, or extended; unarchive leaves the queue', async () => {
      await drain();
      const held = await archivedOrg('Held');
      const extended = await archivedOrg('Extended');
      const unarchived = await archivedOrg('Unarchived');
      const open = await createOrg('Open');
      const openEnt = await createEnt(open);
      await api.post(`/offboarding/entitlements/${openEnt}/cancel`, { reason: 'customer_request', timing: 'immediate' });

      expect((await api.post(`/offboarding/organizations/${held.org}/retention/hold`, { reason: 'litigation' })).status).toBe(200);
      const until = new Date(Date.parse(T0) + 800 * DAY).toISOString();
      const ext = await api.post(`/offboarding/organizations/${extended.org}/retention/extend`, { until, reason: 'audit request' });
      expect(ext.status).toBe(200);
      expect(ext.body.data.retentionUntil).toBe(until);

      h.clock.freeze(afterRetention);
      await h.sweep('retention');
      expect((await organization(held.org)).purgeState).toBe('none');
      expect((await organization(extended.org)).purgeState).toBe('none');
      expect((await organization(open)).purgeState).toBe('none');
      expect((await organization(unarchived.org)).purgeState).toBe('scheduled');

      const back = await api.post(`/offboarding/organizations/${unarchived.org}/unarchive`);
      expect(back.body.data).toMatchObject({ purgeState: 'none', purgeAfter: null, archivedAt: null });
      h.clock.freeze(new Date(afterRetention.getTime() + 30 * DAY));
      await h.sweep('purge');
      expect((await organization(unarchived.org)).purgeState).toBe('none');

      // Lifting the hold lets the next retention sweep queue it.
      expect((await api.delete(`/offboarding/organizations/${held.org}/retention/hold`)).status).toBe(200);
      await h.sweep('retention');
      expect((await organization(held.org)).purgeState).toBe('scheduled');
    });

    it('extending needs a later date and a reason; holds cannot be doubled', async () => {
      const { org } = await archivedOrg('Rules');
      const current = (await organization(org)).retentionUntil as string;
      const earlier = await api.post(`/offboarding/organizations/${org}/retention/extend`, { until: T0, reason: 'x' });
      expect(earlier.status).toBe(400);
      expect(earlier.body.error.details.errors[0].path).toEqual(['until']);
      const noReason = await api.post(`/offboarding/organizations/${org}/retention/extend`, { until: '2030-01-01T00:00:00Z' });
      expect(noReason.status).toBe(400);
      expect((await organization(org)).retentionUntil).toBe(current);
      expect((await api.post(`/offboarding/organizations/${org}/retention/hold`, { reason: 'a' })).status).toBe(200);
      const again = await api.post(`/offboarding/organizations/${org}/retention/hold`, { reason: 'b' });
      expect(again.status).toBe(409);
      expect((await organization(org)).legalHoldReason).toBe('a');
    });

    it('a purge killed half way is completed by the next sweep, with no orphan rows and the organization never half visible', async () => {
      await drain();
      const org = await createOrg('Killed');
      for (let i = 0; i < 7; i += 1) {
        const ent = await createEnt(org);
        await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'immediate' });
      }
      await api.post(`/offboarding/organizations/${org}/archive`);
      h.clock.freeze(afterRetention);
      await h.sweep('retention');
      h.clock.freeze(new Date(afterRetention.getTime() + 8 * DAY));

      const purge = h.strapi.plugin('offboarding').service('purge');
      const config = h.strapi.config.get('plugin::offboarding.purge') as { batchSize: number };
      const batchSize = config.batchSize;
      h.strapi.config.set('plugin::offboarding.purge.batchSize', 2);
      let batches = 0;
      purge.setBatchHook(async () => {
        batches += 1;
        if (batches === 2) throw new Error('killed half way');
      });
      const killed = await h.sweep('purge');
      purge.setBatchHook(undefined);
      h.strapi.config.set('plugin::offboarding.purge.batchSize', batchSize);
      expect(killed.failed).toBe(1);

      // Half way: already a tombstone to every reader, some rows still to delete.
      const midway = await organization(org);
      expect(midway).toMatchObject({ purgeState: 'purged', entitlements: [], email: null });
      const orgRow = await h.strapi.db.query('plugin::offboarding.organization').findOne({ where: { documentId: org } });
      const left = await h.strapi.db.query('plugin::offboarding.entitlement').count({ where: { organization: { id: orgRow.id } } });
      expect(left).toBe(3);

      // The task retries after its backoff.
      h.clock.freeze(new Date(afterRetention.getTime() + 9 * DAY));
      const resumed = await h.sweep('purge');
      expect(resumed.failed).toBe(0);
      expect(resumed.processed).toBe(1);
      expect(await h.strapi.db.query('plugin::offboarding.entitlement').count({ where: { organization: { id: orgRow.id } } })).toBe(0);

      // No orphans: every link row points at an existing entitlement.
      const knex = h.strapi.db.connection;
      const orphans = await knex('offboarding_entitlements_organization_lnk as l')
        .leftJoin('offboarding_entitlements as e', 'e.id', 'l.entitlement_id')
        .whereNull('e.id')
        .count({ n: '*' });
      expect(Number(orphans[0].n)).toBe(0);
      const purgedEvents = (await auditActions(org)).filter((a) => a === 'job:organization.purged');
      expect(purgedEvents).toHaveLength(1);
    });

    it('a policy edit that moves retention later takes a queued organization out of the purge queue before its purge', async () => {
      await drain();
      const { org } = await archivedOrg('KeptLonger');
      h.clock.freeze(afterRetention);
      await h.sweep('retention');
      expect((await organization(org)).purgeState).toBe('scheduled');

      const policies = (await api.get('/offboarding/policies')).body.data as { documentId: string; isDefault: boolean }[];
      const defaults = policies.find((p) => p.isDefault) as { documentId: string };
      expect((await api.put(`/offboarding/policies/${defaults.documentId}`, { dataRetentionDays: 800 })).status).toBe(200);
      expect(await organization(org)).toMatchObject({
        retentionUntil: new Date(Date.parse(T0) + 800 * DAY).toISOString(),
        purgeState: 'none',
        purgeAfter: null,
      });
      // Past the old purge date: nothing is purged, and the retention sweep does not queue it again.
      h.clock.freeze(new Date(afterRetention.getTime() + 8 * DAY));
      await h.sweep('purge');
      await h.sweep('retention');
      expect((await organization(org)).purgeState).toBe('none');

      expect((await api.put(`/offboarding/policies/${defaults.documentId}`, { dataRetentionDays: 365 })).status).toBe(200);
      expect((await organization(org)).retentionUntil).toBe(new Date(Date.parse(T0) + 365 * DAY).toISOString());
    });
  });

  it('keeps a partial index of the pending tasks (PostgreSQL, SQLite), created again at boot when missing', async () => {
    const client = h.strapi.db.config.connection.client;
    const indexDef = async () => {
      if (client === 'postgres') {
        const res = await h.strapi.db.connection.raw(
          `SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'offboarding_tasks_pending_due' AND schemaname = current_schema()`
        );
        return (res.rows[0]?.def as string | undefined) ?? null;
      }
      const rows = await h.strapi.db.connection.raw(`SELECT sql AS def FROM sqlite_master WHERE type = 'index' AND name = 'offboarding_tasks_pending_due'`);
      return (rows[0]?.def as string | undefined) ?? null;
    };
    if (client !== 'postgres' && client !== 'sqlite') return; // MySQL: the (state, kind, due_at) index serves
    expect(await indexDef()).toMatch(/WHERE.*state.*=.*'pending'/i);
    await h.strapi.db.connection.raw('DROP INDEX offboarding_tasks_pending_due');
    await ensureIndexes(h.strapi);
    await ensureIndexes(h.strapi);
    expect(await indexDef()).toMatch(/WHERE.*state.*=.*'pending'/i);
    if (client !== 'postgres') return;
    // PostgreSQL builds it CONCURRENTLY (writes go on meanwhile); a concurrent build that failed
    // leaves an invalid index of that name, which the next start drops and builds again.
    const knex = h.strapi.db.connection;
    const valid = async () => (await knex.raw(`SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass('offboarding_tasks_pending_due')`)).rows[0]?.valid;
    await knex.raw('DROP INDEX offboarding_tasks_pending_due');
    const tasks = 'offboarding_scheduled_tasks';
    await knex(tasks).insert([1, 2].map(() => ({ kind: 'purge', state: 'done', target_type: 'organization', target_id: 'x', due_at: new Date() })));
    await expect(knex.raw(`CREATE UNIQUE INDEX CONCURRENTLY offboarding_tasks_pending_due ON ${tasks} (target_id)`)).rejects.toThrow(/duplicate|unique/i);
    expect(await valid()).toBe(false);
    await ensureIndexes(h.strapi);
    expect(await valid()).toBe(true);
    expect(await indexDef()).toMatch(/WHERE.*state.*=.*'pending'/i);
    await knex(tasks).where({ target_id: 'x' }).del();
  });

  it('PostgreSQL: the search gets trigram indexes once pg_trgm is installed, in whatever schema it lives', async () => {
    if (h.strapi.db.config.connection.client !== 'postgres') return;
    const knex = h.strapi.db.connection;
    const searchIndexes = async () =>
      (await knex.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'offboarding_orgs_search_%' ORDER BY indexname`)).rows as { indexname: string; indexdef: string }[];
    // The app's tables live in a schema of their own (this file's); the extension, as a database
    // owner would install it, in public, which is not on the app's search_path.
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => undefined);
    const { rows } = await knex.raw(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`);
    await ensureIndexes(h.strapi);
    const made = await searchIndexes();
    expect(made.map((i) => i.indexname)).toEqual(['offboarding_orgs_search_email', 'offboarding_orgs_search_name', 'offboarding_orgs_search_tax_id']);
    for (const index of made) expect(index.indexdef).toContain(`${rows[0].schema}.gin_trgm_ops`);
    const org = await createOrg(`Trigram${Date.now()}`);
    const found = await api.get(`/offboarding/organizations?q=${encodeURIComponent('TRIGRAM')}&pageSize=100`);
    expect((found.body.data as { documentId: string }[]).map((o) => o.documentId)).toContain(org);
  });

  it('reports the sweeps, refuses an unknown job, and (SQLite) skips a sweep whose lease another instance holds', async () => {
    const jobs = await api.get('/offboarding/jobs');
    expect(jobs.status).toBe(200);
    expect((jobs.body.data as { name: string }[]).map((j) => j.name)).toEqual(['transitions', 'retention', 'purge', 'exports', 'provisioning', 'webhooks', 'notices']);
    const unknown = await api.post('/offboarding/jobs/nightly/run');
    expect(unknown.status).toBe(404);

    // On PostgreSQL and MySQL instances claim batches instead (multi-instance.test.ts).
    if ((process.env.DATABASE_CLIENT ?? 'sqlite') !== 'sqlite') return;
    const leases = h.strapi.db.query('plugin::offboarding.lease');
    // The lease row exists once the sweep has run here (not only after the file's earlier tests).
    expect((await h.sweep('transitions')).ran).toBe(true);
    const taken = await leases.updateMany({ where: { name: 'sweep:transitions' }, data: { holder: 'other-instance', expiresAt: new Date(Date.now() + 60_000) } });
    expect(taken.count).toBe(1);
    const skipped = await h.sweep('transitions');
    expect(skipped.ran).toBe(false);
    // An expired lease is taken over.
    await leases.updateMany({ where: { name: 'sweep:transitions' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await h.sweep('transitions')).ran).toBe(true);
  });
});
