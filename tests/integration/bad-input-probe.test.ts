import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { startStrapi } from '../helpers/strapi';
import { adminClient, createAdmin, type AdminClient } from '../helpers/admin';

let strapi: Core.Strapi;
let cleanup: () => Promise<void>;
let api: AdminClient;

beforeAll(async () => {
  ({ strapi, cleanup } = await startStrapi('bad-input-probe'));
  api = adminClient(strapi, await createAdmin(strapi));
}, 120_000);
afterAll(async () => cleanup());

it('probe', async () => {
  const out: unknown[] = [];
  const show = (label: string, res: request.Response) => out.push([label, res.status, res.body]);
  const org = await api.post('/offboarding/organizations', { name: 'Acme' });
  show('create', org);
  const id = org.body.data.documentId;
  show('unknown', await api.post('/offboarding/organizations', { name: 'x', bogus: 1 }));
  show('name5', await api.post('/offboarding/organizations', { name: 5 }));
  show('array', await api.post('/offboarding/organizations', [1, 2]));
  show('string', await request(strapi.server.httpServer).post('/offboarding/organizations').set('Authorization', api.get('/').get('Authorization') ?? '').set('Content-Type', 'application/json').send('"hello"'));
  show('404', await api.get('/offboarding/organizations/nope'));
  show('pageSize', await api.get('/offboarding/organizations?pageSize=1000&page=0&foo=1'));
  show('enable', await api.post(`/offboarding/organizations/${id}/enable`, {}));
  show('noauth', await request(strapi.server.httpServer).get('/offboarding/organizations'));
  show('del', await api.delete(`/offboarding/organizations/${id}`));
  show('ent', await api.post(`/offboarding/organizations/${id}/entitlements`, { class: 'XYZ', price: '12', currency: 'eur', billingPeriod: 'week', currentPeriodStart: 'yesterday', currentPeriodEnd: '2027-13-45' }));
  expect(JSON.stringify(out, null, 1)).toBe('');
});
