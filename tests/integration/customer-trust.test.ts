import request from 'supertest';
import type { OrganizationInput } from '../../src/plugins/offboarding/shared/contracts/api';
import { monthly, useHarness } from '../helpers/harness';
import { binary, readZip } from '../helpers/zip';

/**
 * docs/spec.md §9, tried as an attacker and a careless admin would: what a customer can obtain is
 * allow-listed, every path to an export re-checks permission and the organization, and export
 * requests are bounded per requester.
 */
const T0 = '2027-03-01T00:00:00.000Z';
const DAY = 86_400_000;

/** Internal facts planted in every place an admin can write them. */
const PLANTED = {
  orgNotes: 'PLANTED-internal-org-notes',
  holdReason: 'PLANTED-legal-hold-litigation',
  suspensionNotes: 'PLANTED-suspension-notes',
  cancellationNotes: 'PLANTED-cancellation-notes',
  accessReason: 'PLANTED-access-reason',
};

describe('customer trust (docs/spec.md §9)', () => {
  const h = useHarness('customer_trust', { now: T0, refreeze: 'once' });
  const { api } = h;

  /** An organization with one monthly entitlement and a collaborator (owner). */
  const organization = async (name: string, extra: Partial<OrganizationInput> = {}) => {
    const { documentId: org } = await h.organization({ name, taxId: 'TX-1', email: `billing@${name.toLowerCase().replace(/\W/g, '')}.test`, ...extra });
    const ent = await h.entitlement(
      org,
      monthly({ class: 'SVC', name: 'Support', price: 10000, currentPeriodStart: '2027-03-01T00:00:00Z', currentPeriodEnd: '2027-04-01T00:00:00Z' })
    );
    const owner = await h.portalUser('owner');
    await h.collaborator(org, owner.email, 'owner');
    return { org, entitlement: ent.documentId, owner };
  };

  const portalExport = (org: string, auth: Record<string, string>) =>
    request(h.server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(auth).send({});

  /** A ready customer export of `org`, asked for by its collaborator: its id and signed link. */
  const readyCustomerExport = async (org: string, auth: Record<string, string>) => {
    const asked = await portalExport(org, auth);
    expect([200, 202]).toContain(asked.status);
    await h.sweep('exports');
    const followed = await request(h.server).get(`/api/offboarding/portal/exports/${asked.body.data.documentId}`).set(auth);
    expect(followed.status).toBe(200);
    expect(followed.body.data.state).toBe('ready');
    return { id: asked.body.data.documentId as string, url: followed.body.data.downloadUrl as string };
  };

  describe('customer output is allow-listed', () => {
    it('a customer export holds none of the planted internal facts, and says it is a customer export', async () => {
      const { org, entitlement, owner } = await organization('Planted Co', { notes: PLANTED.orgNotes });
      // Every kind of internal fact an admin can write about this customer.
      expect((await api.post(`/offboarding/entitlements/${entitlement}/suspend`, { reason: 'manual', notes: PLANTED.suspensionNotes })).status).toBe(200);
      expect((await api.post(`/offboarding/entitlements/${entitlement}/resume`, {})).status).toBe(200);
      expect((await api.post(`/offboarding/organizations/${org}/disable`, { reason: PLANTED.accessReason })).status).toBe(200);
      expect((await api.post(`/offboarding/organizations/${org}/enable`, {})).status).toBe(200);
      expect((await api.post(`/offboarding/organizations/${org}/retention/hold`, { reason: PLANTED.holdReason })).status).toBe(200);
      const cancelled = await api.post(`/offboarding/entitlements/${entitlement}/cancel`, {
        reason: 'too_expensive', notes: PLANTED.cancellationNotes, timing: 'period_end', refund: 'none',
      });
      expect(cancelled.status).toBe(200);
      // A formula an attacker put in a field a customer controls.
      await h.strapi.documents('api::invoice.invoice').create({ data: { number: '=HYPERLINK("http://evil.test","x")', total: 100, currency: 'EUR', issuedAt: T0, organization: org } });

      // Staff take a full export first: that is their business, not the customer's.
      const staffExport = await api.post(`/offboarding/organizations/${org}/exports`);
      expect(staffExport.status).toBe(202);
      await h.sweep('exports');
      const { url } = await readyCustomerExport(org, owner.auth);
      const zip = await request(h.server).get(url).buffer(true).parse(binary);
      expect(zip.status).toBe(200);
      const entries = await readZip(zip.body as Buffer);
      const all = entries.map((e) => e.content.toString('utf8')).join('\n');
      for (const secret of [...Object.values(PLANTED), h.session.email, 'legalHold', 'too_expensive', 'archivedBy', 'cancelRequestedBy', 'requestedByName']) {
        expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
      }
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.content.toString());
      expect(manifest).toMatchObject({ formatVersion: 2, profile: 'customer' });
      // Staff actions are shown as staff; the customer's own history is there.
      const audit = JSON.parse(entries.find((e) => e.name === 'audit-trail.json')!.content.toString()) as { action: string; actor: string }[];
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['organization.created', 'entitlement.suspended', 'entitlement.cancellation_scheduled']));
      expect(audit.map((e) => e.action)).not.toContain('organization.legal_hold_placed');
      expect(audit.find((e) => e.action === 'entitlement.suspended')!.actor).toBe('staff');
      expect(audit.find((e) => e.action === 'export.requested')!.actor).toBe('collaborator');
      // Its own request only (the archive is written before its own export.ready): none of the staff export's events.
      expect(audit.filter((e) => e.action.startsWith('export.')).map((e) => e.action)).toEqual(['export.requested']);
      expect(all).not.toContain(staffExport.body.data.documentId);
      // The customer's own data is there, with formulas neutralised in every CSV.
      const invoices = entries.find((e) => e.name === 'data/invoices.csv')!.content.toString();
      expect(invoices).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
      const organizationJson = JSON.parse(entries.find((e) => e.name === 'organization.json')!.content.toString());
      expect(Object.keys(organizationJson).sort()).toEqual(['address', 'createdAt', 'documentId', 'email', 'lastCancelledAt', 'name', 'phone', 'status', 'taxId']);

      // The admin profile of the same organization keeps everything, and says so.
      const adminZip = await api.get(`/offboarding/exports/${staffExport.body.data.documentId}/download`).buffer(true).parse(binary);
      const adminEntries = await readZip(adminZip.body as Buffer);
      const adminAll = adminEntries.map((e) => e.content.toString('utf8')).join('\n');
      expect(adminAll).toContain(PLANTED.orgNotes);
      expect(adminAll).toContain(PLANTED.cancellationNotes);
      expect(JSON.parse(adminEntries.find((e) => e.name === 'manifest.json')!.content.toString()).profile).toBe('admin');
    });

    it('both profiles carry the refund ledger; only the admin one says who on the staff granted it', async () => {
      const policy = await api.post('/offboarding/policies', { name: 'Refunds allowed', refundEligible: true });
      expect(policy.status).toBe(201);
      const { org, entitlement, owner } = await organization('Refunded Co', { cancellationPolicy: policy.body.data.documentId });
      const cancelled = await api.post(`/offboarding/entitlements/${entitlement}/cancel`, { reason: 'customer_request', timing: 'immediate', refund: 'full' });
      expect(cancelled.status).toBe(200);
      // Cancelled, but inside its portal period: the customer may still take their data.
      const { url } = await readyCustomerExport(org, owner.auth);
      const customer = await readZip((await request(h.server).get(url).buffer(true).parse(binary)).body as Buffer);
      const refunds = JSON.parse(customer.find((e) => e.name === 'refunds.json')!.content.toString());
      expect(refunds).toEqual([expect.objectContaining({ entitlement, amount: 10000, currency: 'EUR', mode: 'full', kind: 'refund' })]);
      expect(Object.keys(refunds[0])).not.toContain('actorName');
      expect(JSON.parse(customer.find((e) => e.name === 'manifest.json')!.content.toString()).counts.refunds).toBe(1);
      expect(customer.map((e) => e.content.toString()).join('\n')).not.toContain(h.session.email);

      const adminExport = await api.post(`/offboarding/organizations/${org}/exports`);
      await h.sweep('exports');
      const admin = await readZip((await api.get(`/offboarding/exports/${adminExport.body.data.documentId}/download`).buffer(true).parse(binary)).body as Buffer);
      const adminCsv = admin.find((e) => e.name === 'refunds.csv')!.content.toString();
      expect(adminCsv.split('\n')[0]).toBe('documentId,entitlement,periodStart,periodEnd,amount,currency,mode,kind,createdAt,actorType,actorId,actorName');
      expect(adminCsv).toContain(h.session.email);
    });

    it('neutralises formula cells in the admin CSVs too', async () => {
      const { org, entitlement } = await organization('Formula Co');
      await api.post(`/offboarding/entitlements/${entitlement}/cancel`, { reason: 'other', timing: 'period_end', refund: 'none' });
      for (const number of ['+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']) {
        await h.strapi.documents('api::order.order').create({ data: { number, total: 1, currency: 'EUR', orderedAt: T0, organization: org } });
      }
      const queued = await api.post(`/offboarding/organizations/${org}/exports`);
      await h.sweep('exports');
      const zip = await api.get(`/offboarding/exports/${queued.body.data.documentId}/download`).buffer(true).parse(binary);
      const csv = (await readZip(zip.body as Buffer)).find((e) => e.name === 'data/orders.csv')!.content.toString();
      const numbers = csv.trim().split('\n').slice(1).map((line) => line.split(',')[1]);
      for (const cell of numbers) expect(cell.replace(/^"/, '')).toMatch(/^'/);
      expect(numbers).toHaveLength(5);
    });

    it('the portal serves the same allow-list: none of the planted facts, no admin identity', async () => {
      const { org, entitlement, owner } = await organization('Portal Plant Co', { notes: PLANTED.orgNotes });
      await api.post(`/offboarding/entitlements/${entitlement}/suspend`, { reason: 'manual', notes: PLANTED.suspensionNotes });
      await api.post(`/offboarding/organizations/${org}/retention/hold`, { reason: PLANTED.holdReason });
      const detail = await request(h.server).get(`/api/offboarding/portal/organizations/${org}`).set(owner.auth);
      expect(detail.status).toBe(200);
      const body = JSON.stringify(detail.body);
      for (const secret of [PLANTED.orgNotes, PLANTED.suspensionNotes, PLANTED.holdReason, h.session.email]) expect(body).not.toContain(secret);
      expect(detail.body.data.entitlements[0]).toMatchObject({ status: 'suspended', suspensionReason: 'manual' });
    });
  });

  describe('every path re-checks permission and access', () => {
    it('an admin with only `read` sees exports but gets no download link, and cannot download', async () => {
      const { org } = await organization('Read Only Co');
      const queued = await api.post(`/offboarding/organizations/${org}/exports`, { profile: 'customer' });
      await h.sweep('exports');
      const reader = await h.admin(['read']);
      const seen = await reader.get(`/offboarding/exports/${queued.body.data.documentId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.data.state).toBe('ready');
      expect(seen.body.data.downloadUrl).toBeUndefined();
      expect(JSON.stringify(seen.body)).not.toContain('token=');
      expect((await reader.get(`/offboarding/exports/${queued.body.data.documentId}/download`)).status).toBe(403);
      // With the export permission, the same read carries the link.
      const exporter = await h.admin(['read', 'export']);
      expect((await exporter.get(`/offboarding/exports/${queued.body.data.documentId}`)).body.data.downloadUrl).toMatch(/token=/);
    });

    it('a signed link stops working once the organization is disabled or archived (403), and works again when re-enabled', async () => {
      const { org, entitlement, owner } = await organization('Closing Co');
      const { id, url } = await readyCustomerExport(org, owner.auth);
      expect((await request(h.server).get(url)).status).toBe(200);

      expect((await api.post(`/offboarding/organizations/${org}/disable`, { reason: 'unpaid' })).status).toBe(200);
      const disabled = await request(h.server).get(url);
      expect(disabled.status).toBe(403);
      expect(disabled.body.error.details.reason).toBe('disabled');
      const status = await request(h.server).get(`/api/offboarding/portal/exports/${id}`).set(owner.auth);
      expect(status.status).toBe(403);
      expect(JSON.stringify(status.body)).not.toContain('token=');

      expect((await api.post(`/offboarding/organizations/${org}/enable`, {})).status).toBe(200);
      expect((await request(h.server).get(url)).status).toBe(200);

      await api.post(`/offboarding/entitlements/${entitlement}/cancel`, { reason: 'other', timing: 'immediate', refund: 'none' });
      expect((await api.post(`/offboarding/organizations/${org}/archive`)).status).toBe(200);
      const archived = await request(h.server).get(url);
      expect(archived.status).toBe(403);
      expect(archived.body.error.details.reason).toBe('archived');
      expect((await request(h.server).get(`/api/offboarding/portal/exports/${id}`).set(owner.auth)).status).toBe(403);
    });

    it("a collaborator's link stops working once they leave the organization; an admin's handed-over link does not depend on them", async () => {
      const { org, owner } = await organization('Leaver Co');
      const { id, url } = await readyCustomerExport(org, owner.auth);
      const adminLink = (await api.get(`/offboarding/exports/${id}`)).body.data.downloadUrl as string;
      expect((await request(h.server).get(url)).status).toBe(200);
      const user = await h.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: owner.email } });
      expect((await api.delete(`/offboarding/organizations/${org}/collaborators/${user.documentId}`)).status).toBe(200);
      const refused = await request(h.server).get(url);
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.reason).toBe('not_a_collaborator');
      expect((await request(h.server).get(`/api/offboarding/portal/exports/${id}`).set(owner.auth)).status).toBe(404);
      expect((await request(h.server).get(adminLink)).status).toBe(200);
    });

    it('a signed link of a deleted organization is gone (410)', async () => {
      const { org, owner } = await organization('Deleted Co');
      const { url } = await readyCustomerExport(org, owner.auth);
      expect((await api.delete(`/offboarding/organizations/${org}?confirm=${encodeURIComponent('Deleted Co')}`)).status).toBe(200);
      expect((await request(h.server).get(url)).status).toBe(410);
    });

    it('a collaborator never sees an admin export of their own organization, nor gets a link to one', async () => {
      const { org, owner } = await organization('Admin Only Co');
      const adminExport = await api.post(`/offboarding/organizations/${org}/exports`);
      await h.sweep('exports');
      const id = adminExport.body.data.documentId as string;
      expect((await request(h.server).get(`/api/offboarding/portal/exports/${id}`).set(owner.auth)).status).toBe(404);
      // Even a validly signed token for an admin export is refused.
      const row = await h.strapi.plugin('offboarding').service('export').findOne(id);
      expect(() => h.strapi.plugin('offboarding').service('export').signedToken(row)).toThrow(/customer export/);
    });
  });

  describe('bounded work per requester', () => {
    it('15 simultaneous requests from a collaborator queue one export; the rest answer it with 200', async () => {
      const { org, owner } = await organization('Stampede Co');
      const answers = await Promise.all(Array.from({ length: 15 }, () => portalExport(org, owner.auth)));
      expect(answers.map((a) => a.status).sort()).toEqual([...Array(14).fill(200), 202].sort());
      expect(new Set(answers.map((a) => a.body.data.documentId)).size).toBe(1);
      expect(answers[0].body.data.requestedByName).toBeUndefined();
      // Admins have an open export of their own kind, decided apart from the collaborators'.
      const adminAnswers = await Promise.all(Array.from({ length: 15 }, () => api.post(`/offboarding/organizations/${org}/exports`)));
      expect(adminAnswers.filter((a) => a.status === 202)).toHaveLength(1);
      expect(adminAnswers.filter((a) => a.status === 200)).toHaveLength(14);
      const listed = await api.get(`/offboarding/organizations/${org}/exports`);
      expect(listed.body.meta.pagination.total).toBe(2);
    });

    it(`a collaborator gets ${5} exports per organization a day; then 429 with Retry-After`, async () => {
      const { org, owner } = await organization('Greedy Co');
      for (let i = 0; i < 5; i += 1) {
        h.clock.freeze(new Date(Date.parse(T0) + i * 60_000));
        expect((await portalExport(org, owner.auth)).status).toBe(202);
        await h.sweep('exports');
      }
      h.clock.freeze(new Date(Date.parse(T0) + 10 * 60_000));
      const refused = await portalExport(org, owner.auth);
      expect(refused.status).toBe(429);
      expect(refused.body.error.message).toMatch(/5 data exports per organization in 24 hours/);
      // The first request leaves the 24-hour window 24 h after it was made: 23 h 50 min from now.
      expect(Number(refused.headers['retry-after'])).toBe(DAY / 1000 - 10 * 60);
      // Admins are not limited.
      expect((await api.post(`/offboarding/organizations/${org}/exports`)).status).toBe(202);
      h.clock.freeze(new Date(Date.parse(T0) + DAY + 1000));
      expect((await portalExport(org, owner.auth)).status).toBe(202);
      h.clock.freeze(T0);
    });

    it('the admin export list is paginated, not capped at 50', async () => {
      const { org } = await organization('Many Exports Co');
      await h.strapi.db.query('plugin::offboarding.data-export').createMany({
        data: Array.from({ length: 60 }, () => ({ organization: org, organizationName: 'Many Exports Co', profile: 'admin', state: 'expired', requestedByType: 'admin' })),
      });
      const pages = await Promise.all([1, 2, 3].map((page) => api.get(`/offboarding/organizations/${org}/exports?page=${page}&pageSize=25`)));
      expect(pages.map((p) => p.body.data.length)).toEqual([25, 25, 10]);
      expect(pages[0].body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 3, total: 60 });
      const ids = pages.flatMap((p) => p.body.data.map((e: { documentId: string }) => e.documentId));
      expect(new Set(ids).size).toBe(60);
      expect((await api.get(`/offboarding/organizations/${org}/exports?page=9`)).body.data).toEqual([]);
    });
  });
});
