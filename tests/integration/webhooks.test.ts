/**
 * Issue 13, the plugin's webhooks (docs/spec.md §10) with real parts only: a real HTTP receiver
 * started here checks every signature with the endpoint's secret, fails the first attempts to
 * prove the retries (the plugin clock moves, the webhooks sweep runs as POST
 * /offboarding/jobs/webhooks/run does), takes a redelivery and a test ping; rotation, disabling
 * after 3 days, personal data left out, the SSRF rules, and Strapi's own webhooks subscribed to
 * an offboarding event.
 */
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '../../src/plugins/offboarding/shared/contracts/webhooks';
import type { DomainEvent } from '../../src/plugins/offboarding/shared/contracts/events';
import { DAY, NOW, cancelNow, expectStatus, plusDays, useHarness } from '../helpers/harness';
import { parseSignature, startReceiver, verifiedBy, type Receiver } from '../helpers/receiver';
import http from 'http';
import type { AddressInfo, Socket } from 'net';

const h = useHarness('webhooks', { now: NOW, refreeze: 'once' });
const HOOKS = '/offboarding/webhooks';
const MINUTE = 60_000;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

const webhooksConfig = () => h.strapi.config.get('plugin::offboarding.webhooks') as Record<string, unknown>;
const setWebhooksConfig = (patch: Record<string, unknown>) => h.strapi.config.set('plugin::offboarding.webhooks', { ...webhooksConfig(), ...patch });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the webhooks sweep; on SQLite a sweep kicked by a redelivery may hold its lease a moment. */
const sweep = async () => {
  for (let i = 0; i < 40; i += 1) {
    const res = await h.api.post('/offboarding/jobs/webhooks/run', {});
    expectStatus(res, 200);
    if (res.body.data.ran) return res.body.data as { processed: number; performed: number; noop: number; failed: number };
    await sleep(50);
  }
  throw new Error('the webhooks sweep never ran');
};

/** Sweeps until `done` holds (a kicked sweep may have done the work already). */
const until = async (done: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 40; i += 1) {
    if (await done()) return;
    await sweep();
    if (await done()) return;
    await sleep(50);
  }
  throw new Error('condition never held');
};

const createHook = async (body: Record<string, unknown>): Promise<WebhookEndpointWithSecret> => {
  const res = await h.api.post(HOOKS, body);
  expectStatus(res, 201);
  return res.body.data;
};

const deliveriesOf = async (endpoint: string, query = ''): Promise<WebhookDelivery[]> => {
  const res = await h.api.get(`${HOOKS}/${endpoint}/deliveries?pageSize=100${query}`);
  expectStatus(res, 200);
  return res.body.data;
};

const endpointOf = async (documentId: string): Promise<WebhookEndpoint> => {
  const res = await h.api.get(`${HOOKS}?pageSize=100`);
  expectStatus(res, 200);
  return (res.body.data as WebhookEndpoint[]).find((e) => e.documentId === documentId) as WebhookEndpoint;
};

/** An organization with one monthly entitlement, cancelled now: one `entitlement.cancelled`. */
const cancelOne = async (input: Record<string, unknown> = {}, notes?: string) => {
  const org = await h.organization(input);
  const ent = await h.entitlement(org.documentId);
  if (notes) expectStatus(await h.api.post(`/offboarding/entitlements/${ent.documentId}/cancel`, { reason: 'customer_request', timing: 'immediate', notes }), 200);
  else expectStatus(await cancelNow(h.api, ent.documentId), 200);
  return { org, ent };
};

