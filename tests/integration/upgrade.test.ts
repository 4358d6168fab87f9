import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { adminClient, createAdmin, type AdminClient } from '../helpers/admin';
import { startStrapi } from '../helpers/strapi';

/**
 * An upgrade keeps every row: a database filled by the plugin's first release (v0.1.0, commit
 * 5895b1d) is booted by the current code, whose migrations run around Strapi's schema sync
 * (server/src/migrations). Every schema change ships with its migration and extends this test.
 */
const RELEASE = '5895b1d';
const NAME = 'upgrade';
const appDir = path.resolve(__dirname, '../..');
const oldApp = path.join(appDir, '.tmp', `upgrade-${RELEASE}-${process.pid}`);

// Exports are files below the app's folder; here the release runs from another one, so both
// apps are pointed at one folder, as a real upgrade (same app, new plugin) would find it.
process.env.OFFBOARDING_EXPORTS_DIR = path.join(appDir, '.tmp', 'test-exports');

type Json = Record<string, unknown>;
type Row = Json & { documentId: string };

/** Every file below `dir` whose name ends with one of `endings`, skipping `skip` folders. */
const filesIn = (dir: string, endings: string[], skip: string[] = []): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(full) ? [] : filesIn(full, endings, skip);
    return endings.some((ending) => entry.name.endsWith(ending)) ? [full] : [];
  });

/**
 * Compiles `dirs` (below `root`) into `outDir` as the release's tsconfig would (CommonJS,
 * ES2022), copying JSON files. The release compiled when it was tagged: only transpiled here,
 * which takes a second where a type-checking tsc takes half a minute.
 */
const transpile = (root: string, dirs: string[], outDir: string, skip: string[] = []) => {
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const file of dirs.flatMap((dir) => filesIn(path.join(root, dir), ['.ts', '.json'], skip))) {
    const out = path.join(outDir, path.relative(root, file));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (file.endsWith('.json')) fs.copyFileSync(file, out);
    else fs.writeFileSync(out.replace(/\.ts$/, '.js'), ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText);
  }
};

/** The release's app and plugin at `oldApp`, built where its package.json and Strapi look for them. */
const buildRelease = () => {
  fs.rmSync(oldApp, { recursive: true, force: true });
  fs.mkdirSync(oldApp, { recursive: true });
  const archive = execFileSync('git', ['archive', RELEASE, 'config', 'src', 'database', 'public', 'package.json', 'tsconfig.json'], {
    cwd: appDir,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', oldApp], { input: archive });
  fs.symlinkSync(path.join(appDir, 'node_modules'), path.join(oldApp, 'node_modules'), 'dir');
  const plugin = path.join(oldApp, 'src/plugins/offboarding');
  // The plugin's server/tsconfig.json: rootDir the plugin, outDir its dist (package.json's strapi-server).
  transpile(plugin, ['server/src', 'shared'], path.join(plugin, 'dist'));
  // The app's tsconfig.json: config and src (but its plugins) into dist, as compileStrapi does.
  transpile(oldApp, ['config', 'src'], path.join(oldApp, 'dist'), [path.join(oldApp, 'src/plugins'), path.join(oldApp, 'src/admin')]);
};

const ok = async (res: Promise<{ status: number; body: Json }>, status = 200) => {
  const answer = await res;
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.data as Json & Row;
};

/**
 * Settings added since the release, with the value an upgraded row reads: a policy's settings
 * (any object holding `gracePeriodDays`) gain `dunningStages: null`, the single grace period
 * (issue 15, docs/spec.md §13).
 */
const withNewDefaults = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withNewDefaults);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withNewDefaults(v)]));
  return 'gracePeriodDays' in out && !('dunningStages' in out) ? { ...out, dunningStages: null } : out;
};

/** What a release answered, read back from the current API: every field it had, same value (new settings at their defaults). */
const expectSameFields = (before: Json, after: Json, ignore: string[] = []) => {
  const picked = Object.fromEntries(Object.keys(before).filter((key) => !ignore.includes(key)).map((key) => [key, after[key]]));
  const expected = Object.fromEntries(Object.entries(before).filter(([key]) => !ignore.includes(key)).map(([key, v]) => [key, withNewDefaults(v)]));
  expect(picked).toEqual(expected);
};

