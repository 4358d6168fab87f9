/**
 * The panel shows a refusal in the admin's language (docs/spec.md §7, error codes): every code the
 * server can answer with has its text `errors.<code>` in en.json, filled with the refusal's
 * details; a code the panel does not know shows the server's English message.
 */
import fs from 'fs';
import path from 'path';
import { createIntl } from 'react-intl';
import { ERROR_CODES } from '../../src/plugins/offboarding/shared/contracts/error-codes';
import { translateApiError } from '../../src/plugins/offboarding/admin/src/utils/apiError';

const en = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../src/plugins/offboarding/admin/src/translations/en.json'), 'utf8'),
) as Record<string, string>;

/** What the texts may name: the message, the first field at fault, and details the server always sends with their code. */
const DETAILS_NAMED: Record<string, readonly string[]> = {
  'entitlement.not_suspendable': ['currentStatus'],
  'entitlement.not_resumable': ['currentStatus'],
  'entitlement.not_cancellable': ['currentStatus'],
  'entitlement.not_undoable': ['currentStatus'],
  'entitlement.not_reactivatable': ['currentStatus'],
  'entitlement.not_pausable': ['currentStatus'],
  'organization.access_unchanged': ['accessStatus'],
  'reason.code_taken': ['reasonCode'],
  'job.not_found': ['id'],
  'export.rate_limited': ['retryAfterSeconds'],
};

const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([id, text]) => [`offboarding.${id}`, text]));

describe('error texts of the panel', () => {
  it('en.json has a text for every error code', () => {
    expect(Object.keys(ERROR_CODES).filter((code) => !en[`errors.${code}`])).toEqual([]);
  });

  it('each text names only details its code carries', () => {
    const wrong = Object.keys(ERROR_CODES).flatMap((code) => {
      const named = [...(en[`errors.${code}`] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const allowed = ['message', 'field', ...(DETAILS_NAMED[code] ?? [])];
      return named.filter((name) => !allowed.includes(name)).map((name) => `${code}: {${name}}`);
    });
    expect(wrong).toEqual([]);
  });

  it("shows the code's text in the admin's language, with its details", () => {
    const fr = createIntl({
      locale: 'fr',
      messages: prefixed({ 'errors.entitlement.not_cancellable': "Cet abonnement ne peut pas être résilié : il est {currentStatus}." }),
    });
    const refusal = {
      message: 'Cannot cancel an entitlement whose status is "cancelled"',
      details: { code: 'entitlement.not_cancellable', currentStatus: 'cancelled', allowedFrom: ['active', 'suspended'] },
    };
    expect(translateApiError(fr, refusal)).toBe('Cet abonnement ne peut pas être résilié : il est cancelled.');
    expect(translateApiError(createIntl({ locale: 'en', messages: prefixed(en) }), refusal)).toBe(
      'This entitlement cannot be cancelled while it is cancelled.',
    );
  });

  it("falls back to the server's message for an unknown code, a code without a text, or no code", () => {
    const intl = createIntl({ locale: 'en', messages: prefixed({ 'errors.organization.archived': 'Archived.' }) });
    expect(translateApiError(intl, { message: 'Something new', details: { code: 'organization.renamed' } })).toBe('Something new');
    expect(translateApiError(intl, { message: 'Already archived', details: { code: 'organization.already_archived' } })).toBe('Already archived');
    expect(translateApiError(intl, { message: 'Bad', details: undefined })).toBe('Bad');
    expect(translateApiError(intl, { message: 'The organization is archived', details: { code: 'organization.archived' } })).toBe('Archived.');
  });

  it('a validation refusal keeps the server words in its text', () => {
    const intl = createIntl({ locale: 'en', messages: prefixed(en) });
    const refusal = {
      message: 'name is a required field',
      details: { code: 'validation.invalid', errors: [{ path: ['name'], message: 'name is a required field' }] },
    };
    expect(translateApiError(intl, refusal)).toBe('Check the form: name is a required field');
  });
});