describe('signed deliveries, retried with backoff', () => {
  it('fails twice, is retried after 1 and 5 minutes of plugin time, then delivered; every attempt signed', async () => {
    h.clock.freeze(NOW);
    const hook = await createHook({ url: receiver.url('/retry'), events: ['entitlement.cancelled'], description: 'billing' });
    expect(hook.secret).toMatch(/^whsec_/);
    receiver.fail('/retry', 500, 503);
    const { org, ent } = await cancelOne();

    expect((await sweep()).performed).toBe(1);
    let [delivery] = await deliveriesOf(hook.documentId);
    expect(delivery).toMatchObject({ state: 'pending', eventType: 'entitlement.cancelled', organization: { documentId: org.documentId, name: org.name } });
    expect(delivery.attempts).toEqual([expect.objectContaining({ responseCode: 500, error: 'HTTP 500' })]);
    expect(delivery.nextAttemptAt).toBe(new Date(Date.parse(NOW) + MINUTE).toISOString());
    // Not due yet: nothing is sent.
    expect((await sweep()).processed).toBe(0);

    h.clock.advance(MINUTE);
    expect((await sweep()).performed).toBe(1);
    [delivery] = await deliveriesOf(hook.documentId);
    expect(delivery.attempts.map((a) => a.responseCode)).toEqual([500, 503]);
    expect(delivery.nextAttemptAt).toBe(new Date(Date.parse(NOW) + 6 * MINUTE).toISOString());

    h.clock.advance(5 * MINUTE);
    expect((await sweep()).performed).toBe(1);
    [delivery] = await deliveriesOf(hook.documentId);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => a.responseCode)).toEqual([500, 503, 200]);
    expect(delivery.deliveredAt).toBe(new Date(Date.parse(NOW) + 6 * MINUTE).toISOString());

    const got = receiver.at('/retry');
    expect(got).toHaveLength(3);
    for (const r of got) {
      expect(verifiedBy(r, hook.secret)).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['offboarding-event-type']).toBe('entitlement.cancelled');
      expect(r.headers['offboarding-event-id']).toBe(String(delivery.eventId));
      expect(parseSignature(r.headers['offboarding-signature']).v1).toHaveLength(1);
    }
    // A tampered body fails the check.
    expect(verifiedBy({ ...got[2], body: got[2].body.replace('cancelled', 'active') }, hook.secret)).toBe(false);
    // The body is the event as the event log shows it.
    const log = await h.api.get(`/offboarding/events?organization=${org.documentId}&type=entitlement.cancelled`);
    const [event] = log.body.data as DomainEvent[];
    expect(got[2].json).toMatchObject({ id: event.id, type: 'entitlement.cancelled', sequence: event.sequence, target: { type: 'entitlement', documentId: ent.documentId } });

    const endpoint = await endpointOf(hook.documentId);
    expect(endpoint.failingSince).toBeNull();
    expect(endpoint.deliveries).toEqual({ pending: 0, failed: 0, lastDeliveredAt: delivery.deliveredAt });
  });

  it('redelivers a delivered delivery now, keeping its attempts', async () => {
    const hook = await createHook({ url: receiver.url('/redeliver'), events: ['entitlement.cancelled'] });
    await cancelOne();
    await until(() => receiver.at('/redeliver').length === 1);
    const [delivery] = await deliveriesOf(hook.documentId);
    expect(delivery.state).toBe('delivered');
    // Pending again at once; a second redelivery meanwhile is refused, not queued twice.
    const res = await h.api.post(`${HOOKS}/deliveries/${delivery.documentId}/redeliver`, {});
    expectStatus(res, 202);
    await until(() => receiver.at('/redeliver').length === 2);
    const [again] = await deliveriesOf(hook.documentId);
    expect(again.state).toBe('delivered');
    expect(again.attempts).toHaveLength(2);
    const [first, second] = receiver.at('/redeliver');
    expect(second.json.id).toBe(first.json.id);
    expect(verifiedBy(second, hook.secret)).toBe(true);
    expectStatus(await h.api.post(`${HOOKS}/deliveries/nosuchdelivery/redeliver`, {}), 404);
  });

  it('sends a test ping to that endpoint only', async () => {
    const hook = await createHook({ url: receiver.url('/ping'), events: ['organization.created'] });
    const other = await createHook({ url: receiver.url('/ping-other'), events: ['*'] });
    const res = await h.api.post(`${HOOKS}/${hook.documentId}/test`, {});
    expectStatus(res, 202);
    expect(res.body.data).toMatchObject({ eventType: 'ping', state: 'pending', endpoint: hook.documentId });
    await until(() => receiver.at('/ping').length === 1);
    const [ping] = receiver.at('/ping');
    expect(ping.headers['offboarding-event-type']).toBe('ping');
    expect(ping.json).toMatchObject({ type: 'ping', organization: null, target: { type: 'webhook-endpoint', documentId: hook.documentId } });
    expect(verifiedBy(ping, hook.secret)).toBe(true);
    expect(receiver.at('/ping-other')).toHaveLength(0);
    // A ping is no domain event: the event log does not list it.
    const log = await h.api.get('/offboarding/events?pageSize=100');
    expect((log.body.data as DomainEvent[]).some((e) => (e.type as string) === 'ping')).toBe(false);
    expectStatus(await h.api.delete(`${HOOKS}/${other.documentId}`), 200);
  });
});

describe('secret rotation', () => {
  it('signs with both secrets for 24 h of plugin time, then with the new one only', async () => {
    h.clock.freeze(plusDays(NOW, 10));
    const hook = await createHook({ url: receiver.url('/rotate'), events: ['entitlement.cancelled'] });
    const rotated = await h.api.post(`${HOOKS}/${hook.documentId}/rotate-secret`, {});
    expectStatus(rotated, 200);
    const secret = rotated.body.data.secret as string;
    expect(secret).not.toBe(hook.secret);
    expect(rotated.body.data.previousSecretExpiresAt).toBe(new Date(Date.parse(plusDays(NOW, 11))).toISOString());

    await cancelOne();
    await until(() => receiver.at('/rotate').length === 1);
    const [during] = receiver.at('/rotate');
    expect(parseSignature(during.headers['offboarding-signature']).v1).toHaveLength(2);
    expect(verifiedBy(during, secret)).toBe(true);
    expect(verifiedBy(during, hook.secret)).toBe(true);

    h.clock.advance(DAY + 1000);
    await cancelOne();
    await until(() => receiver.at('/rotate').length === 2);
    const after = receiver.at('/rotate')[1];
    expect(parseSignature(after.headers['offboarding-signature']).v1).toHaveLength(1);
    expect(verifiedBy(after, secret)).toBe(true);
    expect(verifiedBy(after, hook.secret)).toBe(false);
    expect((await endpointOf(hook.documentId)).previousSecretExpiresAt).toBeNull();
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });
});

