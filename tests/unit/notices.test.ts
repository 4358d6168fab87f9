import fs from 'fs';
import os from 'os';
import path from 'path';
import { mailToDisk } from '../../config/lib/mail-to-disk';
import {
  NOTICE_DEFAULTS,
  NOTICE_KEYS,
  NOTICE_VARIABLES,
  effectiveTemplate,
  linkVariablesIn,
  noticeValues,
  withoutLinks,
  placeholdersOf,
  render,
  textToHtml,
  uniqueRecipients,
  unknownVariables,
} from '../../src/plugins/offboarding/server/src/domain/notices';
import { desiredEntitlementTasks, desiredOrganizationTasks, dueReminder } from '../../src/plugins/offboarding/server/src/domain/schedule';
import type { EntitlementState } from '../../src/plugins/offboarding/server/src/domain/entitlement-lifecycle';
import { at } from './fixtures';

describe('notice templates (domain/notices.ts)', () => {
  it('has built-in texts for every key that use only that key’s variables', () => {
    for (const key of NOTICE_KEYS) {
      const { subject, body } = NOTICE_DEFAULTS[key];
      expect(unknownVariables(key, subject)).toEqual([]);
      expect(unknownVariables(key, body)).toEqual([]);
      expect(NOTICE_VARIABLES[key]).toContain('organization.name');
    }
  });

  it('finds placeholders with or without spaces, each once', () => {
    expect(placeholdersOf('{{a}} {{ b.c }} {{a}} {b} {{}}')).toEqual(['a', 'b.c', '']);
  });

  it('refuses variables a notice does not offer, internal fields above all', () => {
    expect(unknownVariables('cancelled', 'Hi {{organization.name}} {{organization.notes}} {{ cancellationNotes }}')).toEqual(['organization.notes', 'cancellationNotes']);
    expect(unknownVariables('resumed', '{{downloadUrl}}')).toEqual(['downloadUrl']);
    expect(unknownVariables('export_ready', '{{downloadUrl}}')).toEqual([]);
    expect(unknownVariables('cancelled', '{{__proto__}} {{constructor}}')).toEqual(['__proto__', 'constructor']);
  });

  it('renders values, empty for missing ones, and never evaluates anything', () => {
    expect(render('Hello {{ name }}, {{missing}}!', { name: 'Acme' })).toBe('Hello Acme, !');
    expect(render('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
    expect(render('{{constructor}}', {})).toBe('');
  });

  it('escapes the HTML part', () => {
    expect(textToHtml('<b>"A" & \'B\'</b>\nnext')).toBe('&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;<br>\nnext');
  });

  it('computes only the variables of the key, formatted for customers', () => {
    const values = noticeValues('cancellation_scheduled', {
      organization: { name: 'Acme' },
      entitlement: { name: 'Pro', class: 'PLG', currency: 'EUR', cancelEffectiveAt: at('2027-01-31T00:00:00Z'), refundAmount: 1234 },
      export: { downloadUrl: 'https://x', expiresAt: null },
    });
    expect(values).toEqual({ 'organization.name': 'Acme', 'entitlement.name': 'Pro', 'entitlement.class': 'PLG', effectiveAt: '2027-01-31', refundAmount: '12.34', currency: 'EUR' });
  });

  it('the template in effect: an override, else the built-in text, on by default', () => {
    expect(effectiveTemplate('cancelled', null)).toMatchObject({ enabled: true, customized: false, subject: NOTICE_DEFAULTS.cancelled.subject });
    expect(effectiveTemplate('cancelled', { subject: 'S', body: null, enabled: false })).toMatchObject({ subject: 'S', body: NOTICE_DEFAULTS.cancelled.body, enabled: false, customized: true });
  });

  it('de-duplicates recipients case-insensitively and drops blanks', () => {
    expect(uniqueRecipients(['A@x.test', 'a@x.test', null, ' ', 'b@x.test', undefined])).toEqual(['A@x.test', 'b@x.test']);
  });
});

describe('reminders (domain/schedule.ts)', () => {
  const settings = (now: string) => ({ now: at(now), cancellationReminderDays: 7, graceReminderDays: [7, 1], purgeWarningDays: [30, 7] });
  const pending = { status: 'pending_cancellation', cancelEffectiveAt: at('2027-01-31T00:00:00Z') } as EntitlementState;

  it('a reminder N days before a scheduled cancellation', () => {
    expect(desiredEntitlementTasks(pending, settings('2027-01-11T00:00:00Z'))).toEqual([
      { kind: 'complete_cancellation', dueAt: at('2027-01-31T00:00:00Z') },
      { kind: 'remind_cancellation', dueAt: at('2027-01-24T00:00:00Z') },
    ]);
    // Without settings (the callers that do not schedule notices), none.
    expect(desiredEntitlementTasks(pending)).toEqual([{ kind: 'complete_cancellation', dueAt: at('2027-01-31T00:00:00Z') }]);
  });

  it('no reminder whose time is more than a day past: never sent late', () => {
    expect(desiredEntitlementTasks(pending, settings('2027-01-28T00:00:00Z')).map((t) => t.kind)).toEqual(['complete_cancellation']);
    expect(desiredEntitlementTasks(pending, settings('2027-01-24T12:00:00Z')).map((t) => t.kind)).toEqual(['complete_cancellation', 'remind_cancellation']);
  });

  it('grace reminders 7 and 1 days before grace ends, for a non-payment suspension only', () => {
    const suspended = { status: 'suspended', suspensionReason: 'non_payment', graceEndsAt: at('2027-02-10T00:00:00Z') } as EntitlementState;
    expect(desiredEntitlementTasks(suspended, settings('2027-01-11T00:00:00Z')).filter((t) => t.kind === 'remind_grace').map((t) => t.dueAt)).toEqual([
      at('2027-02-03T00:00:00Z'),
      at('2027-02-09T00:00:00Z'),
    ]);
    expect(desiredEntitlementTasks({ ...suspended, suspensionReason: 'manual' }, settings('2027-01-11T00:00:00Z'))).toEqual([]);
  });

  it('purge warnings before a scheduled purge, none under legal hold', () => {
    const org = { archivedAt: at('2026-01-01T00:00:00Z'), retentionUntil: null, purgeState: 'scheduled' as const, purgeAfter: at('2027-03-01T00:00:00Z'), legalHold: false, allCancelled: true };
    expect(desiredOrganizationTasks(org, settings('2027-01-11T00:00:00Z')).map((t) => `${t.kind}@${t.dueAt.toISOString().slice(0, 10)}`)).toEqual([
      'purge@2027-03-01',
      'warn_purge@2027-01-30',
      'warn_purge@2027-02-22',
    ]);
    expect(desiredOrganizationTasks({ ...org, legalHold: true }, settings('2027-01-11T00:00:00Z'))).toEqual([]);
  });

  it('dueReminder: the latest one due, with its days left', () => {
    const desired = [
      { kind: 'remind_grace' as const, dueAt: at('2027-02-03T00:00:00Z') },
      { kind: 'remind_grace' as const, dueAt: at('2027-02-09T00:00:00Z') },
    ];
    expect(dueReminder(desired, 'remind_grace', at('2027-02-09T00:00:00Z'), at('2027-02-10T00:00:00Z'))).toEqual({ dueAt: at('2027-02-09T00:00:00Z'), daysLeft: 1 });
    expect(dueReminder(desired, 'remind_grace', at('2027-02-02T00:00:00Z'), at('2027-02-10T00:00:00Z'))).toBeNull();
  });
});

describe('the development mail transport (config/lib/mail-to-disk.ts)', () => {
  it('without SMTP_HOST, the nodemailer provider writes each mail to a .eml file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offboarding-mail-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const provider = require('@strapi/provider-email-nodemailer') as {
      init: (options: unknown, settings: { defaultFrom: string }) => { send: (mail: { to: string; subject: string; text: string; html: string }) => Promise<unknown> };
    };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const mailer = provider.init(mailToDisk(dir), { defaultFrom: 'Offboarding <no-reply@localhost>' });
      await mailer.send({ to: 'owner@customer.test', subject: 'Hello', text: 'Body with a secret link', html: 'Body' });
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const raw = fs.readFileSync(path.join(dir, files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: Hello$/m);
      expect(raw).toMatch(/^To: owner@customer\.test$/m);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('owner@customer.test'));
      // The log names the mail, never its body.
      expect(log).not.toHaveBeenCalledWith(expect.stringContaining('secret link'));
    } finally {
      log.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('links stay out of subjects (a subject is listed to admins and kept in the audit trail)', () => {
  it('finds the link variables a subject uses, and renders a subject with every link blanked', () => {
    expect(linkVariablesIn('Join {{ acceptUrl }} or {{downloadUrl}} of {{organization.name}}')).toEqual(['acceptUrl', 'downloadUrl']);
    expect(linkVariablesIn(NOTICE_DEFAULTS.invitation.subject)).toEqual([]);
    const values = noticeValues('invitation', { organization: { name: 'Acme' }, invitation: { role: 'owner', acceptUrl: 'https://x.test/join?token=SECRET' } });
    expect(render('{{organization.name}}: {{acceptUrl}}', withoutLinks(values))).toBe('Acme: ');
    expect(render(NOTICE_DEFAULTS.invitation.body, values)).toContain('token=SECRET');
  });
});
