/**
 * The list totals and `/stats` off their counters (migrations/counters.ts, store/counts.ts):
 * exact after every kind of write (the admin API, a sweep, the plugin's own set-wise writes, a
 * host app's raw knex, deletes), read off the counters rather than counted, folded by the
 * compaction (two at once fold once), and counted afresh when their triggers were lost. On
 * SQLite, the search's trigram index (migrations/indexes.ts) finds what the scan finds.
 */
import type { Stats } from '../../src/plugins/offboarding/shared/contracts/api';
import { ensureCounters } from '../../src/plugins/offboarding/server/src/migrations/counters';
import { countsStore } from '../../src/plugins/offboarding/server/src/store/counts';
import { NOW, cancelNow, createEntitlement, createOrg, expectStatus, plusDays, unique, useHarness } from '../helpers/harness';

const h = useHarness('counts', { now: NOW });
const ORGS = 'offboarding_organizations';
const knex = () => h.strapi.db.connection;
const client = () => h.strapi.db.config.connection.client;

const stats = async (): Promise<Stats> => {
  const res = await h.api.get('/offboarding/stats');
  expectStatus(res, 200);
  return res.body.data;
};
const listTotal = async (query: string) => {
  const res = await h.api.get(`/offboarding/organizations?pageSize=1&${query}`);
  expectStatus(res, 200);
  return res.body.meta.pagination.total as number;
};

/** The same figures, counted from the tables themselves. */
const counted = async () => {
  const orgs = (await knex()(ORGS).select('archived_at', 'lifecycle_status', 'access_status', 'purge_state', 'legal_hold')) as Record<string, unknown>[];
  const ents = (await knex()('offboarding_entitlements').select('lifecycle_status')) as { lifecycle_status: string }[];
  const open = orgs.filter((o) => o.archived_at === null);
  const byStatus: Record<string, number> = {};
  for (const o of open) byStatus[o.lifecycle_status as string] = (byStatus[o.lifecycle_status as string] ?? 0) + 1;
  const entitlements: Record<string, number> = {};
  for (const e of ents) entitlements[e.lifecycle_status] = (entitlements[e.lifecycle_status] ?? 0) + 1;
  return {
    total: orgs.length,
    open: open.length,
    archived: orgs.length - open.length,
    disabled: orgs.filter((o) => o.access_status === 'disabled').length,
    purged: orgs.filter((o) => o.purge_state === 'purged').length,
    purgeQueue: orgs.filter((o) => o.purge_state === 'scheduled').length,
    legalHolds: orgs.filter((o) => o.legal_hold === true || Number(o.legal_hold) === 1).length,
    byStatus,
    entitlements,
    openCancelled: open.filter((o) => o.lifecycle_status === 'cancelled').length,
  };
};

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));

/** `/stats` and the list's totals equal a count of the tables. */
const expectExact = async () => {
  const want = await counted();
  const got = await stats();
  expect({
    total: got.organizations.total,
    archived: got.organizations.archived,
    disabled: got.organizations.disabled,
    purged: got.organizations.purged,
    purgeQueue: got.purgeQueue,
    legalHolds: got.legalHolds,
    byStatus: nonZero(got.organizations.byStatus),
    entitlements: nonZero(got.entitlements.byStatus),
  }).toEqual({
    total: want.total,
    archived: want.archived,
    disabled: want.disabled,
    purged: want.purged,
    purgeQueue: want.purgeQueue,
    legalHolds: want.legalHolds,
    byStatus: want.byStatus,
    entitlements: want.entitlements,
  });
  expect(await listTotal('archived=exclude')).toBe(want.open);
  expect(await listTotal('archived=only')).toBe(want.archived);
  expect(await listTotal('archived=include')).toBe(want.total);
  expect(await listTotal('archived=exclude&status=cancelled')).toBe(want.openCancelled);
};

/** A row as a host app's own code might insert it, beside the plugin. */
const rawOrganization = (name: string, extra: Record<string, unknown> = {}) => ({
  document_id: `raw${Math.random().toString(36).slice(2, 12)}`,
  name,
  lifecycle_status: 'active',
  access_status: 'enabled',
  purge_state: 'none',
  legal_hold: false,
  created_at: new Date(),
  updated_at: new Date(),
  ...extra,
});

/** Adds to the open, active organizations' counter by hand (SQLite keeps one row per bucket). */
const nudge = async (n: number) => {
  const bucket = { subject: 'organization', archived: 0, lifecycle_status: 'active', access_status: 'enabled', purge_state: 'none', legal_hold: 0 };
  const insert = knex()('offboarding_counts').insert({ ...bucket, delta: n });
  await (client() === 'sqlite' ? insert.onConflict(Object.keys(bucket)).merge({ delta: knex().raw('delta + ?', [n]) }) : insert);
};

