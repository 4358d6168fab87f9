/**
 * docs/spec.md §9: signed-link tokens are never written to logs. Strapi's request log
 * (`strapi::logger`, level http) prints each request's URL; the plugin rewrites the token
 * out of it. Everything the logger emits during the requests is captured by a transport.
 */
import request from 'supertest';
import Transport from 'winston-transport';
import { invitationTokenOf, useHarness } from '../helpers/harness';
import { binary } from '../helpers/zip';

class Capture extends Transport {
  lines: string[] = [];

  override log(info: unknown, done: () => void) {
    this.lines.push(JSON.stringify(info));
    done();
  }
}

const h = useHarness('log-redaction');
const { api } = h;
let capture: Capture;
let level: string;
let muted: Transport[];

beforeAll(() => {
  const { log } = h.strapi;
  // The app's own transports stay quiet; only the capture hears the http level.
  muted = log.transports.filter((transport) => !transport.silent);
  muted.forEach((transport) => (transport.silent = true));
  capture = new Capture({ level: 'silly' });
  log.add(capture);
  level = log.level;
  log.level = 'http';
});

h.teardown(() => {
  h.strapi.log.level = level;
  h.strapi.log.remove(capture);
  muted.forEach((transport) => (transport.silent = false));
});

beforeEach(() => {
  capture.lines = [];
});

const requestLines = () => capture.lines.filter((line) => line.includes('/exports/download'));

it('a valid signed link downloads, and the request log shows [redacted] instead of its token', async () => {
  const org = (await api.post('/offboarding/organizations', { name: 'Log Co', email: 'dpo@log.test' })).body.data.documentId as string;
  const queued = await api.post(`/offboarding/organizations/${org}/exports`, { profile: 'customer' });
  expect(queued.status).toBe(202);
  expect((await api.post('/offboarding/jobs/exports/run')).status).toBe(200);
  const ready = (await api.get(`/offboarding/exports/${queued.body.data.documentId as string}`)).body.data as { downloadUrl?: string };
  expect(ready.downloadUrl).toMatch(/^\/api\/offboarding\/exports\/download\?token=/);
  const token = new URL(ready.downloadUrl!, 'http://x').searchParams.get('token')!;
  capture.lines = [];

  const res = await request(h.server).get(ready.downloadUrl!).buffer(true).parse(binary);
  expect(res.status).toBe(200);

  expect(requestLines()).toHaveLength(1);
  expect(requestLines()[0]).toContain('/api/offboarding/exports/download?token=[redacted]');
  expect(capture.lines.join('\n')).not.toContain(token);
  expect(capture.lines.join('\n')).not.toContain(encodeURIComponent(token));
});

it.each([
  ['an invalid token', 'token=forged-token-value-123.abcdef', 403, 'forged-token-value-123'],
  ['a token given twice', 'token=first-secret-777&token=second-secret-888', 400, 'secret-'],
  ['an encoded key', '%74oken=encoded-secret-999', 403, 'encoded-secret-999'],
  ['an array token', 'token[]=array-secret-555', 400, 'array-secret-555'],
  ['a token after another parameter', 'x=1&token=trailing-secret-444', 400, 'trailing-secret-444'],
])('%s: refused, and the log shows no part of it', async (_title, query, status, secret) => {
  const res = await request(h.server).get(`/api/offboarding/exports/download?${query}`);
  expect(res.status).toBe(status);
  expect(requestLines()).toHaveLength(1);
  expect(requestLines()[0]).toContain('[redacted]');
  expect(capture.lines.join('\n')).not.toContain(secret);
});

it('the request log still shows other URLs as they were', async () => {
  await api.get('/offboarding/organizations?page=1&pageSize=5');
  expect(capture.lines.some((line) => line.includes('/offboarding/organizations?page=1&pageSize=5'))).toBe(true);
});

describe('invitation links (docs/spec.md §12): the token is in the path', () => {
  const invitationLines = () => capture.lines.filter((line) => line.includes('/portal/invitations/'));

  it('a real link is shown, and the log shows [redacted] instead of its token', async () => {
    const org = (await api.post('/offboarding/organizations', { name: 'Invite Log Co' })).body.data.documentId as string;
    const invited = await api.post(`/offboarding/organizations/${org}/invitations`, { email: 'invitee@log.test', role: 'member' });
    expect(invited.status).toBe(201);
    const token = await invitationTokenOf(h.strapi, invited.body.data.documentId as string);
    capture.lines = [];

    const res = await request(h.server).get(`/api/offboarding/portal/invitations/${token}`);
    expect(res.status).toBe(200);
    const bad = await request(h.server).get(`/api/offboarding/portal/invitations/${token}x?token=${token}`);
    expect(bad.status).toBe(400);

    expect(invitationLines()).toHaveLength(2);
    expect(invitationLines()[0]).toContain('/api/offboarding/portal/invitations/[redacted]');
    expect(capture.lines.join('\n')).not.toContain(token);
    expect(capture.lines.join('\n')).not.toContain(token.slice(0, 20));
  });

  it.each([
    ['forged', 'forged-invitation-secret-0000000000000000000'],
    ['too long', `long-invitation-secret-${'z'.repeat(200)}`],
    ['encoded', 'enc%2Finvitation-secret-1234'],
  ])('a %s token: refused, and the log shows no part of it', async (_title, token) => {
    const res = await request(h.server).get(`/api/offboarding/portal/invitations/${token}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(capture.lines.join('\n')).not.toContain('invitation-secret');
  });

  it('the accept route (its token is in the body) is logged as it is', async () => {
    await request(h.server).post('/api/offboarding/portal/invitations/accept').send({ token: 'a'.repeat(43) });
    expect(invitationLines().some((line) => line.includes('/portal/invitations/accept'))).toBe(true);
  });
});
