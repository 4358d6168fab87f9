/**
 * Customer notices by mail (docs/spec.md §11), end to end with real parts: the app's own email
 * config (nodemailer from SMTP_HOST/SMTP_PORT) sends to a real SMTP server started here, and
 * the assertions are on the mails it received.
 */
import request from 'supertest';
import type { Notification, NoticeTemplate } from '../../src/plugins/offboarding/shared/contracts/notices';
import { DAY, expectStatus, monthly, useHarness, type PortalUser } from '../helpers/harness';
import { startSmtp, type ReceivedMail } from '../helpers/smtp';

const T0 = '2027-01-11T00:00:00.000Z';
const SECRET = 'SECRET-INTERNAL';

describe('customer notices by mail', () => {
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

  const h = useHarness('notices', { now: T0, refreeze: 'once' });
  const { api } = h;

  const runNotices = async () => {
    const res = await api.post('/offboarding/jobs/notices/run', {});
    expectStatus(res, 200);
    return res.body.data as { ran: boolean; processed: number; performed: number; noop: number; failed: number };
  };
  const notificationsOf = async (org: string): Promise<Notification[]> => {
    const res = await api.get(`/offboarding/organizations/${org}/notifications?pageSize=100`);
    expectStatus(res, 200);
    return res.body.data;
  };
  /** The mails received since `from` (an index into smtp.mails). */
  const since = (from: number) => smtp.mails.slice(from);
  const subjects = (mails: ReceivedMail[]) => mails.map((m) => m.subject);

  let org: string;
  let owner: PortalUser;
  let member: PortalUser;
  const contact = `contact-${process.pid}@customer-org.test`;
  /** As the SMTP envelope has them (sorted); the API lists the owners first, then the contact address. */
  let recipients: string[];

  beforeAll(async () => {
    org = (await h.organization({ name: 'Acme Notices', email: contact, notes: `${SECRET} org note` })).documentId;
    owner = await h.portalUser('owner');
    member = await h.portalUser('member');
    await h.collaborator(org, owner.email, 'owner');
    await h.collaborator(org, member.email, 'member');
    recipients = [contact, owner.email].sort();
  });

  it('sends the notices of an offboarding, once each, to the owners and the contact address', async () => {
    const start = smtp.mails.length;
    const ent = (await h.entitlement(org, monthly({ name: 'Pro plan' }))).documentId;
    expectStatus(await api.post(`/offboarding/entitlements/${ent}/cancel`, { reason: 'customer_request', timing: 'period_end', notes: `${SECRET} cancel note` }), 200);

    // Queued with the change, sent by the notices sweep.
    expect(since(start)).toHaveLength(0);
    expect((await runNotices()).performed).toBe(1);
    const [scheduled] = since(start);
    expect(scheduled.subject).toBe('Your Pro plan subscription will end on 2027-01-31');
    expect(scheduled.to).toEqual(recipients);
    expect(scheduled.from).toBe('billing@vendor.test');
    expect(scheduled.text).toContain('Acme Notices');
    // The HTML part is the text, escaped.
    expect(scheduled.html).toContain('Acme Notices');
    expect((await runNotices()).performed).toBe(0);

    // Seven days before it takes effect: the reminder, once.
    h.clock.freeze('2027-01-23T23:59:00Z');
    expect((await runNotices()).performed).toBe(0);
    h.clock.freeze('2027-01-24T00:00:00Z');
    await runNotices();
    await runNotices();
    expect(subjects(since(start))).toEqual(['Your Pro plan subscription will end on 2027-01-31', 'Reminder: Pro plan ends in 7 days']);

    // It takes effect: cancelled.
    h.clock.freeze('2027-01-31T00:00:00Z');
    expect((await h.sweep('transitions')).performed).toBe(1);
    await runNotices();
    expect(subjects(since(start)).at(-1)).toBe('Your Pro plan subscription has ended');

    // A customer export: the mail carries a link that works. A staff export sends nothing.
    expectStatus(await api.post(`/offboarding/organizations/${org}/exports`, { profile: 'admin' }), 202);
    const asked = await request(h.server).post(`/api/offboarding/portal/organizations/${org}/exports`).set(owner.auth).send({});
    expect([200, 202]).toContain(asked.status);
    await h.sweep('exports');
    await runNotices();
    const exportMails = since(start).filter((m) => m.subject.startsWith('Your data export'));
    expect(exportMails).toHaveLength(1);
    expect(exportMails[0].to).toEqual(recipients);
    const link = /https?:\/\/\S+(\/api\/offboarding\/exports\/download\?token=[\w.-]+)/.exec(exportMails[0].text);
    expect(link).not.toBeNull();
    const download = await request(h.server).get(link![1]);
    expect(download.status).toBe(200);

    // Archived, retention over: queued for purge; a warning 7 days and 3 days before.
    h.strapi.config.set('plugin::offboarding.notices.purgeWarningDays', [7, 3]);
    h.teardown(() => h.strapi.config.set('plugin::offboarding.notices.purgeWarningDays', [30, 7]));
    expectStatus(await api.post(`/offboarding/organizations/${org}/archive`, {}), 200);
    const archived = (await api.get(`/offboarding/organizations/${org}`)).body.data;
    h.clock.freeze(archived.retentionUntil);
    expect((await h.sweep('retention')).performed).toBe(1);
    await runNotices();
    h.clock.freeze(new Date(Date.parse(archived.retentionUntil) + 4 * DAY));
    await runNotices();
    await runNotices();

    const all = since(start);
    expect(subjects(all)).toEqual([
      'Your Pro plan subscription will end on 2027-01-31',
      'Reminder: Pro plan ends in 7 days',
      'Your Pro plan subscription has ended',
      'Your data export for Acme Notices is ready',
      expect.stringMatching(/^The data of Acme Notices will be deleted on /),
      expect.stringMatching(/^The data of Acme Notices will be deleted on /),
    ]);
    expect(all[4].text).toContain('in 7 days');
    expect(all[5].text).toContain('in 3 days');
    for (const mail of all) {
      expect(mail.to).toEqual(recipients);
      expect(mail.to).not.toContain(member.email);
      // Nothing internal reaches a customer (docs/spec.md §9).
      expect(mail.raw).not.toContain(SECRET);
    }

    // Listed per organization, and each sent one is in the audit trail, without its body.
    const listed = await notificationsOf(org);
    expect(listed.filter((n) => n.state === 'sent')).toHaveLength(6);
    expect(listed.map((n) => n.key).sort()).toEqual(
      ['cancellation_scheduled', 'cancellation_reminder', 'cancelled', 'export_ready', 'purge_warning', 'purge_warning'].sort()
    );
    expect(listed[0]).toMatchObject({ recipients: [owner.email, contact], attempts: 1, lastError: null, skippedReason: null, sentAt: expect.any(String) });
    const audit = (await api.get(`/offboarding/organizations/${org}/audit?pageSize=100`)).body.data as { action: string; after: Record<string, unknown> | null }[];
    const sentRows = audit.filter((e) => e.action === 'notice.sent');
    expect(sentRows).toHaveLength(6);
    for (const row of sentRows) {
      expect(Object.keys(row.after ?? {}).sort()).toEqual(['attempts', 'notice', 'recipients', 'subject']);
      expect(JSON.stringify(row)).not.toContain('token=');
    }

    // The purge takes the notifications with it (recipients and bodies are personal data).
    h.clock.freeze(new Date(Date.parse(archived.retentionUntil) + 7 * DAY));
    expect((await h.sweep('purge')).performed).toBe(1);
    expect(await notificationsOf(org)).toEqual([]);
    await runNotices();
    expect(since(start)).toHaveLength(6);
  });

  describe('on a second organization', () => {
    let org2: string;
    let plan: string;
    beforeAll(async () => {
      h.clock.freeze(T0);
      org2 = (await h.organization({ name: 'Beta Notices', email: `beta-${process.pid}@customer-org.test` })).documentId;
      plan = (await h.entitlement(org2, monthly({ name: 'Team plan' }))).documentId;
      await runNotices();
    });

    it('a notice switched off sends nothing and is listed as skipped', async () => {
      expectStatus(await api.put('/offboarding/notices/suspended', { enabled: false }), 200);
      const start = smtp.mails.length;
      expectStatus(await api.post(`/offboarding/entitlements/${plan}/suspend`, { reason: 'manual' }), 200);
      await runNotices();
      expect(since(start)).toHaveLength(0);
      const [skipped] = (await notificationsOf(org2)).filter((n) => n.key === 'suspended');
      expect(skipped).toMatchObject({ state: 'skipped', skippedReason: 'the notice is off', sentAt: null });
      expectStatus(await api.put('/offboarding/notices/suspended', { enabled: true }), 200);
    });

    it('a provider failure (4xx, then 5xx) is retried with backoff, then sent once', async () => {
      const start = smtp.mails.length;
      smtp.failNext(451, 554);
      expectStatus(await api.post(`/offboarding/entitlements/${plan}/resume`, {}), 200);
      expect(await runNotices()).toMatchObject({ failed: 1, performed: 0 });
      let [resumed] = (await notificationsOf(org2)).filter((n) => n.key === 'resumed');
      expect(resumed).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('451') });
      // Not due again before its backoff.
      expect((await runNotices()).processed).toBe(0);
      h.clock.advance(3 * 60_000);
      expect(await runNotices()).toMatchObject({ failed: 1 });
      [resumed] = (await notificationsOf(org2)).filter((n) => n.key === 'resumed');
      expect(resumed).toMatchObject({ state: 'pending', attempts: 2, lastError: expect.stringContaining('554') });
      h.clock.advance(5 * 60_000);
      expect(await runNotices()).toMatchObject({ performed: 1, failed: 0 });
      expect(subjects(since(start))).toEqual(['Your Team plan subscription is active again']);
      [resumed] = (await notificationsOf(org2)).filter((n) => n.key === 'resumed');
      expect(resumed).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    });

    it('after the last attempt the notification is failed', async () => {
      const maxAttempts = h.strapi.config.get('plugin::offboarding.sweeps.maxAttempts');
      h.strapi.config.set('plugin::offboarding.sweeps.maxAttempts', 2);
      try {
        smtp.failNext(451, 451);
        expectStatus(await api.post(`/offboarding/entitlements/${plan}/suspend`, { reason: 'manual' }), 200);
        await runNotices();
        h.clock.advance(3 * 60_000);
        await runNotices();
        const [failed] = (await notificationsOf(org2)).filter((n) => n.key === 'suspended' && n.state !== 'skipped');
        expect(failed).toMatchObject({ state: 'failed', attempts: 2, sentAt: null });
        h.clock.advance(60 * 60_000);
        expect((await runNotices()).processed).toBe(0);
      } finally {
        h.strapi.config.set('plugin::offboarding.sweeps.maxAttempts', maxAttempts);
      }
    });

    it('two sweeps at once send a notice once', async () => {
      const start = smtp.mails.length;
      expectStatus(await api.post(`/offboarding/entitlements/${plan}/resume`, {}), 200);
      await Promise.all([runNotices(), runNotices(), runNotices()]);
      await runNotices();
      expect(subjects(since(start))).toEqual(['Your Team plan subscription is active again']);
    });
  });

  describe('templates', () => {
    // The first organization is purged by now: these use one of their own.
    let org: string;
    const gammaContact = `gamma-${process.pid}@customer-org.test`;
    beforeAll(async () => {
      h.clock.freeze(T0);
      org = (await h.organization({ name: 'Gamma Notices', email: gammaContact, notes: `${SECRET} org note` })).documentId;
      await h.collaborator(org, owner.email, 'owner');
      await h.entitlement(org, monthly({ name: 'Pro plan' }));
    });
    it('lists every notice with its variables, defaults and switch', async () => {
      const res = await api.get('/offboarding/notices');
      expectStatus(res, 200);
      const list = res.body.data as NoticeTemplate[];
      expect(list.map((t) => t.key)).toEqual([
        'cancellation_scheduled', 'cancellation_reminder', 'cancelled', 'suspended', 'grace_reminder',
        'resumed', 'reactivated', 'export_ready', 'purge_warning', 'invitation', 'dunning_notice',
      ]);
      const exportReady = list.find((t) => t.key === 'export_ready')!;
      expect(exportReady.variables).toContain('downloadUrl');
      expect(exportReady).toMatchObject({ enabled: true, customized: false, subject: exportReady.defaults.subject });
    });

    it('saves an edit, previews it for a real organization, and resets it', async () => {
      const saved = await api.put('/offboarding/notices/cancelled', { subject: 'Goodbye {{organization.name}}', body: 'Your {{entitlement.name}} ended on {{cancelledAt}}.' });
      expectStatus(saved, 200);
      expect(saved.body.data).toMatchObject({ key: 'cancelled', subject: 'Goodbye {{organization.name}}', customized: true, updatedAt: expect.any(String) });

      const preview = await api.post('/offboarding/notices/cancelled/preview', { organization: org });
      expectStatus(preview, 200);
      expect(preview.body.data).toEqual({ subject: 'Goodbye Gamma Notices', body: expect.stringMatching(/^Your Pro plan ended on \d{4}-\d{2}-\d{2}\.$/), to: [owner.email, gammaContact] });

      const unsaved = await api.post('/offboarding/notices/cancelled/preview', { organization: org, subject: 'Draft for {{organization.name}}' });
      expect(unsaved.body.data.subject).toBe('Draft for Gamma Notices');

      const reset = await api.put('/offboarding/notices/cancelled', { reset: true });
      expect(reset.body.data).toMatchObject({ customized: false, subject: reset.body.data.defaults.subject });

      expect((await api.post('/offboarding/notices/cancelled/preview', { organization: 'nosuchorganization' })).status).toBe(404);
      expect((await api.post('/offboarding/notices/no_such_notice/preview', { organization: org })).status).toBe(404);
      expect((await api.put('/offboarding/notices/no_such_notice', { enabled: false })).status).toBe(404);
    });

    it('refuses unknown variables (naming them), bad types, unknown fields and overlong text; nothing is saved', async () => {
      const before = (await api.get('/offboarding/notices')).body.data;
      const unknown = await api.put('/offboarding/notices/cancelled', { body: 'Hello {{organization.name}}, {{organization.notes}}' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.errors[0].path).toEqual(['body']);
      expect(unknown.body.error.message).toContain('organization.notes');

      for (const input of [
        { enabled: 'yes' },
        { subject: 42 },
        { subject: 'x'.repeat(201) },
        { body: 'x'.repeat(10_001) },
        { body: '   ' },
        { colour: 'red' },
      ]) {
        const res = await api.put('/offboarding/notices/cancelled', input);
        expect(res.status).toBe(400);
      }
      const preview = await api.post('/offboarding/notices/cancelled/preview', { organization: org, body: '{{whatever}}' });
      expect(preview.status).toBe(400);
      expect(preview.body.error.details.errors[0].path).toEqual(['body']);
      expect((await api.get('/offboarding/notices')).body.data).toEqual(before);
    });

    it('attacker: a template cannot reach notes, internal reasons or staff identities', async () => {
      for (const name of ['notes', 'organization.notes', 'entitlement.cancellationNotes', 'cancellationNotes', 'suspensionNotes', 'legalHoldReason', 'actorName', 'organization.email', 'entitlement.cancellationReason', 'constructor', '__proto__']) {
        const res = await api.put('/offboarding/notices/cancellation_scheduled', { body: `Hi {{${name}}}` });
        expect(res.status).toBe(400);
      }
      const preview = await api.post('/offboarding/notices/cancelled/preview', { organization: org });
      expect(JSON.stringify(preview.body)).not.toContain(SECRET);
    });

    it('attacker: templates need `settings`, the notifications list needs `read`', async () => {
      const reader = await h.admin(['read']);
      expect((await reader.get('/offboarding/notices')).status).toBe(403);
      expect((await reader.put('/offboarding/notices/cancelled', { enabled: false })).status).toBe(403);
      expect((await reader.post('/offboarding/notices/cancelled/preview', { organization: org })).status).toBe(403);
      expect((await reader.get(`/offboarding/organizations/${org}/notifications`)).status).toBe(200);
      const settings = await h.admin(['settings']);
      expect((await settings.get('/offboarding/notices')).status).toBe(200);
      expect((await settings.get(`/offboarding/organizations/${org}/notifications`)).status).toBe(403);
      expect((await api.get('/offboarding/organizations/nosuchorganization/notifications')).status).toBe(404);
      expect((await api.get(`/offboarding/organizations/${org}/notifications?page=0`)).status).toBe(400);
    });
  });
});