const byId = <T extends { documentId: string }>(rows: T[]) => new Map(rows.map((row) => [row.documentId, row]));

describe(`upgrade from v0.1.0 (${RELEASE})`, () => {
  let instance: Awaited<ReturnType<typeof startStrapi>> | undefined;

  beforeAll(() => {
    expect(execFileSync('git', ['cat-file', '-t', RELEASE], { cwd: appDir }).toString().trim()).toBe('commit');
  });

  afterAll(async () => {
    await instance?.cleanup();
    fs.rmSync(oldApp, { recursive: true, force: true });
  });

  it('keeps every organization, entitlement, refund, audit event, export and task, and the current API works on them', async () => {
    buildRelease();

    // ── v0.1.0 on a fresh database ──────────────────────────────────────────────────────────
    instance = await startStrapi(NAME, { app: oldApp });
    let api: AdminClient = adminClient(instance.strapi, await createAdmin(instance.strapi));
    const now = Date.now();
    const day = 86_400_000;
    const period = { currentPeriodStart: new Date(now - 10 * day).toISOString(), currentPeriodEnd: new Date(now + 20 * day).toISOString() };
    const body = { price: 3000, currency: 'EUR', billingPeriod: 'month', ...period };

    const policy = await ok(api.post('/offboarding/policies', { name: 'Refunds allowed', refundEligible: true }), 201);
    const alpha = await ok(
      api.post('/offboarding/organizations', { name: 'Upgrade Alpha', taxId: 'DE123456789', email: 'billing@alpha.test', notes: 'from 0.1.0', cancellationPolicy: policy.documentId }),
      201
    );
    const beta = await ok(api.post('/offboarding/organizations', { name: 'Upgrade Beta' }), 201);
    const ent = async (org: string, extra: Json) => (await ok(api.post(`/offboarding/organizations/${org}/entitlements`, { ...body, ...extra }), 201)).documentId;
    const active = await ent(alpha.documentId, { class: 'PLG', name: 'Plugin seat' });
    const suspended = await ent(alpha.documentId, { class: 'ENV', name: 'Staging' });
    const pending = await ent(alpha.documentId, { class: 'SVC', name: 'Support' });
    const pendingRefunded = await ent(alpha.documentId, { class: 'ENV', name: 'Second environment' });
    const refunded = await ent(alpha.documentId, { class: 'ENV', name: 'Production' });
    const betaOnly = await ent(beta.documentId, { class: 'PLG', name: 'Beta seat' });

    await ok(api.post(`/offboarding/entitlements/${suspended}/suspend`, { reason: 'manual', notes: 'paused' }));
    await ok(api.post(`/offboarding/entitlements/${pending}/cancel`, { reason: 'too_expensive', timing: 'period_end', refund: 'none' }));
    await ok(api.post(`/offboarding/entitlements/${pendingRefunded}/cancel`, { reason: 'too_expensive', timing: 'period_end', refund: 'full' }));
    await ok(api.post(`/offboarding/entitlements/${refunded}/cancel`, { reason: 'too_expensive', timing: 'immediate', refund: 'prorated' }));
    await ok(api.post(`/offboarding/entitlements/${betaOnly}/cancel`, { reason: 'too_expensive', timing: 'immediate', refund: 'none' }));
    await ok(api.post(`/offboarding/organizations/${beta.documentId}/exports`, {}), 202);
    await ok(api.post('/offboarding/jobs/exports/run'));

    const entitlementIds = [active, suspended, pending, pendingRefunded, refunded, betaOnly];
    const read = async (client: AdminClient) => ({
      organizations: await Promise.all([alpha, beta].map((org) => ok(client.get(`/offboarding/organizations/${org.documentId}`)))),
      entitlements: await Promise.all(entitlementIds.map((id) => ok(client.get(`/offboarding/entitlements/${id}`)))),
      audit: (await Promise.all([alpha, beta].map((org) => ok(client.get(`/offboarding/organizations/${org.documentId}/audit?pageSize=100`))))).flat() as unknown as Row[],
      exports: (await ok(client.get(`/offboarding/organizations/${beta.documentId}/exports`))) as unknown as Row[],
      tasks: (await ok(client.get('/offboarding/tasks'))) as unknown as Row[],
    });
    const before = await read(api);
    expect(before.entitlements.map((e) => e.status)).toEqual(['active', 'suspended', 'pending_cancellation', 'pending_cancellation', 'cancelled', 'cancelled']);
    const refundOf = (id: string) => Number(before.entitlements[entitlementIds.indexOf(id)].refundAmount);
    expect(refundOf(refunded)).toBeGreaterThan(0);
    expect(refundOf(pendingRefunded)).toBe(3000);
    expect(before.audit.length).toBeGreaterThanOrEqual(10);
    expect(before.exports).toHaveLength(1);
    expect(before.exports[0].state).toBe('ready');
    expect(before.tasks.filter((t) => t.state === 'pending').length).toBeGreaterThanOrEqual(2);
    await instance.stop();
    instance = undefined;

    // ── the current code on the same database ──────────────────────────────────────────────
    instance = await startStrapi(NAME, { reuse: true });
    const { strapi } = instance;
    api = adminClient(strapi, await createAdmin(strapi));
    const after = await read(api);

    // Every row, every value the release showed (statuses as the API shows them: `status`).
    after.organizations.forEach((org, i) => expectSameFields(before.organizations[i], org, ['entitlements', 'updatedAt']));
    after.organizations.forEach((org, i) =>
      (before.organizations[i].entitlements as Row[]).forEach((e) => expectSameFields(e, byId(org.entitlements as Row[]).get(e.documentId) ?? {}))
    );
    after.entitlements.forEach((e, i) => expectSameFields(before.entitlements[i], e));
    const auditAfter = byId(after.audit);
    before.audit.forEach((event) => expectSameFields(event, auditAfter.get(event.documentId) ?? {}));
    expectSameFields(before.exports[0], after.exports[0]);
    const tasksAfter = byId(after.tasks);
    before.tasks.forEach((task) => expectSameFields(task, tasksAfter.get(task.documentId) ?? {}));

    // The refunds 0.1.0 kept on the entitlement are in the ledger.
    const refunds = (await ok(api.get(`/offboarding/organizations/${alpha.documentId}/refunds`))) as unknown as Row[];
    expect(refunds.map((r) => [r.entitlement, r.amount, r.kind]).sort()).toEqual(
      [[pendingRefunded, 3000, 'refund'], [refunded, refundOf(refunded), 'refund']].sort()
    );
    expect((await strapi.store.get({ type: 'plugin', name: 'offboarding', key: 'schema' })) as Json).toMatchObject({ version: '0.2.0' });

    // The current API on the old rows: an entitlement can be cancelled, an undone cancellation
    // takes its refund back, the export still downloads and the pending cancellation's task fires.
    expect((await ok(api.post(`/offboarding/entitlements/${active}/cancel`, { reason: 'too_expensive', timing: 'immediate', refund: 'none' }))).status).toBe('cancelled');
    expect((await ok(api.post(`/offboarding/entitlements/${pendingRefunded}/undo-cancel`, {}))).status).toBe('active');
    const ledger = (await ok(api.get(`/offboarding/organizations/${alpha.documentId}/refunds`))) as unknown as Row[];
    expect(ledger.filter((r) => r.entitlement === pendingRefunded).map((r) => [r.kind, r.amount]).sort()).toEqual([['refund', 3000], ['reversal', -3000]].sort());
    const download = await api.get(`/offboarding/exports/${before.exports[0].documentId}/download`);
    expect(download.status).toBe(200);
    strapi.plugin('offboarding').service('clock').freeze(new Date(now + 21 * day));
    try {
      await ok(api.post('/offboarding/jobs/transitions/run'));
    } finally {
      strapi.plugin('offboarding').service('clock').reset();
    }
    expect((await ok(api.get(`/offboarding/entitlements/${pending}`))).status).toBe('cancelled');
    const task = ((await ok(api.get('/offboarding/tasks'))) as unknown as Row[]).find((t) => t.targetId === pending && t.kind === 'complete_cancellation');
    expect(task?.state).toBe('done');
  }, 240_000);
});
