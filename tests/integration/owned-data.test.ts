/**
 * docs/spec.md §3, owned data and the archive guard: the app's orders, quotes, invoices, contracts and
 * documents belong to an organization; an order or quote is refused for an archived one
 * through the content manager, the REST API and the Document Service alike; purge and delete
 * remove the owned rows and the documents' files; the retention queue counts them.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import createOwnedDataService from '../../src/plugins/offboarding/server/src/services/owned-data';
import { useHarness } from '../helpers/harness';

const DAY = 86_400_000;
const T0 = '2027-03-01T00:00:00.000Z';
const OWNED = ['api::order.order', 'api::quote.quote', 'api::invoice.invoice', 'api::contract.contract', 'api::document.document'];

interface UploadedFile {
  id: number;
  url: string;
}

describe('owned data and the archive guard', () => {
  const h = useHarness('owned-data', { now: T0 });
  const { api } = h;
  let apiToken: string;

  beforeAll(async () => {
    const token = await h.strapi.service('admin::api-token').create({ name: 'owned-data test', type: 'full-access', lifespan: null });
    apiToken = token.accessKey as string;
  });
  h.teardown(async () => {
    // Files a test kept on purpose (still in use) leave public/uploads with the test.
    for (const file of uploaded) {
      const row = await h.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
      if (row) await h.strapi.plugin('upload').service('upload').remove(row);
    }
  });

  const uploaded: UploadedFile[] = [];
  let seq = 0;
  const unique = (name: string) => `${name} ${(seq += 1)}`;

  const createOrg = async (name: string) => {
    const res = await api.post('/offboarding/organizations', { name: unique(name) });
    expect(res.status).toBe(201);
    const row = await h.strapi.db.query('plugin::offboarding.organization').findOne({ where: { documentId: res.body.data.documentId } });
    return { documentId: res.body.data.documentId as string, id: row.id as number, name: res.body.data.name as string };
  };
  const archive = async (org: string) => expect((await api.post(`/offboarding/organizations/${org}/archive`)).status).toBe(200);
  const unarchive = async (org: string) => expect((await api.post(`/offboarding/organizations/${org}/unarchive`)).status).toBe(200);

  const order = (extra: Record<string, unknown> = {}) => ({ number: unique('ORD'), total: 12900, currency: 'EUR', orderedAt: T0, ...extra });
  const quote = (extra: Record<string, unknown> = {}) => ({ number: unique('QUO'), total: 5000, currency: 'EUR', validUntil: '2027-04-01', ...extra });
  const invoice = (extra: Record<string, unknown> = {}) => ({ number: unique('INV'), total: 12900, currency: 'EUR', issuedAt: T0, ...extra });

  const cm = {
    create: (uid: string, body: Record<string, unknown>) =>
      request(h.server).post(`/content-manager/collection-types/${uid}`).set('Authorization', `Bearer ${h.session.token}`).send(body),
    update: (uid: string, id: string, body: Record<string, unknown>) =>
      request(h.server).put(`/content-manager/collection-types/${uid}/${id}`).set('Authorization', `Bearer ${h.session.token}`).send(body),
  };
  const rest = {
    create: (plural: string, data: Record<string, unknown>) =>
      request(h.server).post(`/api/${plural}`).set('Authorization', `Bearer ${apiToken}`).send({ data }),
    update: (plural: string, id: string, data: Record<string, unknown>) =>
      request(h.server).put(`/api/${plural}/${id}`).set('Authorization', `Bearer ${apiToken}`).send({ data }),
  };
  /** The relation as the admin UI sends it. */
  const cmConnect = (org: { id: number; documentId: string }) => ({
    connect: [{ id: org.id, documentId: org.documentId, locale: null, position: { end: true } }],
    disconnect: [],
  });

  const count = (uid: string, organizationId: number) => h.strapi.db.query(uid).count({ where: { organization: { id: organizationId } } });

  const uploadText = async (name: string, text: string): Promise<UploadedFile> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owned-data-'));
    const filepath = path.join(dir, name);
    fs.writeFileSync(filepath, text);
    try {
      const [file] = await h.strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name } },
        files: { filepath, originalFilename: name, mimetype: 'text/plain', size: Buffer.byteLength(text) },
      });
      uploaded.push(file as UploadedFile);
      return file as UploadedFile;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const diskPath = (file: UploadedFile) => path.join(h.strapi.dirs.static.public, file.url);

  const expectArchivedRefusal = (res: request.Response, orgName: string) => {
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`"${orgName}"`);
    expect(res.body.error.message).toContain('archived');
  };

  describe('configuration', () => {
    it('lists the five owned types resolved against the schema', () => {
      const list = h.strapi.plugin('offboarding').service('owned-data').list();
      expect(list).toEqual([
        { uid: 'api::order.order', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerFields: ['number', 'total', 'currency', 'orderedAt'] },
        { uid: 'api::quote.quote', relation: 'organization', export: true, purge: true, refuseWhileArchived: true, customerFields: ['number', 'total', 'currency', 'validUntil'] },
        { uid: 'api::invoice.invoice', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['number', 'total', 'currency', 'issuedAt', 'dueAt', 'paidAt'] },
        { uid: 'api::contract.contract', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['title', 'startsAt', 'endsAt'] },
        { uid: 'api::document.document', relation: 'organization', export: true, purge: true, refuseWhileArchived: false, customerFields: ['title', 'file'] },
      ]);
    });

    it('refuses, naming it, an unknown uid or a relation that is not to the organization', () => {
      const original = h.strapi.config.get('plugin::offboarding.ownedData');
      // A fresh service instance reads the configuration anew (the registered one has resolved it).
      const factory = createOwnedDataService;
      const entry = { relation: 'organization', export: true, purge: true, refuseWhileArchived: true };
      try {
        h.strapi.config.set('plugin::offboarding.ownedData', [{ uid: 'api::missing.missing', ...entry }]);
        expect(() => factory({ strapi: h.strapi }).list()).toThrow('ownedData "api::missing.missing" is not a content type');
        h.strapi.config.set('plugin::offboarding.ownedData', [{ ...entry, uid: 'api::order.order', relation: 'customer' }]);
        expect(() => factory({ strapi: h.strapi }).list()).toThrow('ownedData "api::order.order" has no attribute "customer"');
        h.strapi.config.set('plugin::offboarding.ownedData', [{ ...entry, uid: 'api::order.order', relation: 'currency' }]);
        expect(() => factory({ strapi: h.strapi }).list()).toThrow('must be a manyToOne (or oneToOne) relation to plugin::offboarding.organization');
        // A customer field must be a plain attribute of the type: never a typo, never its owner.
        h.strapi.config.set('plugin::offboarding.ownedData', [{ ...entry, uid: 'api::order.order', customerFields: ['total', 'secretMargin'] }]);
        expect(() => factory({ strapi: h.strapi }).list()).toThrow('customerFields names "secretMargin", which is not a plain attribute of it');
        h.strapi.config.set('plugin::offboarding.ownedData', [{ ...entry, uid: 'api::order.order', customerFields: ['organization'] }]);
        expect(() => factory({ strapi: h.strapi }).list()).toThrow('customerFields names "organization"');
      } finally {
        h.strapi.config.set('plugin::offboarding.ownedData', original);
      }
    });
  });

  describe("the plugin's own types", () => {
    it('change only through the plugin: a Content Manager or Document Service write is refused and changes nothing', async () => {
      const org = await createOrg('Guarded Types');
      const ent = await api.post(`/offboarding/organizations/${org.documentId}/entitlements`, {
        class: 'PLG', price: 100, currency: 'EUR', billingPeriod: 'month', currentPeriodStart: T0, currentPeriodEnd: '2027-04-01T00:00:00Z',
      });
      const id = ent.body.data.documentId as string;
      // Skipping the state machine (and the refund ledger and audit trail) by writing the row.
      await expect(
        h.strapi.documents('plugin::offboarding.entitlement').update({ documentId: id, data: { lifecycleStatus: 'cancelled' } as never })
      ).rejects.toThrow(/changes only through the Offboarding plugin's actions/);
      await expect(h.strapi.documents('plugin::offboarding.organization').delete({ documentId: org.documentId })).rejects.toThrow(/"delete" through the Document Service is refused/);
      await expect(h.strapi.documents('plugin::offboarding.refund').create({ data: { amount: -5000 } as never })).rejects.toThrow(/refused/);
      // The Content Manager's admin API, even for a super admin.
      const viaCm = await cm.update('plugin::offboarding.entitlement', id, { lifecycleStatus: 'cancelled' });
      expect(viaCm.status).toBeGreaterThanOrEqual(400);
      expect(viaCm.status).toBeLessThan(500);
      expect((await api.get(`/offboarding/entitlements/${id}`)).body.data.status).toBe('active');
      expect((await api.get(`/offboarding/organizations/${org.documentId}`)).status).toBe(200);
      // Reads stay open to host-app code.
      expect((await h.strapi.documents('plugin::offboarding.entitlement').findOne({ documentId: id }))?.documentId).toBe(id);
    });

    it("a Content Manager read of them re-checks the plugin's read permission", async () => {
      const org = await createOrg('CM Reader');
      await api.put(`/offboarding/organizations/${org.documentId}`, { notes: 'internal: churn risk' });
      const role = await h.strapi.service('admin::role').create({ name: `cm-only-${process.pid}`, description: 'Content Manager only' });
      const cmRead = (uid: string) => ({ action: 'plugin::content-manager.explorer.read', subject: uid, properties: { fields: ['name', 'notes'] }, conditions: [] });
      await h.strapi.service('admin::role').assignPermissions(role.id, [cmRead('plugin::offboarding.organization')]);
      const email = `cm-only-${process.pid}@test.local`;
      await h.strapi.service('admin::user').create({ email, firstname: 'CM', lastname: 'Only', password: 'Test-Password-123', isActive: true, registrationToken: null, roles: [role.id] });
      const login = await request(h.server).post('/admin/login').send({ email, password: 'Test-Password-123' });
      const list = await request(h.server).get('/content-manager/collection-types/plugin::offboarding.organization').set('Authorization', `Bearer ${login.body.data.token as string}`);
      expect(list.status).toBe(403);
      expect(list.body.error.message).toContain('plugin::offboarding.read');
      expect(JSON.stringify(list.body)).not.toContain('churn risk');
      // With the plugin's own read permission too, the Content Manager may show what the plugin's API shows.
      await h.strapi.service('admin::role').assignPermissions(role.id, [
        cmRead('plugin::offboarding.organization'),
        { action: 'plugin::offboarding.read', subject: null, properties: {}, conditions: [] },
      ]);
      const allowed = await request(h.server).get('/content-manager/collection-types/plugin::offboarding.organization').set('Authorization', `Bearer ${login.body.data.token as string}`);
      expect(allowed.status).toBe(200);
    });
  });

  describe('the archive guard', () => {
    it('refuses an order or quote for an archived organization through the content manager (409 naming it)', async () => {
      const org = await createOrg('CM Archived');
      await archive(org.documentId);
      const res = await cm.create('api::order.order', { ...order(), organization: cmConnect(org) });
      expectArchivedRefusal(res, org.name);
      expect(res.body.error).toMatchObject({ status: 409, name: 'ConflictError', details: { organization: org.documentId, archived: true } });
      expectArchivedRefusal(await cm.create('api::quote.quote', { ...quote(), organization: cmConnect(org) }), org.name);
      expect(await count('api::order.order', org.id)).toBe(0);
      expect(await count('api::quote.quote', org.id)).toBe(0);
    });

    it('refuses them through the REST API, in every relation form', async () => {
      const org = await createOrg('REST Archived');
      await archive(org.documentId);
      const forms: unknown[] = [
        org.documentId,
        org.id,
        { documentId: org.documentId },
        { id: org.id },
        { connect: [org.documentId] },
        { connect: [{ documentId: org.documentId }] },
        { set: [{ id: org.id }] },
        [org.documentId],
      ];
      for (const form of forms) {
        expectArchivedRefusal(await rest.create('orders', order({ organization: form })), org.name);
      }
      expectArchivedRefusal(await rest.create('quotes', quote({ organization: org.documentId })), org.name);
      expect(await count('api::order.order', org.id)).toBe(0);
    });

    it('refuses them through the Document Service', async () => {
      const org = await createOrg('DS Archived');
      await archive(org.documentId);
      const error = await h.strapi
        .documents('api::order.order')
        .create({ data: { ...order(), organization: org.documentId } })
        .then(
          () => null,
          (e: unknown) => e as { status?: number; message: string }
        );
      expect(error?.status).toBe(409);
      expect(error?.message).toContain(`Organization "${org.name}" is archived`);
      await expect(h.strapi.documents('api::quote.quote').create({ data: { ...quote(), organization: { connect: [{ id: org.id }] } } })).rejects.toThrow(
        'is archived'
      );
      expect(await count('api::order.order', org.id)).toBe(0);
    });

    it('refuses moving an existing order to an archived organization, or cloning one of its orders', async () => {
      const open = await createOrg('Open');
      const closed = await createOrg('Closed');
      const existing = await rest.create('orders', order({ organization: closed.documentId }));
      expect(existing.status).toBe(201);
      const mine = await rest.create('orders', order({ organization: open.documentId }));
      expect(mine.status).toBe(201);
      await archive(closed.documentId);

      expectArchivedRefusal(await rest.update('orders', mine.body.data.documentId, { organization: closed.documentId }), closed.name);
      expectArchivedRefusal(await cm.update('api::order.order', mine.body.data.documentId, { organization: cmConnect(closed) }), closed.name);
      await expect(h.strapi.documents('api::order.order').clone({ documentId: existing.body.data.documentId, data: {} })).rejects.toThrow(
        `Organization "${closed.name}" is archived`
      );
      // Editing an order without touching its organization stays possible (corrections to history).
      const edited = await rest.update('orders', existing.body.data.documentId, { total: 13900 });
      expect(edited.status).toBe(200);
      expect(await count('api::order.order', closed.id)).toBe(1);
    });

    it('allows them again after unarchive, through every path', async () => {
      const org = await createOrg('Unarchived');
      await archive(org.documentId);
      expectArchivedRefusal(await rest.create('orders', order({ organization: org.documentId })), org.name);
      await unarchive(org.documentId);

      expect((await cm.create('api::order.order', { ...order(), organization: cmConnect(org) })).status).toBe(201);
      expect((await rest.create('orders', order({ organization: org.documentId }))).status).toBe(201);
      expect((await rest.create('quotes', quote({ organization: org.documentId }))).status).toBe(201);
      const created = await h.strapi.documents('api::order.order').create({ data: { ...order(), organization: org.documentId } });
      expect(created.documentId).toEqual(expect.any(String));
      expect(await count('api::order.order', org.id)).toBe(3);
      expect(await count('api::quote.quote', org.id)).toBe(1);
    });

    it('leaves unguarded types, and rows with no organization, alone', async () => {
      const org = await createOrg('Invoiced');
      await archive(org.documentId);
      expect((await rest.create('invoices', invoice({ organization: org.documentId }))).status).toBe(201);
      expect((await cm.create('api::invoice.invoice', { ...invoice(), organization: cmConnect(org) })).status).toBe(201);
      expect((await rest.create('contracts', { title: 'Late amendment', startsAt: T0, organization: org.documentId })).status).toBe(201);
      expect((await rest.create('orders', order())).status).toBe(201);
      expect(await count('api::invoice.invoice', org.id)).toBe(2);
    });

    it('answers bad input with a 400, never a 500, and creates nothing', async () => {
      const org = await createOrg('Bad input');
      const before = await count('api::order.order', org.id);
      const unknown = await rest.create('orders', order({ organization: 'nosuchorganizationdocid00' }));
      expect(unknown.status).toBe(400);
      const badCurrency = await rest.create('orders', order({ currency: 'euro', organization: org.documentId }));
      expect(badCurrency.status).toBe(400);
      const badTotal = await rest.create('orders', order({ total: 'a lot', organization: org.documentId }));
      expect(badTotal.status).toBe(400);
      const missing = await cm.create('api::order.order', { total: 100, currency: 'EUR', organization: cmConnect(org) });
      expect(missing.status).toBe(400);
      expect(await count('api::order.order', org.id)).toBe(before);
    });
  });

  describe('purge and delete', () => {
    /** An organization holding two orders, a quote, an invoice, a contract and a document with its file. */
    const withOwnedData = async (name: string) => {
      const org = await createOrg(name);
      const ent = await api.post(`/offboarding/organizations/${org.documentId}/entitlements`, {
        class: 'SVC',
        price: 1000,
        currency: 'EUR',
        billingPeriod: 'month',
        currentPeriodStart: '2027-02-01T00:00:00Z',
        currentPeriodEnd: '2027-03-31T00:00:00Z',
      });
      expect(ent.status).toBe(201);
      for (const data of [order(), order()]) await h.strapi.documents('api::order.order').create({ data: { ...data, organization: org.documentId } });
      await h.strapi.documents('api::quote.quote').create({ data: { ...quote(), organization: org.documentId } });
      await h.strapi.documents('api::invoice.invoice').create({ data: { ...invoice(), organization: org.documentId } });
      await h.strapi.documents('api::contract.contract').create({ data: { title: 'MSA', startsAt: T0, organization: org.documentId } });
      const file = await uploadText(`${name.replace(/\W+/g, '-').toLowerCase()}-${seq}.txt`, `Letter for ${name}\n`);
      const doc = await h.strapi.documents('api::document.document').create({ data: { title: 'Welcome letter', file: file.id, organization: org.documentId } });
      expect(fs.existsSync(diskPath(file))).toBe(true);
      const cancel = await api.post(`/offboarding/entitlements/${ent.body.data.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate' });
      expect(cancel.status).toBe(200);
      return { org, file, documentId: doc.documentId };
    };

    /** Link rows (and media links) of the owned types whose own row is gone. */
    const orphanLinks = async () => {
      const knex = h.strapi.db.connection;
      let orphans = 0;
      for (const uid of OWNED) {
        const meta = h.strapi.db.metadata.get(uid);
        for (const attribute of Object.values(meta.attributes) as { joinTable?: { name: string; joinColumn: { name: string } }; relation?: string }[]) {
          if (!attribute.joinTable || attribute.relation?.startsWith('morph')) continue;
          const { name, joinColumn } = attribute.joinTable;
          const [row] = await knex(`${name} as l`).leftJoin(`${meta.tableName} as t`, 't.id', `l.${joinColumn.name}`).whereNull('t.id').count({ n: '*' });
          orphans += Number(row.n);
        }
        const [morph] = await knex('files_related_mph as m')
          .leftJoin(`${meta.tableName} as t`, 't.id', 'm.related_id')
          .where('m.related_type', uid)
          .whereNull('t.id')
          .count({ n: '*' });
        orphans += Number(morph.n);
      }
      return orphans;
    };

    it('the retention queue counts the owned rows; purge removes them and the document file, leaving no orphan link', async () => {
      const { org, file } = await withOwnedData('Purged Owner');
      const other = await createOrg('Neighbour');
      await h.strapi.documents('api::order.order').create({ data: { ...order(), organization: other.documentId } });
      await archive(org.documentId);

      const afterRetention = new Date(Date.parse(T0) + 366 * DAY);
      h.clock.freeze(afterRetention);
      expect((await api.post('/offboarding/jobs/retention/run')).status).toBe(200);
      const queue = await api.get('/offboarding/retention/queue');
      const item = (queue.body.data as { documentId: string; willDelete: Record<string, number> }[]).find((q) => q.documentId === org.documentId);
      expect(item?.willDelete).toMatchObject({ entitlements: 1, collaborators: 0, orders: 2, quotes: 1, invoices: 1, contracts: 1, documents: 1 });

      h.clock.freeze(new Date(afterRetention.getTime() + 7 * DAY));
      // Organizations archived by the earlier tests are due too.
      const purged = await api.post('/offboarding/jobs/purge/run');
      expect(purged.body.data).toMatchObject({ ran: true, failed: 0 });
      expect((await api.get(`/offboarding/organizations/${org.documentId}`)).body.data.purgeState).toBe('purged');

      for (const uid of OWNED) expect(await count(uid, org.id)).toBe(0);
      expect(await h.strapi.db.query('api::document.document').count({ where: { title: 'Welcome letter', organization: { id: org.id } } })).toBe(0);
      expect(fs.existsSync(diskPath(file))).toBe(false);
      expect(await h.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } })).toBeNull();
      expect(await orphanLinks()).toBe(0);
      // Another organization's data is untouched.
      expect(await count('api::order.order', other.id)).toBe(1);

      const events = (await api.get(`/offboarding/organizations/${org.documentId}/audit?pageSize=5`)).body.data as { action: string; after: Record<string, unknown> }[];
      expect(events[0].action).toBe('organization.purged');
      expect(events[0].after.deleted).toMatchObject({ orders: 2, quotes: 1, invoices: 1, contracts: 1, documents: 1 });
      // A purged organization refuses new orders too.
      expectArchivedRefusal(await rest.create('orders', order({ organization: org.documentId })), org.name);
    });

    it('deleting an organization removes its owned data and files, but keeps a file another entry still uses', async () => {
      const { org, file } = await withOwnedData('Deleted Owner');
      const other = await createOrg('Shares a file');
      const shared = await uploadText(`shared-${seq}.txt`, 'Shared terms\n');
      await h.strapi.documents('api::document.document').create({ data: { title: 'Shared terms', file: shared.id, organization: org.documentId } });
      await h.strapi.documents('api::document.document').create({ data: { title: 'Shared terms', file: shared.id, organization: other.documentId } });

      const res = await api.delete(`/offboarding/organizations/${org.documentId}?confirm=${encodeURIComponent(org.name)}`);
      expect(res.status).toBe(200);
      expect(res.body.data.deleted).toMatchObject({ orders: 2, quotes: 1, invoices: 1, contracts: 1, documents: 2 });

      for (const uid of OWNED) expect(await count(uid, org.id)).toBe(0);
      expect(fs.existsSync(diskPath(file))).toBe(false);
      expect(await h.strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } })).toBeNull();
      expect(fs.existsSync(diskPath(shared))).toBe(true);
      const kept = await h.strapi.documents('api::document.document').findMany({ filters: { organization: { documentId: other.documentId } }, populate: ['file'] });
      expect(kept).toHaveLength(1);
      expect((kept[0] as unknown as { file: { id: number } | null }).file?.id).toBe(shared.id);
      expect(await orphanLinks()).toBe(0);
    });
  });
});
