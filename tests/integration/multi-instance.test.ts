import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';
import { useHarness } from '../helpers/harness';

/**
 * Each test here makes hundreds of due transitions through the services, boots two more Strapi
 * instances in processes of their own and lets them sweep. Measured on a 2-core machine under
 * CI-like load (SQLite): 60 s for the fixture (600 service calls), 20–30 s for the two boots,
 * 16 s for the sweep: 95–112 s, against Jest's 120 s for a test — a timeout now and then, with
 * nothing wrong. The budget is the work's, as install.test.ts's is.
 */
jest.setTimeout(300_000);

const COUNT = 300;
const DUE = '2027-02-01T00:00:00.000Z';
const actor = { type: 'admin' as const, id: null, name: 'test' };

interface Totals {
  runs: number;
  ran: number;
  performed: number;
  noop: number;
  failed: number;
}

/** A second and third Strapi, each in its own process, on this test's database. */
const startWorker = (env: NodeJS.ProcessEnv, overrides: NodeJS.ProcessEnv = {}) => {
  const child = spawn(process.execPath, [path.join(__dirname, '../helpers/sweep-worker.js')], {
    env: {
      ...env,
      SWEEP_AT: DUE,
      // Small batches and a lease (or claim) that expires at once: the two instances really contend.
      OFFBOARDING_SWEEP_BATCH: '10',
      OFFBOARDING_SWEEP_TRANSITION_BATCH: '10',
      OFFBOARDING_SWEEP_MAX_TASKS: '20',
      OFFBOARDING_LEASE_TTL_MS: '1',
      ...overrides,
    },
  }) as ChildProcessWithoutNullStreams;
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('ready\n')) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`worker exited early (${code}): ${err.slice(-2000)}`));
    });
  });
  const done = new Promise<Totals>((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Totals);
      else reject(new Error(`worker failed (${code}): ${err.slice(-2000)}`));
    });
  });
  return { child, ready, done };
};

