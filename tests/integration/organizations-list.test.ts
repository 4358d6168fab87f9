/**
 * The organizations list as the panel uses it (issue 16): sorting, the count of archived
 * organizations a search also matches, stats that agree with the list, bulk actions with their
 * per-id answers (a refused id, an admin limited by RBAC), and the CSV export of the filtered
 * list with its cells escaped against formula injection. Clock frozen at NOW.
 */
import type { BulkResult, Organization, Stats } from '../../src/plugins/offboarding/shared/contracts';
import { NOW, cancelNow, createEntitlement, createOrg, expectStatus, getEntitlement, getOrg, unique, useHarness } from '../helpers/harness';
import { organizationStore } from '../../src/plugins/offboarding/server/src/store/organization';

const h = useHarness('organizations-list', { now: NOW });

const list = async (query: string) => {
  const res = await h.api.get(`/offboarding/organizations?${query}`);
  expectStatus(res, 200);
  return res.body as { data: Organization[]; meta: { pagination: { total: number }; archivedMatches?: number } };
};
const names = async (query: string) => (await list(query)).data.map((org) => org.name);
const stats = async (): Promise<Stats> => (await h.api.get('/offboarding/stats')).body.data;

/** An organization whose only entitlement is cancelled, then archived. */
const archivedCancelled = async (name: string) => {
  const org = await createOrg(h.api, { name });
  const ent = await createEntitlement(h.api, org.documentId);
  expectStatus(await cancelNow(h.api, ent.documentId), 200);
  expectStatus(await h.api.post(`/offboarding/organizations/${org.documentId}/archive`, {}), 200);
  return org;
};

describe('sorting', () => {
  it('sorts by name, creation date and status, both ways, and says which sort it refuses', async () => {
    const tag = unique('Sort');
    const b = await createOrg(h.api, { name: `${tag} Bravo` });
    const c = await createOrg(h.api, { name: `${tag} Charlie` });
    const a = await createOrg(h.api, { name: `${tag} Alpha` });
    expectStatus(await cancelNow(h.api, (await createEntitlement(h.api, c.documentId)).documentId), 200);
    await createEntitlement(h.api, a.documentId);
    await createEntitlement(h.api, b.documentId);
    const q = `q=${encodeURIComponent(tag)}`;

    expect(await names(q)).toEqual([a.name, b.name, c.name]);
    expect(await names(`${q}&sort=name:desc`)).toEqual([c.name, b.name, a.name]);
    // Created in the order b, c, a: the newest first.
    expect(await names(`${q}&sort=createdAt:desc`)).toEqual([a.name, c.name, b.name]);
    expect(await names(`${q}&sort=createdAt:asc`)).toEqual([b.name, c.name, a.name]);
    // active < cancelled, then by name.
    expect(await names(`${q}&sort=status:asc`)).toEqual([a.name, b.name, c.name]);
    expect(await names(`${q}&sort=status:desc`)).toEqual([c.name, a.name, b.name]);
    // Pages do not overlap under a sort.
    const first = await names(`${q}&sort=name:desc&pageSize=2&page=1`);
    const second = await names(`${q}&sort=name:desc&pageSize=2&page=2`);
    expect([...first, ...second]).toEqual([c.name, b.name, a.name]);

    for (const bad of ['nope:asc', 'name', 'name:up', 'notes:asc']) {
      const res = await h.api.get(`/offboarding/organizations?sort=${encodeURIComponent(bad)}`);
      expectStatus(res, 400);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path)).toEqual([['sort']]);
    }
  });
});

describe('a search that matches archived organizations only', () => {
  it('answers how many archived organizations it also matches while archived ones are hidden', async () => {
    const tag = unique('Hidden');
    await archivedCancelled(`${tag} One`);
    await archivedCancelled(`${tag} Two`);
    const hidden = await list(`q=${encodeURIComponent(tag)}`);
    expect(hidden.data).toEqual([]);
    expect(hidden.meta.archivedMatches).toBe(2);
    const shown = await list(`q=${encodeURIComponent(tag)}&archived=include`);
    expect(shown.data.map((org) => org.name).sort()).toEqual([`${tag} One`, `${tag} Two`]);
    expect(shown.meta.archivedMatches).toBeUndefined();
    // No search, no count.
    expect((await list('')).meta.archivedMatches).toBeUndefined();
  });
});