describe('an endpoint that keeps failing', () => {
  it('gives a delivery up 3 days after its first attempt and disables the endpoint; enabling it clears that', async () => {
    h.clock.freeze(plusDays(NOW, 20));
    const start = Date.parse(plusDays(NOW, 20));
    const hook = await createHook({ url: receiver.url('/down'), events: ['entitlement.cancelled'] });
    receiver.failAlways('/down', 500);
    await cancelOne();
    const waits: number[] = [];
    let last = start;
    for (let i = 0; i < 30; i += 1) {
      const [delivery] = await deliveriesOf(hook.documentId);
      if (delivery.state !== 'pending') break;
      if (delivery.nextAttemptAt) {
        const due = Date.parse(delivery.nextAttemptAt);
        if (delivery.attempts.length) waits.push(due - last);
        last = due;
        h.clock.freeze(due);
      }
      await sweep();
    }
    expect(waits.slice(0, 5)).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE]);
    const [delivery] = await deliveriesOf(hook.documentId, '&state=failed');
    expect(delivery.state).toBe('failed');
    expect(Date.parse(delivery.attempts[delivery.attempts.length - 1].at)).toBe(start + 3 * DAY);
    expect(delivery.attempts.every((a) => a.responseCode === 500)).toBe(true);

    const endpoint = await endpointOf(hook.documentId);
    expect(endpoint.enabled).toBe(false);
    expect(endpoint.disabledAt).toBe(new Date(start + 3 * DAY).toISOString());
    expect(endpoint.disabledReason).toMatch(/3 days/);
    expect(endpoint.failingSince).toBe(new Date(start).toISOString());
    expect(endpoint.deliveries.failed).toBe(1);

    // Disabled: a new event queues nothing for it.
    const before = receiver.at('/down').length;
    await cancelOne();
    await sweep();
    expect(receiver.at('/down')).toHaveLength(before);
    expect(await deliveriesOf(hook.documentId)).toHaveLength(1);

    const res = await h.api.put(`${HOOKS}/${hook.documentId}`, { enabled: true });
    expectStatus(res, 200);
    expect(res.body.data).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, failingSince: null });
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });
});

describe('data minimisation', () => {
  it('leaves personal data and internal notes out unless the endpoint includes personal data', async () => {
    h.clock.freeze(plusDays(NOW, 30));
    const SECRETS = { email: 'ceo@private.example', phone: '+44 20 7946 0111', address: '1 Private Road', taxId: 'GB-PRIVATE-999', notes: 'Private internal note', cancel: 'Private cancellation note' };
    const lean = await createHook({ url: receiver.url('/lean'), events: ['*'] });
    const full = await createHook({ url: receiver.url('/full'), events: ['*'], includePersonalData: true });
    const { org } = await cancelOne({ email: SECRETS.email, phone: SECRETS.phone, address: SECRETS.address, taxId: SECRETS.taxId, notes: SECRETS.notes }, SECRETS.cancel);
    const ofOrg = (path: string) => receiver.at(path).filter((r) => (r.json.organization as { documentId?: string } | null)?.documentId === org.documentId);
    await until(() => ofOrg('/lean').length >= 3 && ofOrg('/full').length >= 3);

    const leanText = ofOrg('/lean').map((r) => r.body).join('\n');
    const fullText = ofOrg('/full').map((r) => r.body).join('\n');
    for (const value of Object.values(SECRETS)) {
      expect(leanText).not.toContain(value);
      expect(fullText).toContain(value);
    }
    const created = ofOrg('/lean').find((r) => r.json.type === 'organization.created');
    expect(created?.json.data).toMatchObject({ documentId: org.documentId, name: org.name });
    expect(created?.json.data).not.toHaveProperty('email');
    const cancelled = ofOrg('/lean').find((r) => r.json.type === 'entitlement.cancelled');
    expect(cancelled?.json.data).toMatchObject({ status: 'cancelled' });
    expect(cancelled?.json.data).not.toHaveProperty('cancellationNotes');
    expect(cancelled?.json.data?.changed).toEqual(expect.arrayContaining(['status']));
    for (const r of ofOrg('/lean')) expect(verifiedBy(r, lean.secret)).toBe(true);
    for (const hook of [lean, full]) expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });
});

