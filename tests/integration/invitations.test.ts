/**
 * Invitations (docs/spec.md §12), end to end with real parts: the admin invites an address, the
 * invitation notice reaches a real SMTP server, the link shows only the organization's name, the
 * role and the expiry, and only a signed-in user who has the invited address can accept it, once,
 * while the organization's stage allows it. Tried as an attacker would, too.
 */
import request from 'supertest';
import type { Invitation } from '../../src/plugins/offboarding/shared/contracts/invitations';
import { DAY, data, expectStatus, invitationTokenOf, monthly, useHarness, type PortalUser } from '../helpers/harness';
import { startSmtp } from '../helpers/smtp';

const T0 = '2027-01-11T00:00:00.000Z';
const ORGS = '/offboarding/organizations';
const PORTAL = '/api/offboarding/portal';
const TOKEN_IN_LINK = /\/api\/offboarding\/portal\/invitations\/([A-Za-z0-9_-]{43})/;

describe('invitations', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  // Before the harness boots Strapi: the app's config/plugins.ts reads SMTP_* when it loads.
  beforeAll(async () => {
    smtp = await startSmtp();
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false', EMAIL_FROM: 'Billing <billing@vendor.test>' });
  });
  afterAll(async () => {
    for (const name of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'EMAIL_FROM']) delete process.env[name];
    await smtp?.close();
  });

  const h = useHarness('invitations', { now: T0 });
  const { api } = h;
  const server = () => request(h.server);

  let people = 0;
  /** An address no other test uses, in mixed case (addresses compare case-insensitively). */
  const address = (name: string) => {
    people += 1;
    return `${name}-${people}-${process.pid}@Customer.Example`;
  };

  /** Registers a users-permissions account through its public route, as anyone on the internet can. */
  const register = async (email: string): Promise<Pick<PortalUser, 'email' | 'auth'> & { documentId: string }> => {
    const res = await server()
      .post('/api/auth/local/register')
      .send({ username: `u${people}-${Math.random().toString(36).slice(2, 10)}`, email, password: 'Register-Password-1' });
    expectStatus(res, 200);
    return { email: res.body.user.email, documentId: res.body.user.documentId, auth: { Authorization: `Bearer ${res.body.jwt as string}` } };
  };

  const invite = (org: string, body: unknown) => api.post(`${ORGS}/${org}/invitations`, body);
  const show = (token: string) => server().get(`${PORTAL}/invitations/${token}`);
  const accept = (auth: Record<string, string> | null, body: unknown) => {
    const req = server().post(`${PORTAL}/invitations/accept`);
    return (auth ? req.set(auth) : req).send(body as object);
  };
  const listInvitations = async (org: string, query = '') => {
    const res = await api.get(`${ORGS}/${org}/invitations${query}`);
    expectStatus(res, 200);
    return res.body.data as Invitation[];
  };
  const collaboratorsOf = async (org: string) =>
    ((await api.get(`${ORGS}/${org}`)).body.data.collaborators as { role: string; user: { email: string } }[]).map((c) => ({ email: c.user.email, role: c.role }));
  const runNotices = async () => expectStatus(await api.post('/offboarding/jobs/notices/run', {}), 200);

  /** The rows an invitation or an accept may write, to show that a refusal changed nothing. */
  const counts = async () => {
    const count = (uid: string) => h.strapi.db.query(uid as 'plugin::offboarding.invitation').count({});
    return {
      invitations: await count('plugin::offboarding.invitation'),
      collaborators: await count('plugin::offboarding.collaborator'),
      notifications: await count('plugin::offboarding.notification'),
      events: await count('plugin::offboarding.domain-event'),
    };
  };

  const newOrg = async (name = 'Acme Invitations') => (await h.organization({ name: `${name} ${people++}`, email: `contact-${people}@acme.test` })).documentId;

  /** An invitation created through the API, and its token as the queued mail carries it. */
  const invited = async (org: string, email: string, role: 'owner' | 'member' = 'member') => {
    const invitation = (await data(invite(org, { email, role }), 201)) as unknown as Invitation;
    return { invitation, token: await invitationTokenOf(h.strapi, invitation.documentId) };
  };

  it('invite -> mail with the link -> the link shows name, role, expiry -> register -> accept -> collaborator', async () => {
    const org = await newOrg();
    const name = (await api.get(`${ORGS}/${org}`)).body.data.name as string;
    const email = address('cfo');
    const start = smtp.mails.length;

    const res = await invite(org, { email, role: 'owner' });
    expectStatus(res, 201);
    expect(res.body.data).toEqual({
      documentId: expect.stringMatching(/^[a-z0-9]{24}$/),
      organization: org,
      email: email.toLowerCase(),
      role: 'owner',
      state: 'pending',
      expiresAt: new Date(Date.parse(T0) + 7 * DAY).toISOString(),
      sentCount: 1,
      lastSentAt: T0,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    // The answer never carries the token or its hash.
    expect(JSON.stringify(res.body)).not.toMatch(/token/i);

    // The mail goes to the invited address alone: not to the owners, not to the contact address.
    await runNotices();
    const mails = smtp.mails.slice(start);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([email.toLowerCase()]);
    expect(mails[0].subject).toBe(`You are invited to ${name}`);
    const token = TOKEN_IN_LINK.exec(mails[0].text)?.[1];
    expect(token).toBeDefined();

    // No login needed to look; only the name, the role and the expiry are shown.
    const seen = await show(token!);
    expectStatus(seen, 200);
    expect(seen.body).toEqual({ data: { organization: { name }, role: 'owner', expiresAt: res.body.data.expiresAt } });

    // The invited person registers with the address (any case) and accepts.
    const user = await register(email.toUpperCase().replace('@CUSTOMER.EXAMPLE', '@customer.example'));
    const accepted = await accept(user.auth, { token });
    expectStatus(accepted, 200);
    expect(accepted.body.data).toEqual({ organization: { documentId: org, name }, role: 'owner' });

    const portal = await server().get(`${PORTAL}/organizations`).set(user.auth);
    expectStatus(portal, 200);
    expect(portal.body.data.map((o: { documentId: string; role: string }) => [o.documentId, o.role])).toEqual([[org, 'owner']]);
    expect(await collaboratorsOf(org)).toEqual([{ email: email.toLowerCase(), role: 'owner' }]);

    const [listed] = await listInvitations(org);
    expect(listed).toMatchObject({ state: 'accepted', acceptedAt: T0, acceptedBy: { documentId: user.documentId, email: email.toLowerCase() } });

    // Single use: a second accept, and the link itself, answer 410.
    const again = await accept(user.auth, { token });
    expect(again.status).toBe(410);
    expect(again.body.error.details).toEqual({ code: 'invitation.closed', state: 'accepted' });
    expect((await show(token!)).status).toBe(410);

    // The events; the token is in none of them, nor in the stored row (only its hash is).
    const events = (await api.get(`/offboarding/events?organization=${org}&pageSize=100`)).body.data as { type: string; actor: { type: string } }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted', 'collaborator.added']));
    expect(events.find((e) => e.type === 'invitation.accepted')?.actor.type).toBe('collaborator');
    const audit = await api.get(`${ORGS}/${org}/audit?pageSize=100`);
    expect(JSON.stringify(events) + JSON.stringify(audit.body)).not.toContain(token);
    const row = await h.strapi.db.query('plugin::offboarding.invitation').findOne({ where: { documentId: listed.documentId } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('expires after invitations.expiresInDays (7) by the plugin clock: 410, and listed as expired', async () => {
    const org = await newOrg();
    const email = address('late');
    const { invitation, token } = await invited(org, email);
    const user = await register(email);

    h.clock.freeze(Date.parse(T0) + 7 * DAY - 1);
    expectStatus(await show(token), 200);
    h.clock.freeze(Date.parse(T0) + 7 * DAY);
    const late = await show(token);
    expect(late.status).toBe(410);
    expect(late.body.error.details).toEqual({ code: 'invitation.closed', state: 'expired' });
    const before = await counts();
    const refused = await accept(user.auth, { token });
    expect(refused.status).toBe(410);
    expect(refused.body.error.details).toEqual({ code: 'invitation.closed', state: 'expired' });
    expect(await counts()).toEqual(before);
    expect((await listInvitations(org, '?state=expired')).map((i) => i.documentId)).toEqual([invitation.documentId]);
    expect(await listInvitations(org, '?state=pending')).toEqual([]);
    expect(await collaboratorsOf(org)).toEqual([]);
  });

  it('a revoked invitation is dead (410); revoking it again is a 409', async () => {
    const org = await newOrg();
    const email = address('revoked');
    const { invitation, token } = await invited(org, email);
    const user = await register(email);

    const revoked = await api.delete(`/offboarding/invitations/${invitation.documentId}`);
    expectStatus(revoked, 200);
    expect(revoked.body.data).toMatchObject({ state: 'revoked', revokedAt: T0 });
    expect((await show(token)).status).toBe(410);
    const refused = await accept(user.auth, { token });
    expect(refused.status).toBe(410);
    expect(refused.body.error.details).toEqual({ code: 'invitation.closed', state: 'revoked' });
    expect((await api.delete(`/offboarding/invitations/${invitation.documentId}`)).status).toBe(409);
    expect((await api.post(`/offboarding/invitations/${invitation.documentId}/resend`, {})).status).toBe(409);
    expect(await collaboratorsOf(org)).toEqual([]);
  });

  it('resend mints a new link (the old one is dead), starts the 7 days again and mails again', async () => {
    const org = await newOrg();
    const email = address('resend');
    const { invitation, token: old } = await invited(org, email);
    const user = await register(email);
    // Resent after it expired (the mails queued so far are sent first).
    await runNotices();
    h.clock.freeze(Date.parse(T0) + 8 * DAY);
    const start = smtp.mails.length;
    const resent = await api.post(`/offboarding/invitations/${invitation.documentId}/resend`, {});
    expectStatus(resent, 200);
    expect(resent.body.data).toMatchObject({ state: 'pending', sentCount: 2, expiresAt: new Date(Date.parse(T0) + 15 * DAY).toISOString() });
    await runNotices();
    const mails = smtp.mails.slice(start);
    expect(mails.map((m) => m.to)).toEqual([[email.toLowerCase()]]);
    const fresh = TOKEN_IN_LINK.exec(mails[0].text)?.[1];
    expect(fresh).toBe(await invitationTokenOf(h.strapi, invitation.documentId, 2));
    expect(fresh).not.toBe(old);

    expect((await show(old)).status).toBe(404);
    expect((await accept(user.auth, { token: old })).status).toBe(404);
    expectStatus(await accept(user.auth, { token: fresh }), 200);
    expect((await api.post(`/offboarding/invitations/${invitation.documentId}/resend`, {})).status).toBe(409);
  });

  describe('a stranger', () => {
    it('who registered the address before the invitation gets no seat: linking by e-mail is gone', async () => {
      const org = await newOrg();
      const email = address('cfo');
      const stranger = await register(email);
      // The old route that linked any user with the address is removed.
      const old = await api.post(`${ORGS}/${org}/collaborators`, { email, role: 'owner' });
      expect([404, 405]).toContain(old.status);
      // Inviting the address creates an invitation, not a collaborator.
      await invited(org, email, 'owner');
      expect(await collaboratorsOf(org)).toEqual([]);
      const portal = await server().get(`${PORTAL}/organizations`).set(stranger.auth);
      expectStatus(portal, 200);
      expect(portal.body.data).toEqual([]);
      // Without the mailed token there is nothing to accept: a guessed one names no invitation.
      const guess = await accept(stranger.auth, { token: 'A'.repeat(43) });
      expect(guess.status).toBe(404);
      expect(await collaboratorsOf(org)).toEqual([]);
    });

    it('who holds someone else\'s token cannot accept it (403), and nothing changes', async () => {
      const org = await newOrg();
      const email = address('cfo');
      const { invitation, token } = await invited(org, email, 'owner');
      const other = await register(address('thief'));
      const before = await counts();
      const refused = await accept(other.auth, { token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/another e-mail address/);
      expect(await counts()).toEqual(before);
      expect((await listInvitations(org)).map((i) => [i.documentId, i.state])).toEqual([[invitation.documentId, 'pending']]);
      // Without a login there is no accepting at all.
      expect((await accept(null, { token })).status).toBe(403);
      // The rightful owner of the address still can.
      expectStatus(await accept((await register(email)).auth, { token }), 200);
    });

    it('a blocked account cannot accept', async () => {
      const org = await newOrg();
      const email = address('blocked');
      const { token } = await invited(org, email);
      const user = await register(email);
      await h.strapi.db.query('plugin::users-permissions.user').update({ where: { documentId: user.documentId }, data: { blocked: true } });
      const refused = await accept(user.auth, { token });
      // users-permissions refuses a blocked account's token before the plugin sees it, or the plugin does.
      expect([401, 403]).toContain(refused.status);
      expect(await collaboratorsOf(org)).toEqual([]);
    });
  });

  describe('bad input gets a 4xx naming the field and changes nothing', () => {
    let org: string;
    let user: Awaited<ReturnType<typeof register>>;
    beforeAll(async () => {
      org = await newOrg('Bad Input');
      user = await register(address('bad'));
    });

    it.each([
      ['a malformed e-mail', { email: 'not-an-email', role: 'member' }, 'email'],
      ['an e-mail of 255 characters', { email: `${'a'.repeat(243)}@example.com`, role: 'member' }, 'email'],
      ['no e-mail', { role: 'member' }, 'email'],
      ['a number for the e-mail', { email: 42, role: 'member' }, 'email'],
      ['an unknown role', { email: 'x@example.com', role: 'admin' }, 'role'],
      ['no role', { email: 'x@example.com' }, 'role'],
      ['an unknown field', { email: 'x@example.com', role: 'member', userId: 1 }, ''],
    ])('invite with %s: 400', async (_title, body, field) => {
      const before = await counts();
      const res = await invite(org, body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      if (field) expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('invite to an unknown organization: 404', async () => {
      const before = await counts();
      expect((await invite('nosuchorganizationxxxxxxxx', { email: 'x@example.com', role: 'member' })).status).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['a forged token (well formed, unknown)', { token: 'f'.repeat(43) }, 404],
      ['a token too long', { token: 'a'.repeat(5000) }, 400],
      ['a token of odd characters', { token: `${'a'.repeat(40)}%00'` }, 400],
      ['a token as a list', { token: ['a'.repeat(43)] }, 400],
      ['no token', {}, 400],
      ['an unknown field', { token: 'a'.repeat(43), email: 'x@example.com' }, 400],
    ])('accept with %s: %s', async (_title, body, status) => {
      const before = await counts();
      const res = await accept(user.auth, body);
      expect(res.status).toBe(status);
      if (status === 400) expect(JSON.stringify(res.body.error.details)).toMatch(/token|unknown/);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['forged', 'f'.repeat(43), 404],
      ['too long', 'a'.repeat(300), 400],
      ['with odd characters', `${'a'.repeat(40)}.~!`, 400],
      ['encoded NUL', `${'a'.repeat(42)}%00`, 400],
    ])('the link with a %s token: %s', async (_title, token, status) => {
      const res = await show(token);
      expect(res.status).toBe(status);
    });

    it('unknown invitations: revoke and resend answer 404', async () => {
      expect((await api.delete('/offboarding/invitations/nosuchinvitationxxxxxxxx')).status).toBe(404);
      expect((await api.post('/offboarding/invitations/nosuchinvitationxxxxxxxx/resend', {})).status).toBe(404);
      expect((await api.post('/offboarding/invitations/nosuchinvitationxxxxxxxx/resend', { now: true })).status).toBe(400);
    });

    it('a list with an unknown state or a bad page: 400', async () => {
      expect((await api.get(`${ORGS}/${org}/invitations?state=lost`)).status).toBe(400);
      expect((await api.get(`${ORGS}/${org}/invitations?page=0`)).status).toBe(400);
    });
  });

  it('refuses a second invitation of a pending address (409 naming it: resend it) and of a collaborator', async () => {
    const org = await newOrg();
    const email = address('twice');
    const { invitation, token } = await invited(org, email);
    const again = await invite(org, { email: email.toUpperCase(), role: 'owner' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ code: 'invitation.already_pending', invitation: invitation.documentId });
    expectStatus(await accept((await register(email)).auth, { token }), 200);
    const member = await invite(org, { email, role: 'owner' });
    expect(member.status).toBe(409);
    expect(member.body.error.message).toMatch(/already a collaborator/);
  });

  it('two accepts at once: exactly one collaborator, the other is told it is gone', async () => {
    const org = await newOrg();
    const email = address('race');
    const { token } = await invited(org, email);
    const user = await register(email);
    const results = await Promise.all([accept(user.auth, { token }), accept(user.auth, { token }), accept(user.auth, { token })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    expect(await collaboratorsOf(org)).toHaveLength(1);
    const links = await h.strapi.db.query('plugin::offboarding.collaborator').count({ where: { organization: { documentId: org } } });
    expect(links).toBe(1);
  });

  it('a stage that forbids it: invite, resend and accept are refused with a 409 naming the stage', async () => {
    const org = await newOrg();
    const email = address('pending');
    const { invitation, token } = await invited(org, email);
    const user = await register(email);
    const ent = (await h.entitlement(org, monthly())).documentId;
    expectStatus(await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end' }), 200);

    const before = await counts();
    const refused = await invite(org, { email: address('late'), role: 'member' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ stage: 'pending_cancellation', capability: 'invite' });
    const resend = await api.post(`/offboarding/invitations/${invitation.documentId}/resend`, {});
    expect(resend.status).toBe(409);
    expect(resend.body.error.details).toMatchObject({ stage: 'pending_cancellation' });
    const accepted = await accept(user.auth, { token });
    expect(accepted.status).toBe(409);
    expect(accepted.body.error.details).toMatchObject({ stage: 'pending_cancellation', capability: 'acceptInvite' });
    expect(await counts()).toEqual(before);

    // Once the cancellation is undone, the same link works.
    expectStatus(await api.post(`/offboarding/entitlements/${ent}/undo-cancel`, {}), 200);
    expectStatus(await accept(user.auth, { token }), 200);
  });

  it('deleting the organization removes its invitations', async () => {
    const org = await newOrg();
    const name = (await api.get(`${ORGS}/${org}`)).body.data.name as string;
    const { token } = await invited(org, address('gone'));
    expectStatus(await api.delete(`${ORGS}/${org}?confirm=${encodeURIComponent(name)}`), 200);
    expect(await h.strapi.db.query('plugin::offboarding.invitation').count({ where: { organization: { documentId: org } } })).toBe(0);
    expect((await show(token)).status).toBe(404);
  });
});