describe('stats', () => {
  it('counts archived cancelled organizations by status with archived ones, and without them', async () => {
    const before = await stats();
    await archivedCancelled(unique('Stats'));
    const after = await stats();
    expect(after.organizations.byStatus.cancelled - before.organizations.byStatus.cancelled).toBe(0);
    expect(after.organizations.byStatusWithArchived.cancelled - before.organizations.byStatusWithArchived.cancelled).toBe(1);
    expect(after.organizations.archived - before.organizations.archived).toBe(1);
    // Each count agrees with the list under the same "show archived" choice.
    const open = await list('status=cancelled&pageSize=1');
    const all = await list('status=cancelled&archived=include&pageSize=1');
    expect(open.meta.pagination.total).toBe(after.organizations.byStatus.cancelled);
    expect(all.meta.pagination.total).toBe(after.organizations.byStatusWithArchived.cancelled);
  });
});

describe('bulk actions', () => {
  const bulk = (api: typeof h.api, body: unknown) => api.post('/offboarding/organizations/bulk', body);

  it('archives what it may, and answers the refused ids with their reasons without stopping', async () => {
    const done = await createOrg(h.api, { name: unique('Bulk done') });
    const open = await createOrg(h.api, { name: unique('Bulk open') });
    await createEntitlement(h.api, open.documentId);
    const alsoDone = await createOrg(h.api, { name: unique('Bulk done too') });
    const res = await bulk(h.api, { action: 'archive', ids: [done.documentId, open.documentId, 'unknown-org', alsoDone.documentId] });
    expectStatus(res, 200);
    const results: BulkResult[] = res.body.data;
    expect(results.map(({ id, ok, error }) => ({ id, ok, status: error?.status }))).toEqual([
      { id: done.documentId, ok: true, status: undefined },
      { id: open.documentId, ok: false, status: 409 },
      { id: 'unknown-org', ok: false, status: 404 },
      { id: alsoDone.documentId, ok: true, status: undefined },
    ]);
    expect(results[1].error?.message).toMatch(/not cancelled/);
    expect(res.body.meta).toEqual({ done: 2, refused: 2 });
    expect((await getOrg(h.api, done.documentId)).archivedAt).not.toBeNull();
    expect((await getOrg(h.api, alsoDone.documentId)).archivedAt).not.toBeNull();
    expect((await getOrg(h.api, open.documentId)).archivedAt).toBeNull();
  });

  it('cancels at period end and requests exports', async () => {
    const org = await createOrg(h.api, { name: unique('Bulk cancel') });
    const ent = await createEntitlement(h.api, org.documentId);
    const cancel = await bulk(h.api, { action: 'cancel_at_period_end', ids: [org.documentId], reason: 'customer_request' });
    expectStatus(cancel, 200);
    expect(cancel.body.data).toEqual([{ id: org.documentId, ok: true }]);
    expect(await getEntitlement(h.api, ent.documentId)).toMatchObject({ status: 'pending_cancellation', cancelTiming: 'period_end' });
    // Nothing left to cancel: refused, 409.
    const again = await bulk(h.api, { action: 'cancel_at_period_end', ids: [org.documentId], reason: 'customer_request' });
    expect(again.body.data[0]).toMatchObject({ ok: false, error: { status: 409 } });

    const exported = await bulk(h.api, { action: 'export', ids: [org.documentId] });
    expectStatus(exported, 200);
    expect(exported.body.data).toEqual([{ id: org.documentId, ok: true }]);
    const exports = await h.api.get(`/offboarding/organizations/${org.documentId}/exports`);
    expect(exports.body.meta.pagination.total).toBe(1);
  });

  it("checks each id against the admin's own permission for the action", async () => {
    const org = await createOrg(h.api, { name: unique('Bulk rbac') });
    const reader = await h.admin(['read']);
    const refused = await bulk(reader, { action: 'archive', ids: [org.documentId] });
    expectStatus(refused, 200);
    expect(refused.body.data).toEqual([{ id: org.documentId, ok: false, error: expect.objectContaining({ status: 403 }) }]);
    expect((await getOrg(h.api, org.documentId)).archivedAt).toBeNull();

    const archiver = await h.admin(['read', 'archive']);
    expect((await bulk(archiver, { action: 'export', ids: [org.documentId] })).body.data[0]).toMatchObject({ ok: false, error: { status: 403 } });
    expect((await bulk(archiver, { action: 'archive', ids: [org.documentId] })).body.data[0]).toEqual({ id: org.documentId, ok: true });

    const nobody = await h.admin([]);
    expectStatus(await bulk(nobody, { action: 'archive', ids: [org.documentId] }), 403);
  });

  it('refuses a malformed request with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ action: 'delete', ids: ['a'] }, 'action'],
      [{ action: 'archive', ids: [] }, 'ids'],
      [{ action: 'archive', ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }, 'ids'],
      [{ action: 'archive' }, 'ids'],
      [{ action: 'cancel_at_period_end', ids: ['a'] }, 'reason'],
      [{ action: 'archive', ids: ['a'], extra: 1 }, ''],
      [{ action: 'cancel_at_period_end', ids: ['a'], reason: 'no_such_reason' }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const res = await bulk(h.api, body);
      expectStatus(res, 400);
      if (field) expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0])).toContain(field);
    }
  });
});