describe('counters', () => {
  it('are what /stats and the list totals read (a delta written by hand shows), and they start exact', async () => {
    await expectExact();
    await nudge(5);
    const before = await counted();
    expect((await stats()).organizations.byStatus.active).toBe((before.byStatus.active ?? 0) + 5);
    expect(await listTotal('archived=exclude')).toBe(before.open + 5);
    await nudge(-5);
    await expectExact();
  });

  it('stay exact through the admin API, a due transition, a host app\'s raw writes and deletes', async () => {
    const suspended = await createOrg(h.api);
    const s = await createEntitlement(h.api, suspended.documentId);
    expectStatus(await h.api.post(`/offboarding/entitlements/${s.documentId}/suspend`, { reason: 'manual' }), 200);
    const archived = await createOrg(h.api);
    const c = await createEntitlement(h.api, archived.documentId);
    expectStatus(await cancelNow(h.api, c.documentId), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${archived.documentId}/archive`), 200);
    const pending = await createOrg(h.api);
    const p = await createEntitlement(h.api, pending.documentId);
    expectStatus(await h.api.post(`/offboarding/entitlements/${p.documentId}/cancel`, { reason: 'other', timing: 'period_end' }), 200);
    expectStatus(await h.api.post(`/offboarding/organizations/${pending.documentId}/disable`, {}), 200);
    await expectExact();

    // The period ends: the transitions sweep cancels it set-wise.
    h.clock.freeze(plusDays(NOW, 40));
    await h.sweep('transitions');
    await expectExact();
    h.clock.freeze(NOW);

    // A host app's own statements: one row and many, updates that move buckets and one that does not.
    await knex()(ORGS).insert(rawOrganization(unique('Raw')));
    await knex()(ORGS).insert([1, 2, 3].map((i) => rawOrganization(unique(`Raw${i}`), { lifecycle_status: 'suspended' })));
    await knex()(ORGS).where('name', 'like', 'Raw%').update({ legal_hold: true });
    await knex()(ORGS).where('name', 'like', 'Raw%').update({ notes: 'no bucket moves' });
    await knex()(ORGS).where('name', 'like', 'Raw1%').update({ archived_at: new Date(), lifecycle_status: 'cancelled', access_status: 'disabled' });
    await expectExact();
    await knex()(ORGS).where('name', 'like', 'Raw%').del();
    await expectExact();

    // The admin API's delete (with its confirmation), and a transaction that rolls back.
    const doomed = await createOrg(h.api);
    expectStatus(await h.api.delete(`/offboarding/organizations/${doomed.documentId}?confirm=${encodeURIComponent(doomed.name)}`), 200);
    await knex()
      .transaction(async (trx) => {
        await trx(ORGS).insert(rawOrganization(unique('Rolled')));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await expectExact();
  });

  it('are folded by the compaction, exactly, even when two instances fold at once (SQLite: never more than one row per bucket)', async () => {
    for (let i = 0; i < 6; i += 1) await knex()(ORGS).insert(rawOrganization(unique('Fold'), { lifecycle_status: i % 2 ? 'active' : 'suspended' }));
    // A NULL in a bucket column (a host app's raw row) is a bucket like any other.
    for (let i = 0; i < 3; i += 1) await knex()(ORGS).insert(rawOrganization(unique('FoldNull'), { purge_state: null }));
    await knex()(ORGS).where('name', 'like', 'Fold%').update({ access_status: 'disabled' });
    const rows = async () => Number(((await knex()('offboarding_counts').count({ n: '*' })) as { n: number | string }[])[0].n);
    const buckets = async () =>
      (await knex()('offboarding_counts').distinct('subject', 'archived', 'lifecycle_status', 'access_status', 'purge_state', 'legal_hold')).length;
    if (client() === 'sqlite') {
      // One writer at a time: each bucket's row is added to in place, the table never grows.
      expect(await rows()).toBe(await buckets());
      return;
    }
    expect(await rows()).toBeGreaterThan(await buckets());
    const folded = await Promise.all([countsStore(h.strapi).compact(), countsStore(h.strapi).compact()]);
    expect(folded.some((n) => n > 0)).toBe(true);
    // One of the two may have lost the race (and folded nothing); what is left is one row per bucket or fewer.
    await countsStore(h.strapi).compact();
    expect(await rows()).toBeLessThanOrEqual(await buckets());
    await expectExact();
    await knex()(ORGS).where('name', 'like', 'Fold%').del();
    await expectExact();
  });

  it('are counted afresh at the next start when their triggers were lost (as a table rebuild drops them)', async () => {
    const triggers = ['ins', 'upd', 'del'].map((event) => `offboarding_counts_organization_${event}_v1`);
    for (const name of triggers) await knex().raw(client() === 'postgres' ? `DROP TRIGGER ${name} ON ${ORGS}` : `DROP TRIGGER ${name}`);
    await knex()(ORGS).insert(rawOrganization(unique('Uncounted')));
    await knex()(ORGS).where('name', 'like', 'Uncounted%').update({ lifecycle_status: 'suspended' });
    const want = await counted();
    expect((await stats()).organizations.total).toBe(want.total - 1);
    await ensureCounters(h.strapi);
    await expectExact();
    await knex()(ORGS).where('name', 'like', 'Uncounted%').del();
    await expectExact();
  });

  it('are counted afresh at the next start when they disagree with the table (what no trigger sees: MySQL\'s TRUNCATE)', async () => {
    await nudge(7);
    expect((await stats()).organizations.total).toBe((await counted()).total + 7);
    await ensureCounters(h.strapi);
    await expectExact();
  });

  it('stay exact when a start reconciles them while a compaction folds and writers write', async () => {
    for (let round = 0; round < 4; round += 1) {
      const writes = async () => {
        for (let i = 0; i < 5; i += 1) await knex()(ORGS).insert(rawOrganization(unique(`Race${round}`), { lifecycle_status: i % 2 ? 'active' : 'suspended' }));
        await knex()(ORGS).where('name', 'like', `Race${round}%`).update({ access_status: 'disabled' });
      };
      await Promise.all([writes(), countsStore(h.strapi).compact(), ensureCounters(h.strapi), countsStore(h.strapi).compact(), writes()]);
      await expectExact();
    }
    await knex()(ORGS).where('name', 'like', 'Race%').del();
    await expectExact();
  });

  it('PostgreSQL: a TRUNCATE empties its counters', async () => {
    if (client() !== 'postgres') return;
    await createOrg(h.api);
    await knex().raw(`TRUNCATE ${ORGS} CASCADE`);
    expect((await counted()).total).toBe(0);
    await expectExact();
  });
});

describe('search', () => {
  it('finds by name, tax id or e-mail, any case, with LIKE\'s own characters taken literally, after renames and deletes', async () => {
    const tag = `Qz${Date.now().toString(36)}`;
    const a = await createOrg(h.api, { name: `${tag} Alpha`, taxId: 'TX-100%', email: 'ops@alpha.test' });
    const b = await createOrg(h.api, { name: 'Beta', taxId: `${tag.toUpperCase()}-2`, email: 'ops_b@beta.test' });
    const c = await createOrg(h.api, { name: 'Gamma', email: `billing@${tag.toLowerCase()}.test` });
    const found = async (q: string) => {
      const res = await h.api.get(`/offboarding/organizations?pageSize=100&archived=include&q=${encodeURIComponent(q)}`);
      expectStatus(res, 200);
      const ids = (res.body.data as { documentId: string }[]).map((o) => o.documentId).sort();
      expect(res.body.meta.pagination.total).toBe(ids.length);
      return ids;
    };
    expect(await found(tag)).toEqual([a.documentId, b.documentId, c.documentId].sort());
    expect(await found(tag.toLowerCase().slice(1))).toEqual([a.documentId, b.documentId, c.documentId].sort());
    expect(await found('100%')).toEqual([a.documentId]);
    expect(await found('ops_')).toEqual([b.documentId]);
    expect(await found('0%')).toEqual([a.documentId]);
    expect(await found(`${tag} Alphas`)).toEqual([]);
    expectStatus(await h.api.put(`/offboarding/organizations/${a.documentId}`, { name: 'Renamed' }), 200);
    expect(await found(tag)).toEqual([b.documentId, c.documentId].sort());
    expect(await found('Renamed')).toEqual([a.documentId]);
    await knex()(ORGS).where({ document_id: c.documentId }).update({ email: 'moved@elsewhere.test' });
    expect(await found(tag)).toEqual([b.documentId]);
    await knex()(ORGS).where({ document_id: b.documentId }).del();
    expect(await found(tag)).toEqual([]);
  });

  it('SQLite: a search of three characters or more is answered from the trigram index', async () => {
    if (client() !== 'sqlite') return;
    const org = await createOrg(h.api, { name: unique('Indexed') });
    const found = async (q: string) =>
      ((await h.api.get(`/offboarding/organizations?pageSize=100&q=${encodeURIComponent(q)}`)).body.data as { documentId: string }[]).map((o) => o.documentId);
    expect(await found(org.name)).toEqual([org.documentId]);
    // Taken out of the index alone (the row stays): a search that reads the index no longer finds it.
    const row = (await knex()(ORGS).where({ document_id: org.documentId }).first('id', 'name', 'tax_id', 'email')) as Record<string, unknown>;
    await knex().raw(`INSERT INTO offboarding_orgs_search (offboarding_orgs_search, rowid, name, tax_id, email) VALUES ('delete', ?, ?, ?, ?)`, [
      row.id as number,
      row.name as string,
      (row.tax_id as string | null) ?? null,
      (row.email as string | null) ?? null,
    ]);
    expect(await found(org.name)).toEqual([]);
    // Two characters are below a trigram: that search scans the table and still finds it.
    expect(await found(org.name.slice(-2))).toContain(org.documentId);
    await knex().raw(`INSERT INTO offboarding_orgs_search (offboarding_orgs_search) VALUES ('rebuild')`);
    expect(await found(org.name)).toEqual([org.documentId]);
  });
});