describe('attacks and bad input', () => {
  it('never shows a secret outside the create and rotate answers', async () => {
    const hook = await createHook({ url: receiver.url('/secret'), events: ['entitlement.cancelled'] });
    await cancelOne();
    await until(() => receiver.at('/secret').length === 1);
    const rotated = (await h.api.post(`${HOOKS}/${hook.documentId}/rotate-secret`, {})).body.data.secret as string;
    const answers = [
      await h.api.get(HOOKS),
      await h.api.get(`${HOOKS}/${hook.documentId}/deliveries`),
      await h.api.put(`${HOOKS}/${hook.documentId}`, { description: 'changed' }),
      await h.api.get('/offboarding/events?pageSize=100'),
      await h.api.get('/offboarding/tasks?pageSize=100'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(hook.secret);
      expect(text).not.toContain(rotated);
      expect(text).not.toMatch(/"(secret|previousSecret)"/);
    }
    const deleted = await h.api.delete(`${HOOKS}/${hook.documentId}`);
    expectStatus(deleted, 200);
    expect(JSON.stringify(deleted.body)).not.toContain(rotated);
  });

  it('refuses an admin without the settings permission (403) on every webhook route', async () => {
    const reader = await h.admin(['read', 'manage', 'cancel']);
    const hook = await createHook({ url: receiver.url('/rbac'), events: ['*'] });
    const tries = [
      reader.get(HOOKS),
      reader.post(HOOKS, { url: receiver.url('/rbac2'), events: ['*'] }),
      reader.put(`${HOOKS}/${hook.documentId}`, { enabled: false }),
      reader.delete(`${HOOKS}/${hook.documentId}`),
      reader.post(`${HOOKS}/${hook.documentId}/rotate-secret`, {}),
      reader.get(`${HOOKS}/${hook.documentId}/deliveries`),
      reader.post(`${HOOKS}/${hook.documentId}/test`, {}),
      reader.post(`${HOOKS}/deliveries/whatever/redeliver`, {}),
    ];
    for (const res of await Promise.all(tries)) expect(res.status).toBe(403);
    expect((await endpointOf(hook.documentId)).enabled).toBe(true);
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });

  it('answers bad input with a 400 naming the field and creates nothing', async () => {
    const total = async () => (await h.api.get(HOOKS)).body.meta.pagination.total as number;
    const count = await total();
    const ok = { url: 'https://hooks.example.com/in', events: ['entitlement.cancelled'] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, url: 'ftp://hooks.example.com/in' }, 'url'],
      [{ ...ok, url: 'javascript:alert(1)' }, 'url'],
      [{ ...ok, url: 'not a url' }, 'url'],
      [{ ...ok, url: `https://${'a'.repeat(2100)}.example.com/` }, 'url'],
      [{ ...ok, events: ['entitlement.exploded'] }, 'events'],
      [{ ...ok, events: [] }, 'events'],
      [{ ...ok, events: ['*', 'entitlement.cancelled'] }, 'events'],
      [{ url: ok.url }, 'events'],
      [{ ...ok, description: 'x'.repeat(501) }, 'description'],
      [{ ...ok, secret: 'mine' }, 'secret'],
      [{ ...ok, includePersonalData: 'yes' }, 'includePersonalData'],
    ];
    for (const [body, field] of cases) {
      const res = await h.api.post(HOOKS, body);
      expectStatus(res, 400);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
    expect(await total()).toBe(count);
    const hook = await createHook(ok);
    const res = await h.api.put(`${HOOKS}/${hook.documentId}`, { events: [] });
    expectStatus(res, 400);
    expect(JSON.stringify(res.body.error)).toContain('events');
    expect((await endpointOf(hook.documentId)).events).toEqual(['entitlement.cancelled']);
    expectStatus(await h.api.get(`${HOOKS}/${hook.documentId}/deliveries?state=lost`), 400);
    expectStatus(await h.api.put(`${HOOKS}/nosuchhook`, { enabled: false }), 404);
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });

  it('refuses private, loopback and link-local hosts and plain http when the config says so, on save and at send time', async () => {
    const saved = webhooksConfig();
    // Created while private networks are allowed (development), refused once they are not.
    const early = await createHook({ url: receiver.url('/ssrf'), events: ['entitlement.cancelled'] });
    try {
      setWebhooksConfig({ allowPrivateNetworks: false });
      const count = (await h.api.get(HOOKS)).body.meta.pagination.total;
      for (const url of [
        receiver.url('/ssrf'),
        `http://localhost:${receiver.port}/ssrf`,
        'http://[::1]/',
        'http://[::ffff:127.0.0.1]/',
        'http://[::ffff:7f00:1]/',
        'http://169.254.169.254/latest/meta-data/',
        'http://0.0.0.0/',
        'http://10.1.2.3/',
        'http://192.168.1.1/',
        'http://172.16.0.1/',
        'http://[fe80::1]/',
        'http://[fd00::1]/',
      ]) {
        const res = await h.api.post(HOOKS, { url, events: ['*'] });
        expectStatus(res, 400);
        expect(JSON.stringify(res.body.error)).toContain('url');
      }
      expectStatus(await h.api.put(`${HOOKS}/${early.documentId}`, { url: `http://localhost:${receiver.port}/x` }), 400);
      expect((await h.api.get(HOOKS)).body.meta.pagination.total).toBe(count);

      // At send time: the attempt is refused before any byte reaches the receiver.
      await cancelOne();
      await sweep();
      const [delivery] = await deliveriesOf(early.documentId);
      expect(delivery.attempts[0]).toMatchObject({ responseCode: null });
      expect(delivery.attempts[0].error).toMatch(/private, loopback or link-local/);
      expect(receiver.at('/ssrf')).toHaveLength(0);

      setWebhooksConfig({ allowPrivateNetworks: true, allowInsecure: false });
      const insecure = await h.api.post(HOOKS, { url: receiver.url('/ssrf'), events: ['*'] });
      expectStatus(insecure, 400);
      expect(JSON.stringify(insecure.body.error)).toContain('url');
    } finally {
      h.strapi.config.set('plugin::offboarding.webhooks', saved);
      expectStatus(await h.api.delete(`${HOOKS}/${early.documentId}`), 200);
    }
  });

  it('deleting an endpoint cancels its pending deliveries', async () => {
    const hook = await createHook({ url: receiver.url('/deleted'), events: ['entitlement.cancelled'] });
    await cancelOne();
    const [pending] = await deliveriesOf(hook.documentId);
    expect(pending.state).toBe('pending');
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
    await sweep();
    expect(receiver.at('/deleted')).toHaveLength(0);
    const tasks = await h.api.get(`/offboarding/tasks?targetId=${pending.documentId}`);
    expectStatus(tasks, 200);
    expect(tasks.body.data).toEqual([expect.objectContaining({ state: 'cancelled', outcome: 'endpoint deleted' })]);
  });
});