describe('CSV export', () => {
  const csv = (query: string, api = h.api) => api.get(`/offboarding/organizations/export.csv?${query}`).buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });

  it('streams the filtered list with a header row, formula-like cells prefixed and quoted', async () => {
    const tag = unique('Csv');
    await createOrg(h.api, { name: `${tag} Plain`, taxId: '+33 1', notes: 'never exported' });
    await createOrg(h.api, { name: `=HYPERLINK("http://evil.test","${tag}")` });
    await createOrg(h.api, { name: `${tag}, with "quotes"`, taxId: '@SUM(A1)' });
    await createOrg(h.api, { name: unique('Other') });
    const res = await csv(`q=${encodeURIComponent(tag)}&sort=name:asc`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="organizations-2027-01-11\.csv"/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,tax_id,email,status,portal_access,archived_at,last_cancelled_at,retained_until,purge_state,legal_hold,created_at');
    expect(lines).toHaveLength(4);
    // Which comes first depends on the database's collation: each row is found by its name.
    const row = (text: string) => lines.slice(1).filter((line) => line.includes(text));
    expect(row('HYPERLINK')).toEqual([expect.stringMatching(new RegExp(`^[\\w-]+,"'=HYPERLINK\\(""http://evil.test"",""${tag}""\\)",,,active,enabled,`))]);
    expect(row('quotes')).toEqual([expect.stringContaining(`,"${tag}, with ""quotes""",'@SUM(A1),`)]);
    expect(row('Plain')).toEqual([expect.stringContaining(`,${tag} Plain,'+33 1,,active,enabled,,,,none,no,`)]);
    expect(res.body).not.toContain('never exported');
  });

  it('streams batch after batch in the list’s order, each organization once (batches of 2 here)', async () => {
    const tag = unique('Batch');
    for (const name of ['d', 'b', 'e', 'a', 'c']) await createOrg(h.api, { name: `${tag} ${name}` });
    const listed = await h.api.get(`/offboarding/organizations?q=${encodeURIComponent(tag)}&sort=name:desc`);
    const streamed: string[] = [];
    for await (const row of organizationStore(h.strapi).each({ q: tag, archived: 'exclude', sort: 'name:desc' }, 2)) streamed.push(row.name);
    expect(streamed).toEqual(['e', 'd', 'c', 'b', 'a'].map((name) => `${tag} ${name}`));
    expect(streamed).toEqual(listed.body.data.map((org: { name: string }) => org.name));
  });

  it('needs read, and refuses a bad filter with a 400 naming it', async () => {
    const nobody = await h.admin([]);
    expectStatus(await csv('', nobody), 403);
    const bad = await csv('sort=notes:asc');
    expectStatus(bad, 400);
    const unknown = await csv('page=2');
    expectStatus(unknown, 400);
  });
});
