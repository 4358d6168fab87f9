/**
 * Data exports kept in an S3-compatible bucket (storage.provider 's3'), against a real server
 * the test starts (s3rver): written by a multipart upload, private, downloaded only through the
 * plugin's authorised routes (streamed, or redirected to a presigned URL), removed on expiry,
 * deletion and purge; and, on PostgreSQL, served by an instance other than the one that wrote it.
 */
import { spawn } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import request from 'supertest';
import { expectStatus, monthly, useHarness } from '../helpers/harness';
import { useS3 } from '../helpers/s3';
import { binary, readZip } from '../helpers/zip';

const T0 = '2027-01-11T00:00:00.000Z';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

describe('data exports in an S3 bucket', () => {
  const s3 = useS3('export_s3');
  const h = useHarness('export_s3', { now: T0, refreeze: 'once' });
  const { api } = h;

  const read = async (id: string) => (await api.get(`/offboarding/exports/${id}`)).body.data;
  const generate = async (org: string, profile: 'admin' | 'customer' = 'admin') => {
    const queued = await api.post(`/offboarding/organizations/${org}/exports`, { profile });
    expectStatus(queued, 202);
    return queued.body.data.documentId as string;
  };
  /** The storage, made again from the configuration as it now is (it is made once per instance). */
  const reconfigure = (change: (s3: Record<string, unknown>) => void) => {
    const settings = h.strapi.config.get('plugin::offboarding.storage.s3') as Record<string, unknown>;
    change(settings);
    h.strapi.plugin('offboarding').service('storage').close();
  };

  let org: string;
  let adminExport: string;
  let customerExport: string;
  let downloadUrl: string;

  beforeAll(async () => {
    org = (await h.organization({ name: 'Bucket Co', taxId: 'S3-1' })).documentId;
    for (const cls of ['PLG', 'ENV'] as const) await h.entitlement(org, monthly({ class: cls, price: 1000 }));
  });

  it('streams the exports into the bucket, under the prefix, and not to the local folder', async () => {
    adminExport = await generate(org);
    customerExport = await generate(org, 'customer');
    expect((await h.sweep('exports')).performed).toBe(2);
    const ready = await read(adminExport);
    expect(ready).toMatchObject({ state: 'ready', progress: 100, counts: { entitlements: 2 } });
    const customer = await read(customerExport);
    downloadUrl = customer.downloadUrl;

    // Each generation attempt has its own key; the file is downloaded under the row's fileName.
    const objects = await s3.list(`exports/${org}/`);
    expect(objects.map((o) => o.key).sort()).toEqual(
      [`exports/${org}/${adminExport}.1.zip`, `exports/${org}/${customerExport}.1.zip`].sort()
    );
    expect(objects.find((o) => o.key === `exports/${org}/${adminExport}.1.zip`)?.size).toBe(Number(ready.size));
    expect(fs.existsSync(path.resolve('.tmp/test-exports', org))).toBe(false);
  });

  it('serves the object through the authorised admin route, byte for byte', async () => {
    const res = await api.get(`/offboarding/exports/${adminExport}/download`).buffer(true).parse(binary);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="export-Bucket-Co-/);
    const body = res.body as Buffer;
    expect(Number(res.headers['content-length'])).toBe(body.length);
    expect(sha256(body)).toBe((await read(adminExport)).sha256);
    const names = (await readZip(body)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'organization.json', 'entitlements.json']));

    const signed = await request(h.server).get(downloadUrl).buffer(true).parse(binary);
    expectStatus(signed, 200);
    expect(sha256(signed.body as Buffer)).toBe((await read(customerExport)).sha256);
  });

  it('serves nothing without the export permission, a session or a genuine link', async () => {
    const reader = await h.admin(['read']);
    const refused = await reader.get(`/offboarding/exports/${adminExport}/download`);
    expect(refused.status).toBe(403);
    expect(refused.headers.location).toBeUndefined();
    expect((await request(h.server).get(`/offboarding/exports/${adminExport}/download`)).status).toBe(401);
    const token = new URL(downloadUrl, 'http://x').searchParams.get('token')!;
    const [payload, signature] = token.split('.');
    const forged = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await request(h.server).get(`/api/offboarding/exports/download?token=${forged}`)).status).toBe(403);
  });

  it('with presignedUrlTtlSeconds, a checked signed link is a redirect to a short-lived URL of the object', async () => {
    reconfigure((settings) => (settings.presignedUrlTtlSeconds = 120));
    try {
      const res = await request(h.server).get(downloadUrl);
      expect(res.status).toBe(302);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const location = new URL(res.headers.location);
      expect(`${location.protocol}//${location.host}`).toBe(s3.endpoint);
      expect(location.pathname).toBe(`/${s3.bucket}/exports/${org}/${customerExport}.1.zip`);
      expect(location.searchParams.get('X-Amz-Expires')).toBe('120');
      const direct = await fetch(location);
      expect(direct.status).toBe(200);
      expect(direct.headers.get('content-disposition')).toMatch(/^attachment; filename="export-Bucket-Co-/);
      expect(sha256(Buffer.from(await direct.arrayBuffer()))).toBe((await read(customerExport)).sha256);
      // A tampered link is refused before any URL is made.
      const [payload] = new URL(downloadUrl, 'http://x').searchParams.get('token')!.split('.');
      const refused = await request(h.server).get(`/api/offboarding/exports/download?token=${payload}.AAAA`);
      expect(refused.status).toBe(403);
      expect(refused.headers.location).toBeUndefined();
      // The admin download stays streamed (the panel fetches it with a token: no cross-origin redirect).
      const admin = await api.get(`/offboarding/exports/${adminExport}/download`).buffer(true).parse(binary);
      expectStatus(admin, 200);
      expect(sha256(admin.body as Buffer)).toBe((await read(adminExport)).sha256);
    } finally {
      reconfigure((settings) => delete settings.presignedUrlTtlSeconds);
    }
  });

  it('expiry removes the objects; the routes then answer 410', async () => {
    h.clock.freeze(new Date(Date.parse(T0) + 7 * DAY + 1000));
    try {
      expect((await h.sweep('exports')).performed).toBe(2);
      expect((await read(adminExport)).state).toBe('expired');
      expect(await s3.list(`exports/${org}/`)).toEqual([]);
      expect((await api.get(`/offboarding/exports/${adminExport}/download`)).status).toBe(410);
    } finally {
      h.clock.freeze(T0);
    }
  });

  it('writes a file larger than one part as a multipart upload, and reads and removes it', async () => {
    const storage = h.strapi.plugin('offboarding').service('storage');
    // lib-storage cuts 5 MiB parts: 12 MiB is three parts of one multipart upload.
    const data = randomBytes(12 * 1024 * 1024);
    const sink = storage.create('multipart-check/big.bin', 'application/octet-stream');
    await pipeline(Readable.from((function* () {
      for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    })()), sink.stream);
    await sink.done;
    expect(await s3.list('exports/multipart-check/')).toEqual([{ key: 'exports/multipart-check/big.bin', size: data.length }]);
    const file = await storage.open('multipart-check/big.bin');
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    expect(file.size).toBe(data.length);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(data));
    await storage.remove(['multipart-check/big.bin']);
    expect(await s3.list('exports/multipart-check/')).toEqual([]);
    expect(await storage.open('multipart-check/big.bin')).toBeNull();
  });

  it('an object gone from the bucket is a 410, not a 500', async () => {
    const id = await generate(org);
    await h.sweep('exports');
    expect((await read(id)).state).toBe('ready');
    await h.strapi.plugin('offboarding').service('storage').remove([`${org}/${id}.1.zip`]);
    const res = await api.get(`/offboarding/exports/${id}/download`);
    expect(res.status).toBe(410);
    expect(res.body.error.message).toMatch(/no longer available/);
  });

  it('a prefix without its final "/" is a folder all the same', async () => {
    const spaced = (await h.organization({ name: 'Prefix Co' })).documentId;
    reconfigure((settings) => (settings.prefix = 'exports'));
    try {
      const id = await generate(spaced);
      expect((await h.sweep('exports')).performed).toBe(1);
      expect(await s3.list(`exports/${spaced}/`)).toEqual([{ key: `exports/${spaced}/${id}.1.zip`, size: Number((await read(id)).size) }]);
      expect(await s3.list(`exports${spaced}`)).toEqual([]);
      const res = await api.get(`/offboarding/exports/${id}/download`).buffer(true).parse(binary);
      expectStatus(res, 200);
      expect(sha256(res.body as Buffer)).toBe((await read(id)).sha256);
    } finally {
      reconfigure((settings) => (settings.prefix = 'exports/'));
    }
  });

  it("deleting an organization removes its exports' objects", async () => {
    const doomed = await h.organization({ name: 'Doomed Bucket Co' });
    await generate(doomed.documentId);
    await generate(doomed.documentId, 'customer');
    expect((await h.sweep('exports')).performed).toBe(2);
    expect(await s3.list(`exports/${doomed.documentId}/`)).toHaveLength(2);
    expectStatus(await api.delete(`/offboarding/organizations/${doomed.documentId}?confirm=${encodeURIComponent(doomed.name)}`), 200);
    expect(await s3.list(`exports/${doomed.documentId}/`)).toEqual([]);
  });

  it("the purge removes its exports' objects", async () => {
    const closed = (await h.organization({ name: 'Purged Bucket Co' })).documentId;
    await generate(closed);
    expect((await h.sweep('exports')).performed).toBe(1);
    expect(await s3.list(`exports/${closed}/`)).toHaveLength(1);
    expectStatus(await api.post(`/offboarding/organizations/${closed}/archive`), 200);
    try {
      // Past the default 365 days of retention, then past the 7 days of review.
      h.clock.freeze(at(366));
      await h.sweep('retention');
      h.clock.freeze(at(374));
      expect((await h.sweep('purge')).performed).toBeGreaterThanOrEqual(1);
      expect(await s3.list(`exports/${closed}/`)).toEqual([]);
    } finally {
      h.clock.freeze(T0);
    }
  });

  it('a bucket that refuses the upload fails the export with its reason, and nothing can be downloaded', async () => {
    reconfigure((settings) => (settings.bucket = 'no-such-bucket'));
    let id: string;
    try {
      id = await generate(org);
      expect((await h.sweep('exports')).performed).toBe(1);
    } finally {
      reconfigure((settings) => (settings.bucket = s3.bucket));
    }
    const failed = await read(id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/bucket/i);
    expect((await api.get(`/offboarding/exports/${id}/download`)).status).toBe(409);
  });

  // Two instances over one PostgreSQL schema and one bucket: what one writes, the other serves
  // (docs/spec.md §14). The other instance is a separate process, as in production.
  const postgres = process.env.DATABASE_CLIENT === 'postgres';
  (postgres ? it : it.skip)('an export generated by another instance is downloaded through this one', async () => {
    const shared = (await h.organization({ name: 'Shared Bucket Co' })).documentId;
    await h.entitlement(shared, monthly({ class: 'SVC', price: 500 }));
    const id = await generate(shared);
    const customer = await generate(shared, 'customer');

    const worker = spawn(process.execPath, [path.join(__dirname, '../helpers/export-worker.js')], {
      env: { ...process.env, ...s3.env, EXPORT_AT: T0 },
    });
    let out = '';
    let err = '';
    worker.stdout.on('data', (chunk) => (out += chunk));
    worker.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => worker.once('exit', resolve));
    if (code !== 0) throw new Error(`the other instance failed (${code}): ${err.slice(-2000)}`);
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}');
    expect(result).toMatchObject({ ran: true, performed: 2, failed: 0 });

    const ready = await read(id);
    expect(ready.state).toBe('ready');
    expect(await s3.list(`exports/${shared}/`)).toHaveLength(2);
    // Nothing on this instance's disk: the bytes come from the bucket.
    expect(fs.existsSync(path.resolve('.tmp/test-exports', shared))).toBe(false);
    const res = await api.get(`/offboarding/exports/${id}/download`).buffer(true).parse(binary);
    expectStatus(res, 200);
    expect(sha256(res.body as Buffer)).toBe(ready.sha256);
    const link = (await read(customer)).downloadUrl as string;
    const signed = await request(h.server).get(link).buffer(true).parse(binary);
    expectStatus(signed, 200);
    expect(sha256(signed.body as Buffer)).toBe((await read(customer)).sha256);
  });
});