describe("Strapi's own webhooks", () => {
  it('fire for offboarding.entitlement.cancelled, subscribed through POST /admin/webhooks', async () => {
    const res = await h.api.post('/admin/webhooks', { name: 'offboarding', url: receiver.url('/strapi'), headers: {}, events: ['offboarding.entitlement.cancelled'] });
    expectStatus(res, 201);
    const { ent } = await cancelOne();
    for (let i = 0; i < 100 && !receiver.at('/strapi').length; i += 1) await sleep(50);
    const [hook] = receiver.at('/strapi');
    expect(hook.headers['x-strapi-event']).toBe('offboarding.entitlement.cancelled');
    expect(hook.json).toMatchObject({ event: 'offboarding.entitlement.cancelled', type: 'entitlement.cancelled', target: { type: 'entitlement', documentId: ent.documentId } });
    expect(typeof hook.json.id).toBe('number');
    expectStatus(await h.api.delete(`/admin/webhooks/${res.body.data.id}`), 200);
  });
});

describe('a whole offboarding, as a receiver sees it', () => {
  it('gets every event, signed, numbered in sequence per organization, a failed delivery retried by itself', async () => {
    h.clock.freeze(plusDays(NOW, 100));
    const base = plusDays(NOW, 100);
    const policy = await h.policy({ dataRetentionDays: 1, purgeReviewDays: 1 });
    const hook = await createHook({ url: receiver.url('/all'), events: ['*'], includePersonalData: true });
    const org = await h.organization({ cancellationPolicy: policy.documentId });
    const ent = await h.entitlement(org.documentId);
    const ENT = `/offboarding/entitlements/${ent.documentId}`;
    const ORG = `/offboarding/organizations/${org.documentId}`;
    // The receiver is down for the first delivery of the scheduled cancellation.
    receiver.fail('/all', 200, 200, 502);
    await sweep();
    expectStatus(await h.api.post(`${ENT}/cancel`, { reason: 'customer_request', timing: 'date', effectiveAt: plusDays(base, 5) }), 200);
    await sweep();
    expectStatus(await h.api.post(`${ENT}/undo-cancel`, {}), 200);
    await sweep();
    expectStatus(await cancelNow(h.api, ent.documentId), 200);
    await sweep();
    expectStatus(await h.api.post(`${ORG}/archive`, {}), 200);
    await sweep();
    expectStatus(await h.api.post(`${ORG}/exports`, {}), 202);
    await h.sweep('exports');
    await sweep();
    h.clock.freeze(plusDays(base, 3));
    await h.sweep('retention');
    await sweep();
    h.clock.freeze(plusDays(base, 6));
    expect((await h.sweep('purge')).performed).toBeGreaterThanOrEqual(1);
    await sweep();
    expect((await h.api.get(ORG)).body.data.purgeState).toBe('purged');

    const log = await h.api.get(`/offboarding/events?organization=${org.documentId}&pageSize=100`);
    const events = (log.body.data as DomainEvent[]).slice().reverse();
    const types = events.map((e) => e.type);
    for (const type of [
      'organization.created',
      'entitlement.created',
      'entitlement.cancellation_scheduled',
      'entitlement.cancellation_undone',
      'entitlement.cancelled',
      'organization.archived',
      'export.ready',
      'organization.purge_scheduled',
      'organization.purged',
    ]) expect(types).toContain(type);

    const got = receiver.at('/all').filter((r) => (r.json.organization as { documentId?: string } | null)?.documentId === org.documentId);
    for (const r of got) expect(verifiedBy(r, hook.secret)).toBe(true);
    const delivered = got.filter((r) => r.status === 200);
    // Every event once delivered, and by `sequence` they are gapless, as the event log numbers them.
    expect(delivered.map((r) => r.json.id).sort((a, b) => a - b)).toEqual(events.map((e) => e.id).sort((a, b) => a - b));
    expect(delivered.map((r) => r.json.sequence).sort((a, b) => Number(a) - Number(b))).toEqual(events.map((_, i) => i + 1));
    // The scheduled cancellation's first delivery failed (502); the sweep retried it by itself.
    expect(got[2]).toMatchObject({ status: 502, json: { type: 'entitlement.cancellation_scheduled' } });
    const retried = got.filter((r) => r.json.type === 'entitlement.cancellation_scheduled');
    expect(retried).toHaveLength(2);
    const deliveries = await deliveriesOf(hook.documentId);
    const scheduled = deliveries.find((d) => d.eventType === 'entitlement.cancellation_scheduled');
    expect(scheduled?.attempts.map((a) => a.responseCode)).toEqual([502, 200]);
    expect(deliveries.every((d) => d.state === 'delivered')).toBe(true);
    // What arrived at first attempt arrived in sequence order.
    const firstTime = got.filter((r) => r.json.type !== 'entitlement.cancellation_scheduled');
    const sequences = firstTime.map((r) => Number(r.json.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });
});

describe('review: hostile input and hostile receivers', () => {
  it('answers every malformed field of POST and PUT with a 400 naming it, unknown ids with 404, never a 500, and creates nothing', async () => {
    const total = async () => (await h.api.get(HOOKS)).body.meta.pagination.total as number;
    const count = await total();
    const ok = { url: 'https://hooks.example.com/in', events: ['entitlement.cancelled'] };
    const cases: [unknown, string][] = [
      [{ ...ok, url: 123 }, 'url'],
      [{ ...ok, url: null }, 'url'],
      [{ ...ok, url: ['https://hooks.example.com/in'] }, 'url'],
      [{ ...ok, url: 'https://user:pass@hooks.example.com/in' }, 'url'],
      [{ ...ok, url: 'https://user@hooks.example.com/in' }, 'url'],
      [{ ...ok, url: `https://hooks.example.com/${'a'.repeat(2100)}` }, 'url'],
      [{ ...ok, url: '   ' }, 'url'],
      [{ ...ok, events: null }, 'events'],
      [{ ...ok, events: 'entitlement.cancelled' }, 'events'],
      [{ ...ok, events: [null] }, 'events'],
      [{ ...ok, events: [1] }, 'events'],
      [{ ...ok, events: ['entitlement.cancelled', 'entitlement.cancelled'] }, 'events'],
      [{ ...ok, events: ['entitlement.cancelled', '*'] }, 'events'],
      [{ ...ok, events: ['*', '*'] }, 'events'],
      [{ ...ok, events: Array.from({ length: 5000 }, () => 'entitlement.cancelled') }, 'events'],
      [{ ...ok, events: { 0: 'entitlement.cancelled' } }, 'events'],
      [{ ...ok, description: 5 }, 'description'],
      [{ ...ok, description: { a: 1 } }, 'description'],
      [{ ...ok, enabled: 'true' }, 'enabled'],
      [{ ...ok, enabled: null }, 'enabled'],
      [{ ...ok, enabled: 1 }, 'enabled'],
      [{ ...ok, includePersonalData: null }, 'includePersonalData'],
      [{ ...ok, includePersonalData: 1 }, 'includePersonalData'],
      [{ ...ok, previousSecret: 'x' }, 'previousSecret'],
      [{ ...ok, failingSince: null }, 'failingSince'],
    ];
    const problems: string[] = [];
    for (const [body, field] of cases) {
      const res = await h.api.post(HOOKS, body as Record<string, unknown>);
      if (res.status !== 400 || !JSON.stringify(res.body.error).includes(field)) problems.push(`POST ${JSON.stringify(body).slice(0, 120)} -> ${res.status} ${JSON.stringify(res.body.error).slice(0, 200)}`);
      if (res.status === 201) await h.api.delete(`${HOOKS}/${res.body.data.documentId}`);
    }
    const hook = await createHook(ok);
    for (const [body, field] of cases) {
      const { events, url, ...rest } = body as Record<string, unknown>;
      const only = field === 'url' ? { url } : field === 'events' ? { events } : Object.fromEntries(Object.entries(rest).filter(([k]) => k === field));
      const res = await h.api.put(`${HOOKS}/${hook.documentId}`, only);
      if (res.status !== 400 || !JSON.stringify(res.body.error).includes(field)) problems.push(`PUT ${JSON.stringify(only).slice(0, 120)} -> ${res.status} ${JSON.stringify(res.body.error).slice(0, 200)}`);
    }
    for (const [method, path] of [
      ['get', `${HOOKS}/nosuchhook/deliveries`],
      ['delete', `${HOOKS}/nosuchhook`],
      ['post', `${HOOKS}/nosuchhook/rotate-secret`],
      ['post', `${HOOKS}/nosuchhook/test`],
      ['post', `${HOOKS}/deliveries/nosuchdelivery/redeliver`],
    ] as const) {
      const res = await (h.api as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number; body: unknown }>>)[method](path, {});
      if (res.status !== 404) problems.push(`${method} ${path} -> ${res.status}`);
    }
    expect(problems).toEqual([]);
    expect((await endpointOf(hook.documentId))).toMatchObject({ url: ok.url, events: ok.events, enabled: true, includePersonalData: false, description: null });
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
    expect(await total()).toBe(count);
  });

  it('refuses every disguised private address on save', async () => {
    const saved = webhooksConfig();
    setWebhooksConfig({ allowPrivateNetworks: false, allowInsecure: true });
    try {
      const problems: string[] = [];
      for (const url of [
        'http://2130706433/', 'http://0x7f.1/', 'http://017700000001/', 'http://127.1/', 'http://0/', 'http://[::]/',
        'http://[fc00::1]/', 'http://[fe80::1]/', 'http://[febf::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/',
        'http://[::ffff:169.254.169.254]/', 'http://[::127.0.0.1]/', 'http://[::ffff:0:7f00:1]/', 'http://[fec0::1]/',
        'http://100.64.0.1/', 'http://100.127.255.254/', 'http://198.18.0.1/', 'http://198.19.255.254/', 'http://169.254.0.1/',
        'http://localhost./', 'http://127.0.0.1.nip.io.invalid/',
      ]) {
        const res = await h.api.post(HOOKS, { url, events: ['*'] });
        if (res.status !== 400 || !JSON.stringify(res.body.error).includes('url')) problems.push(`${url} -> ${res.status}`);
        if (res.status === 201) await h.api.delete(`${HOOKS}/${res.body.data.documentId}`);
      }
      expect(problems).toEqual([]);
    } finally {
      h.strapi.config.set('plugin::offboarding.webhooks', saved);
    }
  });

  it('does not follow a redirect', async () => {
    const target = http.createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(307, { Location: receiver.url('/redirected-to') });
        res.end();
      } else res.end('ok');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const port = (target.address() as AddressInfo).port;
    try {
      const hook = await createHook({ url: `http://127.0.0.1:${port}/moved`, events: ['entitlement.cancelled'] });
      await cancelOne();
      await sweep();
      const [delivery] = await deliveriesOf(hook.documentId);
      expect(delivery.attempts[0]).toMatchObject({ responseCode: 307, error: 'HTTP 307' });
      expect(receiver.at('/redirected-to')).toHaveLength(0);
      expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
    } finally {
      await new Promise<void>((resolve) => target.close(() => resolve()));
    }
  });

  it('gives up on a slow receiver after timeoutMs, even one answering 2xx later, and drops a huge answer unread', async () => {
    const sockets = new Set<Socket>();
    const slow = http.createServer((req, res) => {
      req.resume();
      if (req.url === '/late') setTimeout(() => res.end('ok'), 1500);
      else if (req.url === '/trickle') {
        res.writeHead(200);
        const timer = setInterval(() => res.write('x'), 100);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(1024 * 1024, 120);
        let sent = 0;
        const pump = () => {
          while (sent < 512 && res.write(chunk)) sent += 1;
          if (sent < 512) res.once('drain', pump);
          else res.end();
        };
        pump();
      }
    });
    slow.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as AddressInfo).port;
    const saved = webhooksConfig();
    setWebhooksConfig({ timeoutMs: 300 });
    try {
      const late = await createHook({ url: `http://127.0.0.1:${port}/late`, events: ['entitlement.cancelled'] });
      const huge = await createHook({ url: `http://127.0.0.1:${port}/huge`, events: ['entitlement.cancelled'] });
      await cancelOne();
      await sweep();
      // Abandoned at timeoutMs: the 200 that comes 1.5 s later is never taken for an answer.
      const [a] = await deliveriesOf(late.documentId);
      expect(a.state).toBe('pending');
      expect(a.attempts[0]).toMatchObject({ responseCode: null, error: 'no answer within 300 ms' });
      // The status came in time; the 512 MB behind it are dropped after the first 64 KB.
      const [b] = await deliveriesOf(huge.documentId);
      expect(b.attempts[0]).toMatchObject({ responseCode: 200, error: null });
      for (const hook of [late, huge]) expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
    } finally {
      h.strapi.config.set('plugin::offboarding.webhooks', saved);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('a hanging receiver holds up only its own deliveries: the other endpoints are sent meanwhile', async () => {
    h.clock.freeze(NOW);
    const held: http.ServerResponse[] = [];
    let answerAll = false;
    const hanging = http.createServer((req, res) => {
      req.resume();
      if (answerAll) res.end('ok');
      else held.push(res);
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    const saved = webhooksConfig();
    // Far longer than the wait below: sent one after the other, the other endpoint would get nothing meanwhile.
    setWebhooksConfig({ timeoutMs: 60_000 });
    try {
      const stuck = await createHook({ url: `http://127.0.0.1:${port}/hang`, events: ['entitlement.cancelled'] });
      const fine = await createHook({ url: receiver.url('/lane'), events: ['entitlement.cancelled'] });
      for (let i = 0; i < 3; i += 1) await cancelOne();
      const running = sweep();
      for (let i = 0; i < 300 && receiver.at('/lane').length < 3; i += 1) await sleep(50);
      expect(receiver.at('/lane')).toHaveLength(3);
      // The hanging endpoint's own deliveries wait in line behind its first.
      expect(held).toHaveLength(1);
      answerAll = true;
      for (const res of held) res.end('ok');
      await running;
      await until(async () => (await deliveriesOf(stuck.documentId)).every((d) => d.state === 'delivered'));
      expect(await deliveriesOf(fine.documentId)).toHaveLength(3);
      for (const hook of [stuck, fine]) expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
    } finally {
      answerAll = true;
      for (const res of held) if (!res.writableEnded) res.end('ok');
      h.strapi.config.set('plugin::offboarding.webhooks', saved);
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('a stale task (another instance whose claim expired) does not send the next attempt before its backoff', async () => {
    h.clock.freeze(NOW);
    const hook = await createHook({ url: receiver.url('/stale'), events: ['entitlement.cancelled'] });
    receiver.fail('/stale', 500, 500, 500);
    await cancelOne();
    await sweep();
    const [delivery] = await deliveriesOf(hook.documentId);
    expect(delivery.attempts).toHaveLength(1);
    // The first attempt's task again, as an instance that had claimed it before its claim expired would run it.
    const outcome = await h.strapi.plugin('offboarding').service('webhook-delivery').deliver(delivery.documentId);
    expect(outcome).toBe('noop');
    expect(receiver.at('/stale')).toHaveLength(1);
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });

  it('a disabled endpoint gets nothing; two sweeps at once send each attempt once', async () => {
    const off = await createHook({ url: receiver.url('/off'), events: ['*'], enabled: false });
    const on = await createHook({ url: receiver.url('/twice'), events: ['entitlement.cancelled'] });
    for (let i = 0; i < 6; i += 1) await cancelOne();
    await Promise.all([sweep(), sweep(), sweep()]);
    await until(async () => (await deliveriesOf(on.documentId)).every((d) => d.state === 'delivered'));
    const ids = receiver.at('/twice').map((r) => r.json.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(receiver.at('/off')).toHaveLength(0);
    expect(await deliveriesOf(off.documentId)).toHaveLength(0);
    for (const hook of [off, on]) expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });

  it('leaves out suspension notes, legal-hold reasons and collaborator emails', async () => {
    const lean = await createHook({ url: receiver.url('/lean2'), events: ['*'] });
    const org = await h.organization({});
    const ent = await h.entitlement(org.documentId);
    // Invited and accepted while the organization may invite: the invitation events carry the address too.
    const collaborator = await h.portalUser('secret-collab');
    const { email } = collaborator;
    await h.invite(org.documentId, collaborator, 'member');
    expectStatus(await h.api.post(`/offboarding/entitlements/${ent.documentId}/suspend`, { reason: 'manual', notes: 'SUSPENSION-SECRET-NOTE' }), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/retention/hold`, { reason: 'HOLD-SECRET-REASON' }), 200);
    expectStatus(await h.api.put(`/offboarding/organizations/${org.documentId}`, { notes: 'ORG-SECRET-NOTE', phone: '+1 555 0100' }), 200);
    const ofOrg = () => receiver.at('/lean2').filter((r) => (r.json.organization as { documentId?: string } | null)?.documentId === org.documentId);
    await until(async () => (await deliveriesOf(lean.documentId)).every((d) => d.state !== 'pending'));
    const text = ofOrg().map((r) => r.body).join('\n');
    expect(ofOrg().map((r) => r.json.type)).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.accepted', 'collaborator.added', 'entitlement.suspended', 'organization.legal_hold_placed', 'organization.updated'])
    );
    for (const secret of ['SUSPENSION-SECRET-NOTE', 'HOLD-SECRET-REASON', email, email.toLowerCase(), 'ORG-SECRET-NOTE', '+1 555 0100']) expect(text).not.toContain(secret);
    expectStatus(await h.api.delete(`${HOOKS}/${lean.documentId}`), 200);
  });

  it('an event emitted in a transaction that rolls back queues no delivery', async () => {
    const org = await h.organization({});
    const hook = await createHook({ url: receiver.url('/rolled-back'), events: ['*'] });
    await expect(
      h.strapi.db.transaction(async () => {
        await h.strapi.plugin('offboarding').service('events').emit({
          type: 'organization.updated',
          actor: { type: 'system' },
          targetType: 'organization',
          targetId: org.documentId,
          organization: org.documentId,
          after: { name: org.name },
        });
        expect(await h.strapi.db.query('plugin::offboarding.webhook-delivery').count({ where: { endpoint: hook.documentId } })).toBe(1);
        throw new Error('rolled back');
      })
    ).rejects.toThrow('rolled back');
    await sweep();
    expect(await deliveriesOf(hook.documentId)).toHaveLength(0);
    expect(receiver.at('/rolled-back')).toHaveLength(0);
    expectStatus(await h.api.delete(`${HOOKS}/${hook.documentId}`), 200);
  });
});