describe('two Strapi instances sweeping one database', () => {
  const h = useHarness('multi_instance');

  it(`performs each of ${COUNT} due transitions exactly once`, async () => {
    const plugin = h.strapi.plugin('offboarding');
    plugin.service('clock').freeze('2027-01-11T00:00:00Z');
    const org = await plugin.service('organization').create({ name: 'Many' }, actor);
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i += 1) {
      const ent = await plugin.service('entitlement').create(
        org.documentId,
        { class: 'PLG', price: 100, currency: 'EUR', billingPeriod: 'none' },
        actor
      );
      await plugin.service('entitlement').cancel(ent.documentId, { reason: 'customer_request', timing: 'date', effectiveAt: DUE }, actor);
      ids.push(ent.documentId);
    }

    const a = startWorker(process.env);
    const b = startWorker(process.env);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    const [totalsA, totalsB] = await Promise.all([a.done, b.done]);

    // Anything a busy database made fail is retried (after its backoff) by a later sweep.
    plugin.service('clock').freeze('2027-03-01T00:00:00Z');
    const last = await plugin.service('sweeps').run('transitions');

    expect(totalsA.ran).toBeGreaterThan(0);
    expect(totalsB.ran).toBeGreaterThan(0);
    expect(totalsA.performed + totalsB.performed + last.performed).toBe(COUNT);

    const cancelled = await h.strapi.db.query('plugin::offboarding.entitlement').count({
      where: { documentId: { $in: ids }, lifecycleStatus: 'cancelled' },
    });
    expect(cancelled).toBe(COUNT);
    const events = (await h.strapi.db.query('plugin::offboarding.audit-event').findMany({
      where: { action: 'entitlement.cancelled', actorType: 'job', targetId: { $in: ids } },
      select: ['targetId'],
    })) as { targetId: string }[];
    expect(events).toHaveLength(COUNT);
    expect(new Set(events.map((e) => e.targetId)).size).toBe(COUNT);
    const done = await h.strapi.db.query('plugin::offboarding.scheduled-task').count({
      where: { targetId: { $in: ids }, kind: 'complete_cancellation', state: 'done' },
    });
    expect(done).toBe(COUNT);
  });

  /** Cancels `count` fresh entitlements on DUE; answers their ids. */
  const dueCancellations = async (name: string, count = COUNT) => {
    const plugin = h.strapi.plugin('offboarding');
    plugin.service('clock').freeze('2027-01-11T00:00:00Z');
    const org = await plugin.service('organization').create({ name }, actor);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const ent = await plugin.service('entitlement').create(org.documentId, { class: 'PLG', price: 100, currency: 'EUR', billingPeriod: 'none' }, actor);
      await plugin.service('entitlement').cancel(ent.documentId, { reason: 'customer_request', timing: 'date', effectiveAt: DUE }, actor);
      ids.push(ent.documentId);
    }
    return ids;
  };

  // PostgreSQL and MySQL: instances claim batches of due tasks (FOR UPDATE SKIP LOCKED) instead
  // of one holding the sweep's lease, so a month-end peak is shared (docs/spec.md §14). SQLite
  // keeps the lease: one writer at a time.
  const claims = (process.env.DATABASE_CLIENT ?? 'sqlite') !== 'sqlite';
  (claims ? it : it.skip)(`shares ${COUNT} due transitions between two instances, each performed once`, async () => {
    const ids = await dueCancellations('Shared');
    // Claims that last (the default two minutes), batches of ten, no cap per run.
    const sharing = { OFFBOARDING_LEASE_TTL_MS: '120000', OFFBOARDING_SWEEP_MAX_TASKS: '10000' };
    const a = startWorker(process.env, sharing);
    const b = startWorker(process.env, sharing);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    const [totalsA, totalsB] = await Promise.all([a.done, b.done]);

    // Both worked: each performed a real part of the batch, and together all of it, once.
    expect(totalsA.performed).toBeGreaterThanOrEqual(COUNT / 10);
    expect(totalsB.performed).toBeGreaterThanOrEqual(COUNT / 10);
    expect(totalsA.performed + totalsB.performed).toBe(COUNT);
    expect(totalsA.failed + totalsB.failed).toBe(0);
    const events = (await h.strapi.db.query('plugin::offboarding.audit-event').findMany({
      where: { action: 'entitlement.cancelled', actorType: 'job', targetId: { $in: ids } },
      select: ['targetId'],
    })) as { targetId: string }[];
    expect(events).toHaveLength(COUNT);
    expect(new Set(events.map((e) => e.targetId)).size).toBe(COUNT);
    const tasks = h.strapi.db.query('plugin::offboarding.scheduled-task');
    expect(await tasks.count({ where: { targetId: { $in: ids }, kind: 'complete_cancellation', state: 'done' } })).toBe(COUNT);
  });

  (claims ? it : it.skip)('leaves a batch another instance claimed alone until its claim expires', async () => {
    const plugin = h.strapi.plugin('offboarding');
    const ids = await dueCancellations('Claimed', 20);
    const tasks = h.strapi.db.query('plugin::offboarding.scheduled-task');
    const where = { targetId: { $in: ids }, kind: 'complete_cancellation', state: 'pending' };
    plugin.service('clock').freeze(DUE);
    await tasks.updateMany({ where, data: { claimedBy: 'other-instance', claimedUntil: new Date('2027-02-01T00:02:00Z') } });
    const meanwhile = await plugin.service('sweeps').run('transitions');
    expect(meanwhile).toMatchObject({ ran: true, processed: 0 });
    // The Data Retention page's jobs table says who is working the sweep.
    const jobs = (await h.api.get('/offboarding/jobs')).body.data as { name: string; claimed: { tasks: number; instances: number } }[];
    expect(jobs.find((job) => job.name === 'transitions')?.claimed).toEqual({ tasks: 20, instances: 1 });
    expect(await tasks.count({ where })).toBe(20);
    // The other instance died: its claims expire and this one does the work.
    plugin.service('clock').freeze('2027-02-01T00:03:00Z');
    const after = await plugin.service('sweeps').run('transitions');
    expect(after.performed).toBe(20);
    expect(await tasks.count({ where })).toBe(0);
  });
});
