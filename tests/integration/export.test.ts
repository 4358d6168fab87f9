import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import type { StorageSink } from '../../src/plugins/offboarding/server/src/services/storage';
import { monthly, useHarness } from '../helpers/harness';
import { binary, readZip } from '../helpers/zip';

const T0 = '2027-01-11T00:00:00.000Z';
const DAY = 86_400_000;

describe('data export', () => {
  const h = useHarness('export', { now: T0, refreeze: 'once' });
  const { api } = h;
  let org: string;
  let exportId: string;
  let downloadUrl: string;

  beforeAll(async () => {
    org = (await h.organization({ name: 'Export Co', taxId: 'EX-1', email: 'dpo@export.test' })).documentId;
    for (const cls of ['PLG', 'ENV', 'SVC'] as const) await h.entitlement(org, monthly({ class: cls, price: 1000 }));
  });

  const read = async (id: string) => (await api.get(`/offboarding/exports/${id}`)).body.data;

  it('queues an export and the exports sweep streams it to a private ZIP', async () => {
    const queued = await api.post(`/offboarding/organizations/${org}/exports`);
    expect(queued.status).toBe(202);
    expect(queued.body.data).toMatchObject({ organization: org, profile: 'admin', state: 'queued', progress: 0, requestedByType: 'admin' });
    exportId = queued.body.data.documentId;
    expect(queued.body.data.filePath).toBeUndefined();
    const forCustomer = await api.post(`/offboarding/organizations/${org}/exports`, { profile: 'customer' });
    expect(forCustomer.status).toBe(202);
    expect(forCustomer.body.data.profile).toBe('customer');

    expect((await h.sweep('exports')).performed).toBe(2);
    const ready = await read(exportId);
    expect(ready).toMatchObject({ state: 'ready', progress: 100, counts: { entitlements: 3 } });
    expect(ready.expiresAt).toBe(new Date(Date.parse(T0) + 7 * DAY).toISOString());
    // An admin export holds everything: it never gets a link a customer could be handed.
    expect(ready.downloadUrl).toBeUndefined();
    const customerReady = await read(forCustomer.body.data.documentId);
    expect(customerReady.downloadUrl).toMatch(/^\/api\/offboarding\/exports\/download\?token=/);
    downloadUrl = customerReady.downloadUrl;
    // Written outside public/.
    const files = fs.readdirSync(path.resolve('.tmp/test-exports', org));
    expect(files).toHaveLength(2);
    expect((await h.sweep('exports')).performed).toBe(0);
    const listed = await api.get(`/offboarding/organizations/${org}/exports`);
    expect(listed.body.data.map((e: { documentId: string }) => e.documentId)).toEqual([forCustomer.body.data.documentId, exportId]);
    expect(listed.body.meta.pagination).toMatchObject({ page: 1, total: 2 });
  });

  it('holds the organization, entitlements, audit trail and a manifest whose hashes match every file', async () => {
    const res = await api.get(`/offboarding/exports/${exportId}/download`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="export-Export-Co-/);
    const body = res.body as Buffer;
    expect(createHash('sha256').update(body).digest('hex')).toBe((await read(exportId)).sha256);

    const entries = await readZip(body);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'organization.json', 'entitlements.json', 'entitlements.csv', 'audit-trail.json']));
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.content.toString());
    expect(manifest).toMatchObject({ formatVersion: 2, profile: 'admin', organization: { documentId: org, name: 'Export Co' }, generatedAt: T0 });
    expect(manifest.counts.entitlements).toBe(3);
    const listed = manifest.files as { path: string; sha256: string; size: number }[];
    expect(listed.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const file of listed) {
      const entry = entries.find((e) => e.name === file.path)!;
      expect({ path: file.path, sha256: entry.sha256, size: entry.content.length }).toEqual({ path: file.path, sha256: file.sha256, size: file.size });
    }
    const entitlements = JSON.parse(entries.find((e) => e.name === 'entitlements.json')!.content.toString());
    expect(entitlements.map((e: { class: string }) => e.class).sort()).toEqual(['ENV', 'PLG', 'SVC']);
    const csv = entries.find((e) => e.name === 'entitlements.csv')!.content.toString().trim().split('\n');
    expect(csv[0]).toMatch(/^documentId,name,class,status,price,currency/);
    expect(csv).toHaveLength(4);
    const audit = JSON.parse(entries.find((e) => e.name === 'audit-trail.json')!.content.toString());
    expect(audit.length).toBe(manifest.counts.auditEvents);
    expect(audit.some((e: { action: string; after: { email?: string } }) => e.action === 'organization.created' && e.after.email === 'dpo@export.test')).toBe(true);
    const organization = JSON.parse(entries.find((e) => e.name === 'organization.json')!.content.toString());
    expect(organization).toMatchObject({ name: 'Export Co', taxId: 'EX-1' });
    // The admin profile keeps every field, internal ones included.
    expect(organization).toHaveProperty('legalHoldReason');
    expect(organization).toHaveProperty('notes');
  });

  it('serves the signed link without login, and refuses a tampered one without saying whether an export exists', async () => {
    const server = h.server;
    const ok = await request(server).get(downloadUrl).buffer(true).parse(binary);
    expect(ok.status).toBe(200);
    const token = new URL(downloadUrl, 'http://x').searchParams.get('token')!;
    const customerExport = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).e as string;
    expect((ok.body as Buffer).length).toBe(Number((await read(customerExport)).size));

    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ e: exportId, x: Date.parse('2099-01-01') })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [`${forged}.${signature}`, `${payload}.${flipped}`, payload, 'garbage', `${payload}.${signature}.x`]) {
      const res = await request(server).get(`/api/offboarding/exports/download?token=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(exportId);
    }
    expect((await request(server).get('/api/offboarding/exports/download')).status).toBe(400);
  });

  it('expires: the link answers 410, then the sweep deletes the file', async () => {
    const clock = h.clock;
    clock.freeze(new Date(Date.parse(T0) + 7 * DAY + 1000));
    const server = h.server;
    expect((await request(server).get(downloadUrl)).status).toBe(410);
    expect((await h.sweep('exports')).performed).toBe(2);
    expect((await read(exportId)).state).toBe('expired');
    expect(fs.readdirSync(path.resolve('.tmp/test-exports', org))).toHaveLength(0);
    expect((await api.get(`/offboarding/exports/${exportId}/download`)).status).toBe(410);
    clock.freeze(T0);
  });

  it('refuses bad requests with 4xx and queues nothing', async () => {
    expect((await api.post('/offboarding/organizations/nope/exports')).status).toBe(404);
    expect((await api.post(`/offboarding/organizations/${org}/exports`, { format: 'tar' })).status).toBe(400);
    for (const profile of ['everything', '', null, ['customer'], { x: 1 }]) {
      const bad = await api.post(`/offboarding/organizations/${org}/exports`, { profile });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.error)).toContain('profile');
    }
    expect((await api.get('/offboarding/exports/nope')).status).toBe(404);
    const fresh = await api.post(`/offboarding/organizations/${org}/exports`);
    const notReady = await api.get(`/offboarding/exports/${fresh.body.data.documentId}/download`);
    expect(notReady.status).toBe(409);
    expect(notReady.body.error.message).toMatch(/not ready.*queued/);
  });

  it('records a failed generation with its error, leaves no partial file, and lets a new export succeed', async () => {
    const other = (await api.post('/offboarding/organizations', { name: 'Broken Disk Co' })).body.data.documentId as string;
    // A plain file where the organization's export folder must go: the write fails.
    const blocker = path.resolve('.tmp/test-exports', other);
    fs.mkdirSync(path.dirname(blocker), { recursive: true });
    fs.writeFileSync(blocker, 'not a folder');
    const queued = await api.post(`/offboarding/organizations/${other}/exports`);
    // Generation failing is the export's outcome, not the task's: the task is done.
    expect((await h.sweep('exports')).failed).toBe(0);
    const failed = await read(queued.body.data.documentId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/EEXIST|ENOTDIR|not a directory|exists/i);
    expect((await api.get(`/offboarding/exports/${failed.documentId}/download`)).status).toBe(409);
    const events = (await api.get(`/offboarding/organizations/${other}/audit`)).body.data as { action: string }[];
    expect(events.map((e) => e.action)).toContain('export.failed');

    fs.rmSync(blocker);
    const retry = await api.post(`/offboarding/organizations/${other}/exports`);
    await h.sweep('exports');
    expect((await read(retry.body.data.documentId)).state).toBe('ready');
  });

  describe('an attempt restarted as stale while it still runs', () => {
    const STALE_AFTER = 30 * 60_000;
    const service = () => h.strapi.plugin('offboarding').service('export');
    const storedRow = (id: string) => h.strapi.db.query('plugin::offboarding.data-export').findOne({ where: { documentId: id } });
    const exportEvents = async (organization: string, id: string) =>
      ((await api.get(`/offboarding/organizations/${organization}/audit?pageSize=100`)).body.data as { action: string; targetId: string }[])
        .filter((e) => e.targetId === id && e.action.startsWith('export.'))
        .map((e) => e.action)
        .sort();

    /**
     * Starts generating `id` and holds its finished file as an upload that has not completed:
     * resolves once the attempt wrote everything and waits only on `release` (an error fails it).
     */
    const heldAttempt = async (id: string) => {
      const storage = h.strapi.plugin('offboarding').service('storage');
      const create = storage.create as (key: string, contentType: string) => StorageSink;
      let release!: (error?: Error) => void;
      const gate = new Promise<Error | undefined>((resolve) => (release = resolve));
      let written!: () => void;
      const waiting = new Promise<void>((resolve) => (written = resolve));
      storage.create = (key: string, contentType: string): StorageSink => {
        storage.create = create;
        const sink = create(key, contentType);
        const done = sink.done.then(async () => {
          written();
          const error = await gate;
          if (error) throw error;
        });
        return { stream: sink.stream, done };
      };
      const outcome = service().generate(id) as Promise<string>;
      await waiting;
      return { outcome, release };
    };

    /** An export whose first attempt is held, and a second attempt, started past staleAfterMs, that completed. */
    const restarted = async (name: string) => {
      const organization = (await h.organization({ name })).documentId;
      const id = (await api.post(`/offboarding/organizations/${organization}/exports`)).body.data.documentId as string;
      const first = await heldAttempt(id);
      h.clock.freeze(new Date(Date.parse(T0) + STALE_AFTER + 1000));
      try {
        expect(await service().generate(id)).toBe('performed');
      } finally {
        h.clock.freeze(T0);
      }
      const ready = await read(id);
      expect(ready.state).toBe('ready');
      expect((await storedRow(id)).filePath).toBe(`${organization}/${id}.2.zip`);
      return { organization, id, first, ready };
    };

    /** The ready export is the second attempt's, whole, and the only one recorded; no other file is left. */
    const expectSecondAttemptKept = async (organization: string, id: string, ready: { sha256: string; size: number }) => {
      expect(await read(id)).toMatchObject({ state: 'ready', sha256: ready.sha256, size: ready.size, error: null });
      expect(fs.readdirSync(path.resolve('.tmp/test-exports', organization))).toEqual([`${id}.2.zip`]);
      const res = await api.get(`/offboarding/exports/${id}/download`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(createHash('sha256').update(res.body as Buffer).digest('hex')).toBe(ready.sha256);
      expect(await exportEvents(organization, id)).toEqual(['export.ready', 'export.requested']);
    };

    it('failing after the restart finished, it removes only its own file and records nothing', async () => {
      const { organization, id, first, ready } = await restarted('Restarted Failing Co');
      first.release(new Error('the upload broke'));
      expect(await first.outcome).toBe('noop');
      await expectSecondAttemptKept(organization, id, ready);
    });

    it('finishing after the restart finished, it neither overwrites the file nor the row', async () => {
      const { organization, id, first, ready } = await restarted('Restarted Late Co');
      first.release();
      expect(await first.outcome).toBe('noop');
      await expectSecondAttemptKept(organization, id, ready);
      // Expiry still finds the file the row records.
      h.clock.freeze(new Date(Date.parse(T0) + 7 * DAY + STALE_AFTER + 2000));
      try {
        expect(await service().expire(id)).toBe('performed');
      } finally {
        h.clock.freeze(T0);
      }
      expect(fs.readdirSync(path.resolve('.tmp/test-exports', organization))).toEqual([]);
    });
  });

  it("carries the app's owned data as JSON and CSV and the documents' files, all in the manifest", async () => {
    await h.strapi.documents('api::invoice.invoice').create({
      data: { number: 'INV-0042', total: 12900, currency: 'EUR', issuedAt: '2027-01-05T00:00:00.000Z', organization: org },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-test-'));
    const filepath = path.join(dir, 'letter.txt');
    fs.writeFileSync(filepath, 'Dear customer, here is your data.\n');
    const [file] = await h.strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: 'letter.txt' } },
      files: { filepath, originalFilename: 'letter.txt', mimetype: 'text/plain', size: fs.statSync(filepath).size },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    const document = await h.strapi.documents('api::document.document').create({ data: { title: 'Welcome letter', file: file.id, organization: org } });

    const queued = await api.post(`/offboarding/organizations/${org}/exports`);
    await h.sweep('exports');
    const res = await api.get(`/offboarding/exports/${queued.body.data.documentId}/download`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const entries = await readZip(res.body as Buffer);
    const text = (name: string) => entries.find((e) => e.name === name)?.content.toString();
    const manifest = JSON.parse(text('manifest.json')!);
    expect(manifest.counts).toMatchObject({ invoices: 1, documents: 1, 'documents.files': 1 });
    expect(JSON.parse(text('data/invoices.json')!)).toEqual([
      expect.objectContaining({ number: 'INV-0042', total: 12900, currency: 'EUR', issuedAt: '2027-01-05T00:00:00.000Z' }),
    ]);
    const csv = text('data/invoices.csv')!.trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('INV-0042');
    expect(JSON.parse(text('data/documents.json')!)[0]).toMatchObject({ title: 'Welcome letter', file: 'letter.txt' });
    expect(text(`files/documents/${document.documentId}-letter.txt`)).toBe('Dear customer, here is your data.\n');
    for (const listed of manifest.files as { path: string; sha256: string }[]) {
      expect(entries.find((e) => e.name === listed.path)?.sha256).toBe(listed.sha256);
    }
    await h.strapi.plugin('upload').service('upload').remove(file);
  });

  it("pages an organization's own rows from the link table: with another's rows interleaved (ids alternating), exactly its own, all of them, across pages", async () => {
    const mine = (await h.organization({ name: 'Interleaved A' })).documentId;
    const theirs = (await h.organization({ name: 'Interleaved B' })).documentId;
    const invoiceIds: Record<string, number[]> = { [mine]: [], [theirs]: [] };
    const entitlementNames: Record<string, string[]> = { [mine]: [], [theirs]: [] };
    // More rows than a pager reads ahead (ten pages of ids) at page size 1: several reads of the link table.
    for (let i = 0; i < 11; i += 1) {
      for (const owner of [mine, theirs]) {
        const tag = owner === mine ? 'A' : 'B';
        const invoice = await h.strapi.documents('api::invoice.invoice').create({
          data: { number: `IL-${tag}-${i}`, total: 100 + i, currency: 'EUR', issuedAt: '2027-01-05T00:00:00.000Z', organization: owner },
        });
        invoiceIds[owner].push(invoice.id as number);
        entitlementNames[owner].push((await h.entitlement(owner, monthly({ name: `Seat ${tag}${i}` }))).name as string);
      }
    }
    // The two organizations' rows alternate by id, so every page of one skips rows of the other.
    expect(invoiceIds[mine].map((id, i) => invoiceIds[theirs][i] - id)).toEqual(Array(11).fill(1));

    const configKey = 'plugin::offboarding.exports.pageSize';
    const pageSize = h.strapi.config.get(configKey);
    h.strapi.config.set(configKey, 1);
    try {
      for (const [owner, tag] of [[mine, 'A'], [theirs, 'B']] as const) {
        const queued = await api.post(`/offboarding/organizations/${owner}/exports`);
        await h.sweep('exports');
        expect((await read(queued.body.data.documentId)).state).toBe('ready');
        const res = await api.get(`/offboarding/exports/${queued.body.data.documentId}/download`).buffer(true).parse(binary);
        const entries = await readZip(res.body as Buffer);
        const text = (name: string) => entries.find((e) => e.name === name)!.content.toString();
        const numbers = Array.from({ length: 11 }, (_, i) => `IL-${tag}-${i}`);
        expect((JSON.parse(text('data/invoices.json')) as { number: string }[]).map((r) => r.number)).toEqual(numbers);
        expect(text('data/invoices.csv').trim().split('\n').slice(1).map((line) => line.split(',')[1])).toEqual(numbers);
        expect((JSON.parse(text('entitlements.json')) as { name: string }[]).map((r) => r.name)).toEqual(entitlementNames[owner]);
        expect(text('entitlements.csv').trim().split('\n')).toHaveLength(12);
        expect(JSON.parse(text('manifest.json')).counts).toMatchObject({ invoices: 11, entitlements: 11 });
      }
    } finally {
      h.strapi.config.set(configKey, pageSize);
    }
  });

  describe('through the collaborator portal', () => {
    it('lets a collaborator ask for an export, follow it and download it through its signed link; others see nothing', async () => {
      const server = h.server;
      const owner = await h.portalUser('exporter');
      const stranger = await h.portalUser('stranger');
      await h.collaborator(org, owner.email, 'owner');

      const asked = await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(owner.auth).send({});
      expect(asked.status).toBe(202);
      expect(asked.body.data).toMatchObject({ state: 'queued', requestedByType: 'collaborator' });
      const id = asked.body.data.documentId as string;
      expect((await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(stranger.auth).send({})).status).toBe(404);
      expect((await request(server).get(`/api/offboarding/portal/exports/${id}`).set(stranger.auth)).status).toBe(404);
      expect((await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).send({})).status).toBe(403);

      await h.sweep('exports');
      const followed = await request(server).get(`/api/offboarding/portal/exports/${id}`).set(owner.auth);
      expect(followed.status).toBe(200);
      expect(followed.body.data.state).toBe('ready');
      expect(followed.body.data.requestedByName).toBeUndefined();
      const zip = await request(server).get(followed.body.data.downloadUrl).buffer(true).parse(binary);
      expect(zip.status).toBe(200);
      expect((await readZip(zip.body as Buffer)).some((e) => e.name === 'manifest.json')).toBe(true);

      // Open exactly while the portal is (docs/spec.md §12): not while access is disabled, not once archived.
      await api.post(`/offboarding/organizations/${org}/disable`, { reason: 'unpaid' });
      const disabled = await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(owner.auth).send({});
      expect(disabled.status).toBe(403);
      await api.post(`/offboarding/organizations/${org}/enable`, {});
      await api.post(`/offboarding/organizations/${org}/cancel-all`, { reason: 'customer_request', timing: 'immediate' });
      expect((await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(owner.auth).send({})).status).toBe(202);
      expect((await api.post(`/offboarding/organizations/${org}/archive`)).status).toBe(200);
      const archived = await request(server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(owner.auth).send({});
      expect(archived.status).toBe(403);
      expect(archived.body.error.details.reason).toBe('archived');
    });
  });
});
