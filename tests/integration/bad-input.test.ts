/**
 * docs/spec.md §8: bad input never yields a 500 and never changes data — a clear 4xx naming the
 * field or the rule. One row per refused request over every admin endpoint; each row
 * compares a dump of the plugin's tables before and after.
 */
import request from 'supertest';
import { ERROR_CODES } from '../../src/plugins/offboarding/shared/contracts/error-codes';
import { data, useHarness } from '../helpers/harness';
import { snapshotPluginTables } from './bad-input-snapshot';

const NOW = '2027-01-11T00:00:00Z';
const PAST = '2027-01-01T00:00:00Z';
const FUTURE = '2027-03-01T00:00:00Z';
const MISSING = 'doesnotexist0000000000000';

interface Fixtures {
  /** Acme: entitlements active, period-ended, one-off, pending and cancelled; one collaborator. */
  acme: string;
  acmeName: string;
  /** No entitlements, access enabled, not archived; the member is its collaborator too. */
  empty: string;
  /** Archived and disabled; holds one cancelled entitlement, so its retention runs to 2028-01-11. */
  archived: string;
  /** Under legal hold. */
  held: string;
  /** No entitlements; its checklist started, review done, cancel and cleanup ticked, data_export current. */
  checklisted: string;
  heldName: string;
  /** Target of rows that might wrongly succeed, kept apart so they cannot disturb the others. */
  scratch: string;
  active: string;
  periodEnded: string;
  oneOff: string;
  pending: string;
  cancelled: string;
  cancelledInArchived: string;
  scratchEntitlement: string;
  defaultPolicy: string;
  envPolicy: string;
  provisioningPolicy: string;
  /** An inactive reason: its documentId and its code. */
  retiredReason: string;
  retiredReasonCode: string;
  memberEmail: string;
  strangerUser: string;
}

type Method = 'get' | 'post' | 'put' | 'delete';

interface RowBase {
  title: string;
  method: Method;
  url: (f: Fixtures) => string;
  /** A JSON body, or a raw payload with its content type. */
  body?: unknown | ((f: Fixtures) => unknown);
  raw?: { type: string; text: string };
}

/** A 400 must name the field(s) (in details.errors[].path or a message) or match the rule. */
interface Refused400 extends RowBase {
  status: 400;
  error: 'ValidationError' | 'SyntaxError';
  names: readonly string[] | RegExp;
}

interface Refused4xx extends RowBase {
  status: 404 | 409;
  error: 'NotFoundError' | 'ConflictError';
  /** What the message must say: the unknown id, the current status, the rule. */
  mentions: RegExp;
}

type Row = Refused400 | Refused4xx;

const ORGS = '/offboarding/organizations';
const ENTS = '/offboarding/entitlements';
const cancelBody = { reason: 'customer_request', timing: 'immediate' };
const validEntitlement = {
  class: 'PLG',
  price: 1200,
  currency: 'EUR',
  billingPeriod: 'month',
  currentPeriodStart: '2027-01-01T00:00:00Z',
  currentPeriodEnd: '2027-02-01T00:00:00Z',
};
const v = (field: string): readonly string[] => [field];
const notFound = (): RegExp => new RegExp(MISSING);

