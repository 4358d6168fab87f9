/**
 * GET /offboarding/audit (docs/spec.md §7): every organization's audit events, newest first, a
 * page at a time, filtered by organization, action, actor type and window; each row names its
 * organization and its actor (the admin's name today, not an id). RBAC read (rbac.test.ts) and
 * bad input (bad-input.test.ts) are covered there.
 */
import type { AuditLogEntry } from '../../src/plugins/offboarding/shared/contracts/insights';
import type { Pagination } from '../../src/plugins/offboarding/shared/contracts/entities';
import { data, monthly, useHarness } from '../helpers/harness';

const h = useHarness('audit-log', { now: '2027-01-11T00:00:00.000Z' });
const { api } = h;
const AUDIT = '/offboarding/audit';

const list = async (query = '') => {
  const res = await api.get(`${AUDIT}${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body as { data: AuditLogEntry[]; meta: { pagination: Pagination } };
};

let alpha: string;
let beta: string;
let ent: string;
let adminName: string;
let otherName: string;

beforeAll(async () => {
  alpha = (await h.organization({ name: 'Alpha Audit' })).documentId;
  beta = (await h.organization({ name: 'Beta Audit' })).documentId;
  ent = (await h.entitlement(alpha, monthly())).documentId;
  await data(api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'too_expensive', timing: 'immediate' }), 200);
  // Another admin, with a name of their own, acts on Beta.
  const other = await h.admin(['read', 'access']);
  await data(other.post(`/offboarding/organizations/${beta}/disable`, { reason: 'unpaid' }), 200);
  const name = async (email: string) => {
    const user = (await h.strapi.db.query('admin::user').findOne({ where: { email } })) as { firstname: string; lastname: string };
    return `${user.firstname} ${user.lastname}`;
  };
  adminName = await name(h.session.email);
  otherName = await name(other.session.email);
});

it('lists every organization\'s events newest first, with the organization\'s and the admin\'s names', async () => {
  const { data: rows, meta } = await list();
  expect(rows.map((row) => `${row.organization?.name ?? '-'} ${row.action}`)).toEqual([
    'Beta Audit organization.access_disabled',
    'Alpha Audit entitlement.cancelled',
    'Alpha Audit entitlement.created',
    'Beta Audit organization.created',
    'Alpha Audit organization.created',
  ]);
  expect(meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 5 });
  expect(rows[0]).toMatchObject({ organization: { documentId: beta, name: 'Beta Audit' }, actor: { type: 'admin', name: otherName }, targetType: 'organization' });
  expect(rows[1]).toMatchObject({ actor: { type: 'admin', name: adminName }, targetType: 'entitlement', targetId: ent, reason: 'too_expensive' });
  expect(rows[1].actor.name).not.toContain('@');
});

it('filters by organization, action, actor type and window, and pages', async () => {
  expect((await list(`organization=${beta}`)).data.map((row) => row.action)).toEqual(['organization.access_disabled', 'organization.created']);
  expect((await list('action=entitlement.cancelled')).data.map((row) => row.organization?.documentId)).toEqual([alpha]);
  expect((await list('actorType=job')).data).toEqual([]);
  // Events are stamped by the database's clock (now), not the plugin's frozen one.
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  expect((await list(`from=${today}&to=${today}`)).meta.pagination.total).toBe(5);
  expect((await list(`from=${tomorrow}`)).data).toEqual([]);
  const second = await list('pageSize=2&page=2');
  expect(second.data.map((row) => row.action)).toEqual(['entitlement.created', 'organization.created']);
  expect(second.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
});

it('keeps the events of a deleted organization, without a name to link to', async () => {
  const gone = await h.organization({ name: 'Gone Audit' });
  await data(api.delete(`/offboarding/organizations/${gone.documentId}?confirm=${encodeURIComponent('Gone Audit')}`), 200);
  const rows = (await list(`organization=${gone.documentId}`)).data;
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.organization?.documentId === gone.documentId && row.organization.name === null)).toBe(true);
});
