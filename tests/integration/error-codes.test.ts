/**
 * docs/spec.md §7, error codes: a refused request answers its status, an English `message` and a
 * stable `details.code` the panel translates, with the other details kept. One request per kind
 * of refusal: validation, not found, a conflict of each main aggregate, forbidden, unauthorized,
 * and the content API. Clock frozen at NOW.
 */
import request from 'supertest';
import { ERROR_CODES, type ErrorCode } from '../../src/plugins/offboarding/shared/contracts/error-codes';
import { NOW, cancelNow, createEntitlement, createOrg, createPolicy, expectStatus, plusDays, useHarness } from '../helpers/harness';

const h = useHarness('error-codes', { now: NOW });
const MISSING = 'doesnotexist0000000000000';

interface ErrorBody {
  error: { status: number; name: string; message: string; details: Record<string, unknown> & { code?: string } };
}

/** What a client reads off a refusal: the status, the code and the English message. */
const refusal = (res: request.Response) => {
  const { error } = res.body as ErrorBody;
  return { status: res.status, code: error?.details?.code, message: error?.message };
};

/** Asserts the refusal, that the code's documented status is the one answered, and returns the details. */
const expectRefusal = (res: request.Response, status: number, code: ErrorCode, message: RegExp) => {
  expect(refusal(res)).toEqual({ status, code, message: expect.stringMatching(message) });
  expect(ERROR_CODES[code]).toBe(status);
  return (res.body as ErrorBody).error.details;
};

it('validation.invalid: a missing field is named in details.errors, as before', async () => {
  const res = await h.api.post('/offboarding/organizations', {});
  const details = expectRefusal(res, 400, 'validation.invalid', /name/);
  expect(details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['name'] })]));
});

it('validation.date_not_in_future: a cancellation dated in the past names effectiveAt', async () => {
  const org = await createOrg(h.api);
  const ent = await createEntitlement(h.api, org.documentId);
  const res = await h.api.post(`/offboarding/entitlements/${ent.documentId}/cancel`, {
    reason: 'customer_request',
    timing: 'date',
    effectiveAt: plusDays(NOW, -3),
  });
  const details = expectRefusal(res, 400, 'validation.date_not_in_future', /effectiveAt must be in the future/);
  expect(details.errors).toEqual([expect.objectContaining({ path: ['effectiveAt'] })]);
});

it('organization.not_found and entitlement.not_found: an unknown id, with the id kept in details', async () => {
  const org = await h.api.get(`/offboarding/organizations/${MISSING}`);
  expect(expectRefusal(org, 404, 'organization.not_found', /Organization "doesnotexist0+" was not found/)).toMatchObject({ id: MISSING });
  const ent = await h.api.get(`/offboarding/entitlements/${MISSING}`);
  expectRefusal(ent, 404, 'entitlement.not_found', /Entitlement "doesnotexist0+" was not found/);
});

it('request.invalid_id: an id that cannot be one', async () => {
  const res = await h.api.get('/offboarding/organizations/not%20an%20id');
  expect(expectRefusal(res, 404, 'request.invalid_id', /No resource has the id/)).toMatchObject({ param: 'id' });
});

it('entitlement.not_cancellable: cancelling a cancelled entitlement keeps currentStatus and allowedFrom', async () => {
  const org = await createOrg(h.api);
  const ent = await createEntitlement(h.api, org.documentId);
  expectStatus(await cancelNow(h.api, ent.documentId), 200);
  const details = expectRefusal(await cancelNow(h.api, ent.documentId), 409, 'entitlement.not_cancellable', /Cannot cancel an entitlement whose status is "cancelled"/);
  expect(details).toMatchObject({ currentStatus: 'cancelled', action: 'cancel' });
});

it('organization.open_entitlements, organization.already_archived and organization.archived', async () => {
  const org = await createOrg(h.api);
  const ent = await createEntitlement(h.api, org.documentId);
  const open = await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {});
  expect(expectRefusal(open, 409, 'organization.open_entitlements', /Cannot archive: 1 entitlement/).entitlements).toHaveLength(1);

  expectStatus(await cancelNow(h.api, ent.documentId), 200);
  expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {}), 200);
  const again = await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {});
  expectRefusal(again, 409, 'organization.already_archived', /already archived/);

  const added = await h.api.post(`/offboarding/organizations/${org.documentId}/entitlements`, {
    class: 'PLG',
    price: 100,
    currency: 'EUR',
    billingPeriod: 'none',
  });
  expectRefusal(added, 409, 'organization.archived', /archived: unarchive it before adding entitlements/);
});

it('organization.not_archived: unarchiving an organization that is not archived', async () => {
  const org = await createOrg(h.api);
  const res = await h.api.post(`/offboarding/organizations/${org.documentId}/unarchive`, {});
  expectRefusal(res, 409, 'organization.not_archived', /not archived/);
});

it('policy.name_taken and reason.code_taken: settings conflicts', async () => {
  const policy = await createPolicy(h.api, {});
  const res = await h.api.post('/offboarding/policies', { name: policy.name });
  expectRefusal(res, 409, 'policy.name_taken', /already exists/);

  const reason = { code: `reason_${process.pid}`, label: 'A reason' };
  expectStatus(await h.api.post('/offboarding/reasons', reason), 201);
  const twice = await h.api.post('/offboarding/reasons', reason);
  expect(expectRefusal(twice, 409, 'reason.code_taken', /already exists/)).toMatchObject({ reasonCode: reason.code });
});

it('checklist.not_started: completing a step of a checklist nobody started', async () => {
  const org = await createOrg(h.api);
  const res = await h.api.post(`/offboarding/organizations/${org.documentId}/checklist/steps/review_entitlements/complete`, {});
  expectRefusal(res, 409, 'checklist.not_started', /has not been started/);
});

it('legal_hold.not_on: lifting a hold that is not there', async () => {
  const org = await createOrg(h.api);
  const res = await h.api.delete(`/offboarding/organizations/${org.documentId}/retention/hold`);
  expectRefusal(res, 409, 'legal_hold.not_on', /not under legal hold/);
});

it("auth.forbidden and auth.unauthorized: Strapi's own refusals on the plugin's routes are coded too", async () => {
  const org = await createOrg(h.api);
  const reader = await h.admin(['read']);
  const res = await reader.post(`/offboarding/organizations/${org.documentId}/archive`, {});
  expectRefusal(res, 403, 'auth.forbidden', /Policy Failed/);

  const anonymous = await request(h.server).get('/offboarding/organizations');
  expectRefusal(anonymous, 401, 'auth.unauthorized', /Missing or invalid credentials/);
});

it('organization.not_found on the content API, and export.link_invalid on the signed link', async () => {
  const user = await h.portalUser();
  const res = await request(h.server).get(`/api/offboarding/portal/organizations/${MISSING}`).set(user.auth);
  expectRefusal(res, 404, 'organization.not_found', /was not found/);

  const link = await request(h.server).get('/api/offboarding/exports/download').query({ token: 'not-a-valid-token' });
  expectRefusal(link, 403, 'export.link_invalid', /This download link is not valid/);
});