const ROWS: Row[] = [
  // GET /organizations
  { title: 'list: status filter foo', method: 'get', url: () => `${ORGS}?status=foo`, status: 400, error: 'ValidationError', names: v('status') },
  { title: 'list: archived maybe', method: 'get', url: () => `${ORGS}?archived=maybe`, status: 400, error: 'ValidationError', names: v('archived') },
  { title: 'list: pageSize 1000', method: 'get', url: () => `${ORGS}?pageSize=1000`, status: 400, error: 'ValidationError', names: v('pageSize') },
  { title: 'list: page 0', method: 'get', url: () => `${ORGS}?page=0`, status: 400, error: 'ValidationError', names: v('page') },
  { title: 'list: unknown parameter', method: 'get', url: () => `${ORGS}?sort=name`, status: 400, error: 'ValidationError', names: v('sort') },
  { title: 'list: sort by a column not in the list', method: 'get', url: () => `${ORGS}?sort=notes:asc`, status: 400, error: 'ValidationError', names: v('sort') },
  { title: 'list: sort direction up', method: 'get', url: () => `${ORGS}?sort=name:up`, status: 400, error: 'ValidationError', names: v('sort') },

  // GET /organizations/export.csv
  { title: 'csv export: sort foo:asc', method: 'get', url: () => `${ORGS}/export.csv?sort=foo:asc`, status: 400, error: 'ValidationError', names: v('sort') },
  { title: 'csv export: page (no paging)', method: 'get', url: () => `${ORGS}/export.csv?page=2`, status: 400, error: 'ValidationError', names: v('page') },
  { title: 'csv export: status foo', method: 'get', url: () => `${ORGS}/export.csv?status=foo`, status: 400, error: 'ValidationError', names: v('status') },

  // POST /organizations/bulk
  { title: 'bulk: action delete', method: 'post', url: () => `${ORGS}/bulk`, body: (f: Fixtures) => ({ action: 'delete', ids: [f.scratch] }), status: 400, error: 'ValidationError', names: v('action') },
  { title: 'bulk: no ids', method: 'post', url: () => `${ORGS}/bulk`, body: { action: 'archive', ids: [] }, status: 400, error: 'ValidationError', names: v('ids') },
  { title: 'bulk: 101 ids', method: 'post', url: () => `${ORGS}/bulk`, body: { action: 'archive', ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }, status: 400, error: 'ValidationError', names: v('ids') },
  { title: 'bulk: ids not a list', method: 'post', url: () => `${ORGS}/bulk`, body: { action: 'archive', ids: 'abc' }, status: 400, error: 'ValidationError', names: v('ids') },
  { title: 'bulk: cancel without a reason', method: 'post', url: () => `${ORGS}/bulk`, body: (f: Fixtures) => ({ action: 'cancel_at_period_end', ids: [f.scratch] }), status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'bulk: unknown field', method: 'post', url: () => `${ORGS}/bulk`, body: (f: Fixtures) => ({ action: 'archive', ids: [f.scratch], force: true }), status: 400, error: 'ValidationError', names: v('force') },
  { title: 'list: q given twice', method: 'get', url: () => `${ORGS}?q=a&q=b`, status: 400, error: 'ValidationError', names: v('q') },

  // POST /organizations
  { title: 'create org: name 5', method: 'post', url: () => ORGS, body: { name: 5 }, status: 400, error: 'ValidationError', names: v('name') },
  { title: 'create org: name missing', method: 'post', url: () => ORGS, body: { taxId: 'X1' }, status: 400, error: 'ValidationError', names: v('name') },
  { title: 'create org: name blank', method: 'post', url: () => ORGS, body: { name: '   ' }, status: 400, error: 'ValidationError', names: v('name') },
  { title: 'create org: unknown field', method: 'post', url: () => ORGS, body: { name: 'N', bogus: 1 }, status: 400, error: 'ValidationError', names: v('bogus') },
  { title: 'create org: legalHold "true"', method: 'post', url: () => ORGS, body: { name: 'N', legalHold: 'true' }, status: 400, error: 'ValidationError', names: v('legalHold') },
  { title: 'create org: email not an email', method: 'post', url: () => ORGS, body: { name: 'N', email: 'nope' }, status: 400, error: 'ValidationError', names: v('email') },
  { title: 'create org: unknown cancellationPolicy', method: 'post', url: () => ORGS, body: { name: 'N', cancellationPolicy: MISSING }, status: 400, error: 'ValidationError', names: v('cancellationPolicy') },
  { title: 'create org: a JSON array', method: 'post', url: () => ORGS, body: [{ name: 'N' }], status: 400, error: 'ValidationError', names: /object/ },
  { title: 'create org: a JSON string', method: 'post', url: () => ORGS, raw: { type: 'application/json', text: '"Acme"' }, status: 400, error: 'SyntaxError', names: /object/ },

  // GET / PUT / DELETE /organizations/:id
  { title: 'org detail: unknown id', method: 'get', url: () => `${ORGS}/${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'org detail: id with a NUL byte', method: 'get', url: () => `${ORGS}/abc%00def`, status: 404, error: 'NotFoundError', mentions: /abc/ },
  { title: 'update org: unknown id', method: 'put', url: () => `${ORGS}/${MISSING}`, body: { name: 'N' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'update org: empty body', method: 'put', url: (f) => `${ORGS}/${f.acme}`, body: {}, status: 400, error: 'ValidationError', names: /no field/ },
  { title: 'update org: purgeState (not editable)', method: 'put', url: (f) => `${ORGS}/${f.acme}`, body: { purgeState: 'purged' }, status: 400, error: 'ValidationError', names: v('purgeState') },
  { title: 'update org: unknown cancellationPolicy', method: 'put', url: (f) => `${ORGS}/${f.acme}`, body: { cancellationPolicy: MISSING }, status: 400, error: 'ValidationError', names: v('cancellationPolicy') },
  { title: 'delete org: no confirm', method: 'delete', url: (f) => `${ORGS}/${f.empty}`, status: 400, error: 'ValidationError', names: v('confirm') },
  { title: 'delete org: wrong confirm', method: 'delete', url: (f) => `${ORGS}/${f.empty}?confirm=Wrong%20Name`, status: 400, error: 'ValidationError', names: v('confirm') },
  { title: 'delete org: confirm given twice', method: 'delete', url: (f) => `${ORGS}/${f.acme}?confirm=${encodeURIComponent(f.acmeName)}&confirm=x`, status: 400, error: 'ValidationError', names: v('confirm') },
  { title: 'delete org: unknown id', method: 'delete', url: () => `${ORGS}/${MISSING}?confirm=x`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'delete org: under legal hold', method: 'delete', url: (f) => `${ORGS}/${f.held}?confirm=${encodeURIComponent(f.heldName)}`, status: 409, error: 'ConflictError', mentions: /legal hold/ },

  // POST /organizations/:id/entitlements
  ...(
    [
      ['class XYZ', { class: 'XYZ' }, 'class'],
      ['price "12"', { price: '12' }, 'price'],
      ['price 1.5', { price: 1.5 }, 'price'],
      ['price -1', { price: -1 }, 'price'],
      ['price above 2^31-1', { price: 2_147_483_648 }, 'price'],
      ['currency eur', { currency: 'eur' }, 'currency'],
      ['currency EURO', { currency: 'EURO' }, 'currency'],
      ['billingPeriod week', { billingPeriod: 'week' }, 'billingPeriod'],
      ['currentPeriodStart yesterday', { currentPeriodStart: 'yesterday' }, 'currentPeriodStart'],
      ['currentPeriodEnd 2027-13-45', { currentPeriodEnd: '2027-13-45' }, 'currentPeriodEnd'],
      ['status set by the client', { status: 'cancelled' }, 'status'],
      ['monthly without a period', { currentPeriodStart: null, currentPeriodEnd: null }, 'currentPeriodStart'],
      ['period ending before it starts', { currentPeriodEnd: '2026-12-01T00:00:00Z' }, 'currentPeriodEnd'],
    ] as const
  ).map(
    ([title, patch, field]): Row => ({
      title: `create entitlement: ${title}`,
      method: 'post',
      url: (f) => `${ORGS}/${f.scratch}/entitlements`,
      body: { ...validEntitlement, ...patch },
      status: 400,
      error: 'ValidationError',
      names: v(field),
    })
  ),
  { title: 'create entitlement: class and price missing', method: 'post', url: (f) => `${ORGS}/${f.scratch}/entitlements`, body: { currency: 'EUR', billingPeriod: 'none' }, status: 400, error: 'ValidationError', names: ['class', 'price'] },
  { title: 'create entitlement: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/entitlements`, body: validEntitlement, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'create entitlement: archived organization', method: 'post', url: (f) => `${ORGS}/${f.archived}/entitlements`, body: validEntitlement, status: 409, error: 'ConflictError', mentions: /archived/ },

  // archive / unarchive / disable / enable
  { title: 'archive: an entitlement is active', method: 'post', url: (f) => `${ORGS}/${f.acme}/archive`, body: {}, status: 409, error: 'ConflictError', mentions: /not cancelled/ },
  { title: 'archive: already archived', method: 'post', url: (f) => `${ORGS}/${f.archived}/archive`, body: {}, status: 409, error: 'ConflictError', mentions: /already archived/ },
  { title: 'archive: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/archive`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'archive: unknown body field', method: 'post', url: (f) => `${ORGS}/${f.empty}/archive`, body: { force: true }, status: 400, error: 'ValidationError', names: v('force') },
  { title: 'unarchive: not archived', method: 'post', url: (f) => `${ORGS}/${f.empty}/unarchive`, body: {}, status: 409, error: 'ConflictError', mentions: /not archived/ },
  { title: 'enable: already enabled', method: 'post', url: (f) => `${ORGS}/${f.empty}/enable`, body: {}, status: 409, error: 'ConflictError', mentions: /already enabled/ },
  { title: 'disable: already disabled', method: 'post', url: (f) => `${ORGS}/${f.archived}/disable`, body: {}, status: 409, error: 'ConflictError', mentions: /already disabled/ },
  { title: 'disable: reason 5', method: 'post', url: (f) => `${ORGS}/${f.empty}/disable`, body: { reason: 5 }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'enable: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/enable`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },

  // POST /organizations/:id/cancel-all
  { title: 'cancel-all: unknown reason code', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all`, body: { reason: 'bored', timing: 'immediate' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'cancel-all: timing later', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all`, body: { reason: 'other', timing: 'later' }, status: 400, error: 'ValidationError', names: v('timing') },
  { title: 'cancel-all: effectiveAt in the past', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all`, body: { reason: 'other', timing: 'date', effectiveAt: PAST }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'cancel-all: refund "all"', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all`, body: { reason: 'other', timing: 'immediate', refund: 'all' }, status: 400, error: 'ValidationError', names: v('refund') },
  { title: 'cancel-all: prorateAsOf not a date', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all`, body: { reason: 'other', timing: 'immediate', refund: 'prorated', prorateAsOf: 'soon' }, status: 400, error: 'ValidationError', names: v('prorateAsOf') },
  { title: 'cancel-all: nothing open to cancel', method: 'post', url: (f) => `${ORGS}/${f.empty}/cancel-all`, body: cancelBody, status: 409, error: 'ConflictError', mentions: /no active or suspended/ },
  { title: 'cancel-all: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/cancel-all`, body: cancelBody, status: 404, error: 'NotFoundError', mentions: notFound() },
  // POST /organizations/:id/cancel-all/preview
  { title: 'cancel-all preview: unknown reason code', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all/preview`, body: { reason: 'bored', timing: 'immediate' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'cancel-all preview: refund "all"', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all/preview`, body: { reason: 'other', timing: 'immediate', refund: 'all' }, status: 400, error: 'ValidationError', names: v('refund') },
  { title: 'cancel-all preview: effectiveAt in the past', method: 'post', url: (f) => `${ORGS}/${f.acme}/cancel-all/preview`, body: { reason: 'other', timing: 'date', effectiveAt: PAST }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'cancel-all preview: nothing open to cancel', method: 'post', url: (f) => `${ORGS}/${f.empty}/cancel-all/preview`, body: cancelBody, status: 409, error: 'ConflictError', mentions: /no active or suspended/ },
  { title: 'cancel-all preview: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/cancel-all/preview`, body: cancelBody, status: 404, error: 'NotFoundError', mentions: notFound() },

  // GET /organizations/:id/audit
  { title: 'audit: pageSize 1000', method: 'get', url: (f) => `${ORGS}/${f.acme}/audit?pageSize=1000`, status: 400, error: 'ValidationError', names: v('pageSize') },
  { title: 'audit: unknown organization', method: 'get', url: () => `${ORGS}/${MISSING}/audit`, status: 404, error: 'NotFoundError', mentions: notFound() },
  // GET /organizations/:id/refunds
  { title: 'refunds: pageSize 1000', method: 'get', url: (f) => `${ORGS}/${f.acme}/refunds?pageSize=1000`, status: 400, error: 'ValidationError', names: v('pageSize') },
  { title: 'refunds: unknown organization', method: 'get', url: () => `${ORGS}/${MISSING}/refunds`, status: 404, error: 'NotFoundError', mentions: notFound() },

  // collaborators
  // invitations (collaborators join only by invitation: docs/spec.md §12)
  { title: 'invite: email malformed', method: 'post', url: (f) => `${ORGS}/${f.empty}/invitations`, body: { email: 'nobody', role: 'member' }, status: 400, error: 'ValidationError', names: v('email') },
  { title: 'invite: email of 255 characters', method: 'post', url: (f) => `${ORGS}/${f.empty}/invitations`, body: { email: `${'a'.repeat(243)}@example.com`, role: 'member' }, status: 400, error: 'ValidationError', names: v('email') },
  { title: 'invite: role admin', method: 'post', url: (f) => `${ORGS}/${f.empty}/invitations`, body: (f: Fixtures) => ({ email: f.memberEmail, role: 'admin' }), status: 400, error: 'ValidationError', names: v('role') },
  { title: 'invite: already a collaborator', method: 'post', url: (f) => `${ORGS}/${f.empty}/invitations`, body: (f: Fixtures) => ({ email: f.memberEmail.toUpperCase(), role: 'owner' }), status: 409, error: 'ConflictError', mentions: /already a collaborator/ },
  { title: 'invite: the stage forbids it (pending cancellation)', method: 'post', url: (f) => `${ORGS}/${f.acme}/invitations`, body: { email: 'new@test.local', role: 'member' }, status: 409, error: 'ConflictError', mentions: /pending.cancellation/i },
  { title: 'invite: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/invitations`, body: (f: Fixtures) => ({ email: f.memberEmail, role: 'owner' }), status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'invitations: unknown state', method: 'get', url: (f) => `${ORGS}/${f.acme}/invitations?state=lost`, status: 400, error: 'ValidationError', names: v('state') },
  { title: 'invitations: unknown organization', method: 'get', url: () => `${ORGS}/${MISSING}/invitations`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'revoke invitation: unknown id', method: 'delete', url: () => `/offboarding/invitations/${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'resend invitation: unknown id', method: 'post', url: () => `/offboarding/invitations/${MISSING}/resend`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'remove collaborator: user is not one', method: 'delete', url: (f) => `${ORGS}/${f.acme}/collaborators/${f.strangerUser}`, status: 404, error: 'NotFoundError', mentions: /not found/ },
  { title: 'remove collaborator: unknown user id', method: 'delete', url: (f) => `${ORGS}/${f.acme}/collaborators/${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'remove collaborator: unknown organization', method: 'delete', url: (f) => `${ORGS}/${MISSING}/collaborators/${f.strangerUser}`, status: 404, error: 'NotFoundError', mentions: notFound() },

  // GET /entitlements/:id and POST /entitlements/:id/cancel
  { title: 'entitlement detail: unknown id', method: 'get', url: () => `${ENTS}/${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'cancel: refund half', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, refund: 'half' }, status: 400, error: 'ValidationError', names: v('refund') },
  { title: 'cancel: timing later', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, timing: 'later' }, status: 400, error: 'ValidationError', names: v('timing') },
  { title: 'cancel: reason and timing missing', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: {}, status: 400, error: 'ValidationError', names: ['reason', 'timing'] },
  { title: 'cancel: unknown reason code', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, reason: 'bored' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'cancel: inactive reason code', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: (f: Fixtures) => ({ ...cancelBody, reason: f.retiredReasonCode }), status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'cancel: effectiveAt in the past', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, timing: 'date', effectiveAt: PAST }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'cancel: effectiveAt yesterday', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, timing: 'date', effectiveAt: 'yesterday' }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'cancel: date timing without effectiveAt', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, timing: 'date' }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'cancel: period_end after the period ended', method: 'post', url: (f) => `${ENTS}/${f.periodEnded}/cancel`, body: { ...cancelBody, timing: 'period_end' }, status: 400, error: 'ValidationError', names: v('timing') },
  { title: 'cancel: period_end of a one-off order', method: 'post', url: (f) => `${ENTS}/${f.oneOff}/cancel`, body: { ...cancelBody, timing: 'period_end' }, status: 400, error: 'ValidationError', names: v('timing') },
  { title: 'cancel: prorated refund, policy not refund-eligible', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, refund: 'prorated' }, status: 400, error: 'ValidationError', names: v('refund') },
  { title: 'cancel: prorateAsOf without a prorated refund', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel`, body: { ...cancelBody, prorateAsOf: FUTURE }, status: 400, error: 'ValidationError', names: v('prorateAsOf') },
  { title: 'cancel: already pending', method: 'post', url: (f) => `${ENTS}/${f.pending}/cancel`, body: cancelBody, status: 409, error: 'ConflictError', mentions: /pending_cancellation/ },
  { title: 'cancel: already cancelled', method: 'post', url: (f) => `${ENTS}/${f.cancelled}/cancel`, body: cancelBody, status: 409, error: 'ConflictError', mentions: /"cancelled"/ },
  { title: 'cancel: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/cancel`, body: cancelBody, status: 404, error: 'NotFoundError', mentions: notFound() },

  // POST /entitlements/:id/cancel/preview
  { title: 'preview: full refund, policy not refund-eligible', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel/preview`, body: { ...cancelBody, refund: 'full' }, status: 400, error: 'ValidationError', names: v('refund') },
  { title: 'preview: a JSON array', method: 'post', url: (f) => `${ENTS}/${f.active}/cancel/preview`, body: [cancelBody], status: 400, error: 'ValidationError', names: /object/ },
  { title: 'preview: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/cancel/preview`, body: cancelBody, status: 404, error: 'NotFoundError', mentions: notFound() },

  // undo-cancel / suspend / resume / reactivate
  { title: 'undo-cancel: entitlement is active', method: 'post', url: (f) => `${ENTS}/${f.active}/undo-cancel`, body: {}, status: 409, error: 'ConflictError', mentions: /"active"/ },
  { title: 'undo-cancel: unknown body field', method: 'post', url: (f) => `${ENTS}/${f.pending}/undo-cancel`, body: { to: 'active' }, status: 400, error: 'ValidationError', names: v('to') },
  { title: 'undo-cancel: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/undo-cancel`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'suspend: reason vacation', method: 'post', url: (f) => `${ENTS}/${f.active}/suspend`, body: { reason: 'vacation' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'suspend: reasonCode that applies to cancellations only', method: 'post', url: (f) => `${ENTS}/${f.active}/suspend`, body: { reason: 'manual', reasonCode: 'customer_request' }, status: 400, error: 'ValidationError', names: v('reasonCode') },
  { title: 'suspend: pending entitlement', method: 'post', url: (f) => `${ENTS}/${f.pending}/suspend`, body: { reason: 'manual' }, status: 409, error: 'ConflictError', mentions: /pending_cancellation/ },
  { title: 'suspend: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/suspend`, body: { reason: 'manual' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'resume: entitlement is active', method: 'post', url: (f) => `${ENTS}/${f.active}/resume`, body: {}, status: 409, error: 'ConflictError', mentions: /"active"/ },
  { title: 'resume: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/resume`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },
  // status changes on a date (docs/spec.md §13)
  { title: 'dated suspend: effectiveAt in the past', method: 'post', url: (f) => `${ENTS}/${f.active}/suspend`, body: { reason: 'manual', effectiveAt: PAST }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'dated suspend: effectiveAt now', method: 'post', url: (f) => `${ENTS}/${f.active}/suspend`, body: { reason: 'manual', effectiveAt: NOW }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'dated suspend: effectiveAt not a date', method: 'post', url: (f) => `${ENTS}/${f.active}/suspend`, body: { reason: 'manual', effectiveAt: 'soon' }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'dated suspend: pending entitlement', method: 'post', url: (f) => `${ENTS}/${f.pending}/suspend`, body: { reason: 'manual', effectiveAt: FUTURE }, status: 409, error: 'ConflictError', mentions: /pending_cancellation/ },
  { title: 'dated suspend: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/suspend`, body: { reason: 'manual', effectiveAt: FUTURE }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'dated resume: entitlement is active', method: 'post', url: (f) => `${ENTS}/${f.active}/resume`, body: { effectiveAt: FUTURE }, status: 409, error: 'ConflictError', mentions: /"active"/ },
  { title: 'dated resume: effectiveAt 5', method: 'post', url: (f) => `${ENTS}/${f.active}/resume`, body: { effectiveAt: 5 }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'dated disable: already disabled', method: 'post', url: (f) => `${ORGS}/${f.archived}/disable`, body: { effectiveAt: FUTURE }, status: 409, error: 'ConflictError', mentions: /already disabled/ },
  { title: 'dated enable: effectiveAt in the past', method: 'post', url: (f) => `${ORGS}/${f.archived}/enable`, body: { effectiveAt: PAST }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
  { title: 'scheduled changes: kind later', method: 'get', url: () => '/offboarding/scheduled-changes?kind=later', status: 400, error: 'ValidationError', names: v('kind') },
  { title: 'scheduled changes: to before from', method: 'get', url: () => `/offboarding/scheduled-changes?from=${FUTURE}&to=${NOW}`, status: 400, error: 'ValidationError', names: v('to') },
  { title: 'scheduled changes: unknown organization', method: 'get', url: () => `/offboarding/scheduled-changes?organization=${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'insights: from not a date', method: 'get', url: () => '/offboarding/insights/cancellations?from=2027-02-30', status: 400, error: 'ValidationError', names: v('from') },
  { title: 'insights: to before from', method: 'get', url: () => `/offboarding/insights/refunds?from=${FUTURE}&to=${NOW}`, status: 400, error: 'ValidationError', names: v('to') },
  { title: 'insights: over five years', method: 'get', url: () => '/offboarding/insights/churn?from=2020-01-01&to=2026-01-02', status: 400, error: 'ValidationError', names: v('from') },
  { title: 'insights: unknown parameter', method: 'get', url: () => '/offboarding/insights/statuses?status=active', status: 400, error: 'ValidationError', names: /unknown query parameter/ },
  { title: 'insights: days out of bounds', method: 'get', url: () => '/offboarding/insights/upcoming?days=400', status: 400, error: 'ValidationError', names: v('days') },
  { title: 'insights: interval month', method: 'get', url: () => '/offboarding/insights/upcoming?interval=month', status: 400, error: 'ValidationError', names: v('interval') },
  { title: 'audit log: actor type robot', method: 'get', url: () => '/offboarding/audit?actorType=robot', status: 400, error: 'ValidationError', names: v('actorType') },
  { title: 'audit log: action not an event type', method: 'get', url: () => '/offboarding/audit?action=DROP%20TABLE', status: 400, error: 'ValidationError', names: v('action') },
  { title: 'audit log: to before from', method: 'get', url: () => `/offboarding/audit?from=${FUTURE}&to=${NOW}`, status: 400, error: 'ValidationError', names: v('to') },
  { title: 'audit log: page size 500', method: 'get', url: () => '/offboarding/audit?pageSize=500', status: 400, error: 'ValidationError', names: v('pageSize') },
  { title: 'cancel scheduled change: unknown', method: 'delete', url: () => `/offboarding/scheduled-changes/${MISSING}`, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'cancel scheduled change: no pending cancellation', method: 'delete', url: (f) => `/offboarding/scheduled-changes/cancellation:${f.active}`, status: 404, error: 'NotFoundError', mentions: /cancellation:/ },
  { title: 'cancel scheduled change: a purge', method: 'delete', url: (f) => `/offboarding/scheduled-changes/purge:${f.archived}`, status: 409, error: 'ConflictError', mentions: /cannot be undone here: purge/ },
  { title: 'reactivate: entitlement is active', method: 'post', url: (f) => `${ENTS}/${f.active}/reactivate`, body: {}, status: 409, error: 'ConflictError', mentions: /"active"/ },
  { title: 'reactivate: entitlement is pending', method: 'post', url: (f) => `${ENTS}/${f.pending}/reactivate`, body: {}, status: 409, error: 'ConflictError', mentions: /pending_cancellation/ },
  { title: 'reactivate: organization archived', method: 'post', url: (f) => `${ENTS}/${f.cancelledInArchived}/reactivate`, body: {}, status: 409, error: 'ConflictError', mentions: /archived/ },
  { title: 'reactivate: unknown entitlement', method: 'post', url: () => `${ENTS}/${MISSING}/reactivate`, body: {}, status: 404, error: 'NotFoundError', mentions: notFound() },

  // cancellation policies
  { title: 'create policy: refundEligible "true"', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', refundEligible: 'true' }, status: 400, error: 'ValidationError', names: v('refundEligible') },
  { title: 'create policy: isDefault "yes"', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', isDefault: 'yes' }, status: 400, error: 'ValidationError', names: v('isDefault') },
  { title: 'create policy: portalVisibilityDays -1', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', portalVisibilityDays: -1 }, status: 400, error: 'ValidationError', names: v('portalVisibilityDays') },
  { title: 'create policy: gracePeriodDays 1.5', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', gracePeriodDays: 1.5 }, status: 400, error: 'ValidationError', names: v('gracePeriodDays') },
  { title: 'create policy: dataRetentionDays "365"', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', dataRetentionDays: '365' }, status: 400, error: 'ValidationError', names: v('dataRetentionDays') },
  { title: 'create policy: entitlementClass XYZ', method: 'post', url: () => '/offboarding/policies', body: { name: 'P1', entitlementClass: 'XYZ' }, status: 400, error: 'ValidationError', names: v('entitlementClass') },
  { title: 'create policy: name missing', method: 'post', url: () => '/offboarding/policies', body: { refundEligible: true }, status: 400, error: 'ValidationError', names: v('name') },
  { title: 'create policy: name taken', method: 'post', url: () => '/offboarding/policies', body: { name: 'Default' }, status: 409, error: 'ConflictError', mentions: /already exists/ },
  { title: 'create policy: class already has a policy', method: 'post', url: () => '/offboarding/policies', body: { name: 'Env 2', entitlementClass: 'ENV' }, status: 409, error: 'ConflictError', mentions: /already applies to class ENV/ },
  { title: 'update policy: unknown id', method: 'put', url: () => `/offboarding/policies/${MISSING}`, body: { name: 'P1' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'update policy: empty body', method: 'put', url: (f) => `/offboarding/policies/${f.envPolicy}`, body: {}, status: 400, error: 'ValidationError', names: /no field/ },
  { title: 'update policy: default made not default', method: 'put', url: (f) => `/offboarding/policies/${f.defaultPolicy}`, body: { isDefault: false }, status: 409, error: 'ConflictError', mentions: /default/ },

  // provisioning policies
  { title: 'update provisioning policy: deprovisionOnCancel "false"', method: 'put', url: (f) => `/offboarding/provisioning-policies/${f.provisioningPolicy}`, body: { deprovisionOnCancel: 'false' }, status: 400, error: 'ValidationError', names: v('deprovisionOnCancel') },
  { title: 'update provisioning policy: field missing', method: 'put', url: (f) => `/offboarding/provisioning-policies/${f.provisioningPolicy}`, body: {}, status: 400, error: 'ValidationError', names: v('deprovisionOnCancel') },
  { title: 'update provisioning policy: unknown id', method: 'put', url: () => `/offboarding/provisioning-policies/${MISSING}`, body: { deprovisionOnCancel: false }, status: 404, error: 'NotFoundError', mentions: notFound() },

  // reasons
  { title: 'list reasons: appliesTo refund', method: 'get', url: () => '/offboarding/reasons?appliesTo=refund', status: 400, error: 'ValidationError', names: v('appliesTo') },
  { title: 'list reasons: active maybe', method: 'get', url: () => '/offboarding/reasons?active=maybe', status: 400, error: 'ValidationError', names: v('active') },
  { title: 'create reason: code Bad Code', method: 'post', url: () => '/offboarding/reasons', body: { code: 'Bad Code', label: 'Bad' }, status: 400, error: 'ValidationError', names: v('code') },
  { title: 'create reason: label of 600 characters', method: 'post', url: () => '/offboarding/reasons', body: { code: 'long_label', label: 'x'.repeat(600) }, status: 400, error: 'ValidationError', names: v('label') },
  { title: 'update reason: label of 600 characters', method: 'put', url: (f) => `/offboarding/reasons/${f.retiredReason}`, body: { label: 'x'.repeat(600) }, status: 400, error: 'ValidationError', names: v('label') },
  { title: 'create reason: label missing', method: 'post', url: () => '/offboarding/reasons', body: { code: 'no_label' }, status: 400, error: 'ValidationError', names: v('label') },
  { title: 'create reason: code taken', method: 'post', url: () => '/offboarding/reasons', body: { code: 'other', label: 'Other again' }, status: 409, error: 'ConflictError', mentions: /already exists/ },
  { title: 'update reason: unknown id', method: 'put', url: () => `/offboarding/reasons/${MISSING}`, body: { label: 'L' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'update reason: code changed', method: 'put', url: (f) => `/offboarding/reasons/${f.retiredReason}`, body: { code: 'renamed' }, status: 400, error: 'ValidationError', names: v('code') },
  { title: 'update reason: active "no"', method: 'put', url: (f) => `/offboarding/reasons/${f.retiredReason}`, body: { active: 'no' }, status: 400, error: 'ValidationError', names: v('active') },

  // retention: purge queue, extensions, legal holds
  { title: 'retention queue: pageSize 1000', method: 'get', url: () => '/offboarding/retention/queue?pageSize=1000', status: 400, error: 'ValidationError', names: v('pageSize') },
  { title: 'retention queue: unknown parameter', method: 'get', url: () => '/offboarding/retention/queue?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },
  { title: 'extend retention: until yesterday', method: 'post', url: (f) => `${ORGS}/${f.archived}/retention/extend`, body: { until: 'yesterday', reason: 'audit' }, status: 400, error: 'ValidationError', names: v('until') },
  { title: 'extend retention: until in the past', method: 'post', url: (f) => `${ORGS}/${f.archived}/retention/extend`, body: { until: PAST, reason: 'audit' }, status: 400, error: 'ValidationError', names: v('until') },
  { title: 'extend retention: until before the current retention date', method: 'post', url: (f) => `${ORGS}/${f.archived}/retention/extend`, body: { until: FUTURE, reason: 'audit' }, status: 400, error: 'ValidationError', names: v('until') },
  { title: 'extend retention: reason missing', method: 'post', url: (f) => `${ORGS}/${f.archived}/retention/extend`, body: { until: '2029-01-01T00:00:00Z' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'extend retention: unknown field', method: 'post', url: (f) => `${ORGS}/${f.archived}/retention/extend`, body: { until: '2029-01-01T00:00:00Z', reason: 'audit', purgeState: 'none' }, status: 400, error: 'ValidationError', names: v('purgeState') },
  { title: 'extend retention: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/retention/extend`, body: { until: '2029-01-01T00:00:00Z', reason: 'audit' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'legal hold: reason missing', method: 'post', url: (f) => `${ORGS}/${f.empty}/retention/hold`, body: {}, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'legal hold: already held', method: 'post', url: (f) => `${ORGS}/${f.held}/retention/hold`, body: { reason: 'again' }, status: 409, error: 'ConflictError', mentions: /already under legal hold/ },
  { title: 'legal hold: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/retention/hold`, body: { reason: 'litigation' }, status: 404, error: 'NotFoundError', mentions: notFound() },
  { title: 'lift legal hold: not held', method: 'delete', url: (f) => `${ORGS}/${f.empty}/retention/hold`, status: 409, error: 'ConflictError', mentions: /not under legal hold/ },
  { title: 'lift legal hold: unknown organization', method: 'delete', url: () => `${ORGS}/${MISSING}/retention/hold`, status: 404, error: 'NotFoundError', mentions: notFound() },

  // checklist: reopening a step
  { title: 'reopen step: reason missing', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/reopen`, body: {}, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'reopen step: reason blank', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/reopen`, body: { reason: '  ' }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'reopen step: reason of 501 characters', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/reopen`, body: { reason: 'r'.repeat(501) }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'reopen step: reason 7', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/reopen`, body: { reason: 7 }, status: 400, error: 'ValidationError', names: v('reason') },
  { title: 'reopen step: unknown field', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/reopen`, body: { reason: 'why', step: 'archive' }, status: 400, error: 'ValidationError', names: v('step') },
  { title: 'reopen step: unknown step', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/tidy_up/reopen`, body: { reason: 'why' }, status: 400, error: 'ValidationError', names: v('step') },
  { title: 'reopen step: a pending step', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/archive/reopen`, body: { reason: 'why' }, status: 409, error: 'ConflictError', mentions: /nothing to reopen/ },
  { title: 'reopen step: an automatic step whose condition holds', method: 'post', url: (f) => `${ORGS}/${f.checklisted}/checklist/steps/cancel_entitlements/reopen`, body: { reason: 'why' }, status: 409, error: 'ConflictError', mentions: /complete itself again/ },
  { title: 'reopen step: checklist not started', method: 'post', url: (f) => `${ORGS}/${f.empty}/checklist/steps/review_entitlements/reopen`, body: { reason: 'why' }, status: 409, error: 'ConflictError', mentions: /not been started/ },
  { title: 'reopen step: unknown organization', method: 'post', url: () => `${ORGS}/${MISSING}/checklist/steps/review_entitlements/reopen`, body: { reason: 'why' }, status: 404, error: 'NotFoundError', mentions: notFound() },

  // jobs and the task queue
  { title: 'run job: unknown job', method: 'post', url: () => '/offboarding/jobs/everything/run', body: {}, status: 404, error: 'NotFoundError', mentions: /everything/ },
  { title: 'run job: unknown body field', method: 'post', url: () => '/offboarding/jobs/purge/run', body: { force: true }, status: 400, error: 'ValidationError', names: v('force') },
  { title: 'tasks: state foo', method: 'get', url: () => '/offboarding/tasks?state=foo', status: 400, error: 'ValidationError', names: v('state') },
  { title: 'tasks: unknown parameter', method: 'get', url: () => '/offboarding/tasks?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },

  // endpoints whose only input is the query string: unknown parameters are refused like elsewhere
  { title: 'jobs: unknown parameter', method: 'get', url: () => '/offboarding/jobs?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },
  { title: 'stats: unknown parameter', method: 'get', url: () => '/offboarding/stats?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },
  { title: 'list policies: unknown parameter', method: 'get', url: () => '/offboarding/policies?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },
  { title: 'list provisioning policies: unknown parameter', method: 'get', url: () => '/offboarding/provisioning-policies?bogus=1', status: 400, error: 'ValidationError', names: v('bogus') },

  // NUL bytes: PostgreSQL cannot store or compare them, so they must stop at validation.
  { title: 'entitlement detail: id with a NUL byte', method: 'get', url: () => `${ENTS}/abc%00def`, status: 404, error: 'NotFoundError', mentions: /abc/ },
  { title: 'list: q with a NUL byte', method: 'get', url: () => `${ORGS}?q=a%00b`, status: 400, error: 'ValidationError', names: v('q') },
  { title: 'create org: name with a NUL byte', method: 'post', url: () => ORGS, body: { name: 'Acme\u0000Corp' }, status: 400, error: 'ValidationError', names: v('name') },

  // Impossible calendar dates: refused rather than rolled over into the next month.
  { title: 'create entitlement: currentPeriodEnd 2027-02-30', method: 'post', url: (f) => `${ORGS}/${f.scratch}/entitlements`, body: { ...validEntitlement, currentPeriodEnd: '2027-02-30T00:00:00Z' }, status: 400, error: 'ValidationError', names: v('currentPeriodEnd') },
  { title: 'extend retention: until 2029-02-30', method: 'post', url: (f) => `${ORGS}/${f.scratch}/retention/extend`, body: { until: '2029-02-30T00:00:00Z', reason: 'audit' }, status: 400, error: 'ValidationError', names: v('until') },
  { title: 'cancel: effectiveAt 2027-04-31', method: 'post', url: (f) => `${ENTS}/${f.scratchEntitlement}/cancel`, body: { ...cancelBody, timing: 'date', effectiveAt: '2027-04-31T00:00:00Z' }, status: 400, error: 'ValidationError', names: v('effectiveAt') },
];

interface ErrorBody {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details?: { code?: string; errors?: { path: string[]; message: string }[] };
  };
}

const h = useHarness('bad-input', { now: NOW, refreeze: 'once' });
const { api } = h;
const fixtures = {} as Fixtures;

const createOrg = async (name: string) => (await data(api.post(ORGS, { name }), 201)).documentId;
const createEntitlement = async (org: string, body: Record<string, unknown>) =>
  (await data(api.post(`${ORGS}/${org}/entitlements`, body), 201)).documentId;

const buildFixtures = async (f: Fixtures) => {
  f.acmeName = 'Acme Bad Input';
  f.acme = await createOrg(f.acmeName);
  f.active = await createEntitlement(f.acme, validEntitlement);
  f.periodEnded = await createEntitlement(f.acme, {
    ...validEntitlement,
    class: 'SVC',
    currentPeriodStart: '2026-12-01T00:00:00Z',
    currentPeriodEnd: '2027-01-01T00:00:00Z',
  });
  f.oneOff = await createEntitlement(f.acme, { class: 'ORD', price: 100, currency: 'EUR', billingPeriod: 'none' });
  f.pending = await createEntitlement(f.acme, validEntitlement);
  await data(api.post(`${ENTS}/${f.pending}/cancel`, { ...cancelBody, timing: 'period_end' }), 200);
  f.cancelled = await createEntitlement(f.acme, validEntitlement);
  await data(api.post(`${ENTS}/${f.cancelled}/cancel`, cancelBody), 200);

  f.memberEmail = 'member@bad-input.test';
  await h.strapi.db.query('plugin::users-permissions.user').create({
    data: { username: 'member', email: f.memberEmail, provider: 'local', confirmed: true, blocked: false },
  });
  const stranger = await h.strapi.db.query('plugin::users-permissions.user').create({
    data: { username: 'stranger', email: 'stranger@bad-input.test', provider: 'local', confirmed: true, blocked: false },
  });
  f.strangerUser = stranger.documentId as string;
  await h.collaborator(f.acme, f.memberEmail, 'member');

  f.empty = await createOrg('Empty Co');
  await h.collaborator(f.empty, f.memberEmail, 'member');
  f.archived = await createOrg('Archived Co');
  f.cancelledInArchived = await createEntitlement(f.archived, validEntitlement);
  await data(api.post(`${ENTS}/${f.cancelledInArchived}/cancel`, cancelBody), 200);
  await data(api.post(`${ORGS}/${f.archived}/archive`, {}), 200);
  await data(api.post(`${ORGS}/${f.archived}/disable`, { reason: 'unpaid' }), 200);

  f.heldName = 'Held Co';
  f.held = await createOrg(f.heldName);
  await data(api.post(`${ORGS}/${f.held}/retention/hold`, { reason: 'litigation' }), 200);

  f.checklisted = await createOrg('Checklist Co');
  await data(api.post(`${ORGS}/${f.checklisted}/checklist/start`, {}), 201);
  await data(api.post(`${ORGS}/${f.checklisted}/checklist/steps/review_entitlements/complete`, {}), 200);

  f.scratch = await createOrg('Scratch Co');
  f.scratchEntitlement = await createEntitlement(f.scratch, validEntitlement);

  const policies = (await api.get('/offboarding/policies')).body.data as { documentId: string; isDefault: boolean }[];
  f.defaultPolicy = policies.find((p) => p.isDefault)?.documentId ?? '';
  f.envPolicy = (await data(api.post('/offboarding/policies', { name: 'Env policy', entitlementClass: 'ENV' }), 201)).documentId;
  const provisioning = (await api.get('/offboarding/provisioning-policies')).body.data as { documentId: string }[];
  f.provisioningPolicy = provisioning[0]?.documentId ?? '';
  await data(api.post('/offboarding/reasons', { code: 'retired_reason', label: 'Retired' }), 201);
  const reasons = (await api.get('/offboarding/reasons')).body.data as { documentId: string; code: string }[];
  const retired = reasons.find((r) => r.code === 'retired_reason')?.documentId ?? '';
  await data(api.put(`/offboarding/reasons/${retired}`, { active: false }), 200);
  f.retiredReason = retired;
  f.retiredReasonCode = 'retired_reason';
};

const send = (row: Row): Promise<request.Response> => {
  const url = row.url(fixtures);
  const req = request(h.server)[row.method](url).set('Authorization', `Bearer ${h.session.token}`);
  if (row.raw) return req.set('Content-Type', row.raw.type).send(row.raw.text).then((r) => r);
  if (row.body === undefined) return req.then((r) => r);
  const body = typeof row.body === 'function' ? (row.body as (f: Fixtures) => unknown)(fixtures) : row.body;
  return req.send(body as object).then((r) => r);
};

/** The fields or rule the error names: paths of details.errors, and every message. */
const naming = (error: ErrorBody['error'], names: readonly string[] | RegExp) => {
  const paths = (error.details?.errors ?? []).map((e) => e.path.join('.'));
  const messages = [error.message, ...(error.details?.errors ?? []).map((e) => e.message)];
  const named =
    names instanceof RegExp
      ? messages.some((m) => names.test(m))
      : names.every((field) => paths.includes(field) || messages.some((m) => new RegExp(`\\b${field}\\b`).test(m)));
  return { named, paths, messages };
};

beforeAll(() => buildFixtures(fixtures));

it.each(ROWS)('$method $title → $status', async (row) => {
  const before = await snapshotPluginTables(h.strapi);
  const res = await send(row);
  const after = await snapshotPluginTables(h.strapi);

  expect(res.status).toBeLessThan(500);
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: row.status });
  const { error } = res.body as ErrorBody;
  expect(res.body).toMatchObject({ data: null, error: { status: row.status, name: row.error } });
  // docs/spec.md §7: every refusal carries a documented code of its status (a body that is not
  // JSON is refused by Strapi's parser before the plugin is reached).
  if (row.error !== 'SyntaxError') {
    const code = error.details?.code ?? '';
    expect({ code, status: ERROR_CODES[code as keyof typeof ERROR_CODES] }).toEqual({ code, status: row.status });
  }
  if (row.status === 400) {
    expect(naming(error, row.names)).toMatchObject({ named: true });
  } else {
    expect(error.message).toMatch(row.mentions);
  }
  expect(after).toEqual(before);
});
