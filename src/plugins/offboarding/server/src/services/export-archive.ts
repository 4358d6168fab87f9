import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Readable, Transform, type TransformCallback } from 'stream';
import { pipeline } from 'stream/promises';
import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import type { Core } from '@strapi/strapi';
import { EXPORT_FORMAT_VERSION, type ExportProfile } from '../../../shared/contracts/constants';
import { UID, type ModelUid } from '../constants';
import {
  CUSTOMER_ENTITLEMENT_FIELDS,
  CUSTOMER_ORGANIZATION_FIELDS,
  CUSTOMER_REFUND_FIELDS,
  customerAuditEvent,
  neutralizeCsvCell,
  pickFields,
} from '../domain/customer-view';
import { entitlementStore } from '../store/entitlement';
import { toApi, type Row } from '../utils/db';
import { linkPager } from '../utils/links';
import { auditView } from './audit';
import type { StorageSink } from './storage';

export interface OwnedType {
  uid: string;
  relation: string;
  export: boolean;
  /** The fields a customer-profile export may hold; without it the type stays out of customer exports. */
  customerFields?: string[];
}

export interface ArchiveResult {
  size: number;
  sha256: string;
  counts: Record<string, number>;
  files: { path: string; size: number; sha256: string }[];
}

type Page = (afterId: number, limit: number) => Promise<Row[]>;

interface AttributeSchema {
  type: string;
  private?: boolean;
  multiple?: boolean;
}

/** Hashes and measures what flows through it, for the manifest. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
}

/** Rows page by page (keyset on id): memory holds one page whatever the table's size. */
async function* rowsOf(page: Page, pageSize: number, onRows: (n: number) => Promise<void>) {
  let afterId = 0;
  for (;;) {
    const rows = await page(afterId, pageSize);
    if (!rows.length) return;
    for (const row of rows) yield row;
    afterId = rows[rows.length - 1].id;
    await onRows(rows.length);
  }
}

async function* jsonArray(rows: AsyncIterable<Record<string, unknown>>) {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}

/** Objects as JSON; text that a spreadsheet would run as a formula neutralised. */
const csvCell = (value: unknown) => neutralizeCsvCell(value !== null && typeof value === 'object' ? JSON.stringify(value) : value);

/**
 * CSV text, one line per row as rows arrive (a single generator, so a read error reaches the
 * archive instead of stalling a pipe).
 */
async function* csvLines(columns: string[], rows: AsyncIterable<unknown[]>) {
  yield stringify([columns]);
  for await (const cells of rows) yield stringify([cells], { cast: { boolean: (v) => String(v) } });
}

/**
 * Writes an organization's export as a ZIP streamed straight to `output` (the storage's sink: a
 * local file or a multipart upload): nothing is held in
 * memory but a page of rows and the stream buffers. Every entry is hashed as it is written,
 * and manifest.json, written last, lists each file's sha256.
 */
export const writeExportArchive = async (
  strapi: Core.Strapi,
  input: {
    organization: Row;
    profile: ExportProfile;
    owned: OwnedType[];
    output: StorageSink;
    pageSize: number;
    generatedAt: Date;
    onProgress: (done: number, total: number) => Promise<void>;
  }
): Promise<ArchiveResult> => {
  const { organization, pageSize, profile } = input;
  const forCustomer = profile === 'customer';
  const uploadsRoot = strapi.dirs.static.public;
  const files: ArchiveResult['files'] = [];
  const counts: Record<string, number> = {};

  const entitlementPage: Page = entitlementStore(strapi).pagerOf(organization.id);
  const refundPage: Page = (afterId, limit) =>
    strapi.db.query(UID.refund).findMany({
      where: { organization: organization.documentId, id: { $gt: afterId } },
      orderBy: [{ id: 'asc' }],
      limit,
    }) as Promise<Row[]>;
  const auditPage: Page = (afterId, limit) =>
    strapi.db.query(UID.auditEvent).findMany({
      where: { organization: organization.documentId, id: { $gt: afterId } },
      orderBy: [{ id: 'asc' }],
      limit,
    }) as Promise<Row[]>;

  // A customer export holds an owned type only when the app chose its customer fields.
  const ownedTypes = input.owned
    .filter((t) => t.export && strapi.contentTypes[t.uid as keyof typeof strapi.contentTypes])
    .filter((t) => !forCustomer || (t.customerFields?.length ?? 0) > 0)
    .map((t) => {
      const schema = strapi.contentTypes[t.uid as keyof typeof strapi.contentTypes] as unknown as {
        info: { pluralName: string };
        attributes: Record<string, AttributeSchema>;
      };
      const allowed = (name: string) => !forCustomer || (t.customerFields ?? []).includes(name);
      const media = Object.entries(schema.attributes)
        .filter(([name, a]) => a.type === 'media' && allowed(name))
        .map(([name]) => name);
      const columns = [
        'documentId',
        ...Object.entries(schema.attributes)
          .filter(([name, a]) => !a.private && a.type !== 'relation' && a.type !== 'media' && a.type !== 'password' && name !== t.relation)
          .filter(([name]) => allowed(name))
          .map(([name]) => name),
        ...media,
      ];
      // Keyset pages: ids straight from the relation's link table, then the rows by id (utils/links.ts).
      const page: Page = linkPager<Row>(strapi, t.uid, t.relation, organization.id, {
        populate: Object.fromEntries(media.map((m) => [m, { select: ['id', 'name', 'url', 'mime', 'size', 'hash', 'ext'] }])),
      });
      return { ...t, name: schema.info.pluralName, columns, media, page };
    });

  // Totals first, for progress: the same filters, counted.
  const countWhere = async (uid: ModelUid, where: Record<string, unknown>) => Number(await strapi.db.query(uid).count({ where }));
  const totals = {
    entitlements: await entitlementStore(strapi).countOf(organization.id),
    auditEvents: await countWhere(UID.auditEvent, { organization: organization.documentId }),
    refunds: await countWhere(UID.refund, { organization: organization.documentId }),
    ...Object.fromEntries(
      await Promise.all(ownedTypes.map(async (t) => [t.name, await countWhere(t.uid as ModelUid, { [t.relation]: { id: organization.id } })]))
    ),
  } as Record<string, number>;
  // Owned types are read twice (JSON and CSV).
  const total = Math.max(1, totals.entitlements * 2 + totals.refunds * 2 + totals.auditEvents + ownedTypes.reduce((n, t) => n + 2 * (totals[t.name] ?? 0), 0));
  let done = 0;
  const progress = async (n: number) => {
    done += n;
    await input.onProgress(done, total);
  };

  const archive = archiver('zip', { zlib: { level: 6 } });
  const whole = new Digest();
  const written = Promise.all([pipeline(archive, whole, input.output.stream), input.output.done]);
  // A storage failing mid-way (a full disk, a refused upload) stops reading: each step below
  // waits for the archive or for this, so the export fails instead of waiting forever.
  const broken = new Promise<never>((_resolve, reject) => {
    written.catch(reject);
  });
  broken.catch(() => undefined);

  /** Appends one entry and waits until the archive has consumed it (so its hash is final). */
  const add = async (name: string, source: Readable) => {
    const digest = new Digest();
    const entryDone = new Promise<void>((resolve, reject) => {
      digest.once('end', resolve);
      digest.once('error', reject);
      source.once('error', reject);
    });
    archive.append(source.pipe(digest), { name, date: input.generatedAt });
    await Promise.race([entryDone, broken]);
    files.push({ path: name, size: digest.size, sha256: digest.hash.digest('hex') });
  };
  const addJson = (name: string, rows: AsyncIterable<Record<string, unknown>>) => add(name, Readable.from(jsonArray(rows)));
  const addText = (name: string, text: string) => add(name, Readable.from([Buffer.from(text)]));

  const counted = async function* (key: string, rows: AsyncIterable<Record<string, unknown>>) {
    counts[key] = 0;
    for await (const row of rows) {
      counts[key] += 1;
      yield row;
    }
  };

  // The admin profile holds every field; the customer profile only the allow-listed ones.
  const organizationFields = forCustomer ? pickFields(toApi(organization), CUSTOMER_ORGANIZATION_FIELDS) : toApi<Record<string, unknown>>(organization);
  await addText('organization.json', `${JSON.stringify(organizationFields, null, 2)}\n`);

  const entitlementView = (row: Row) => (forCustomer ? pickFields(toApi(row), CUSTOMER_ENTITLEMENT_FIELDS) : toApi<Record<string, unknown>>(row));
  await addJson('entitlements.json', counted('entitlements', (async function* () {
    for await (const row of rowsOf(entitlementPage, pageSize, progress)) yield entitlementView(row);
  })()));
  await add('entitlements.csv', entitlementsCsv(rowsOf(entitlementPage, pageSize, progress), forCustomer ? CUSTOMER_ENTITLEMENT_FIELDS : ENTITLEMENT_COLUMNS));
  // The refund ledger: what was granted, per billing period (admin rows name the actor).
  const refundColumns = forCustomer ? [...CUSTOMER_REFUND_FIELDS] : [...CUSTOMER_REFUND_FIELDS, 'actorType', 'actorId', 'actorName'];
  const refundView = (row: Row) => pickFields(row, refundColumns);
  await addJson('refunds.json', counted('refunds', (async function* () {
    for await (const row of rowsOf(refundPage, pageSize, progress)) yield refundView(row);
  })()));
  await add('refunds.csv', Readable.from(csvLines(refundColumns, (async function* () {
    for await (const row of rowsOf(refundPage, pageSize, progress)) {
      const fields = refundView(row);
      yield refundColumns.map((c) => csvCell(fields[c as keyof typeof fields]));
    }
  })())));
  await addJson('audit-trail.json', counted('auditEvents', (async function* () {
    for await (const row of rowsOf(auditPage, pageSize, progress)) {
      const { redactedAt: _r, ...event } = auditView(row);
      if (!forCustomer) {
        yield event as unknown as Record<string, unknown>;
        continue;
      }
      const shown = customerAuditEvent(event as unknown as Parameters<typeof customerAuditEvent>[0]);
      if (shown) yield shown as unknown as Record<string, unknown>;
    }
  })()));

  for (const type of ownedTypes) {
    const shaped = async function* () {
      for await (const row of rowsOf(type.page, pageSize, progress)) yield shapeOwned(row, type.columns, type.media);
    };
    await addJson(`data/${type.name}.json`, counted(type.name, shaped()));
    const cells = async function* () {
      for await (const row of shaped()) yield type.columns.map((c) => csvCell(row[c]));
    };
    await add(`data/${type.name}.csv`, Readable.from(csvLines(type.columns, cells())));
    // The documents' files, streamed from the upload folder.
    for (const media of type.media) {
      counts[`${type.name}.files`] = 0;
      for await (const row of rowsOf(type.page, pageSize, async () => undefined)) {
        const file = row[media] as { url?: string; name?: string } | null;
        if (!file?.url || /^https?:/.test(file.url)) continue;
        const source = path.join(uploadsRoot, file.url);
        if (!source.startsWith(uploadsRoot) || !fs.existsSync(source)) continue;
        await add(`files/${type.name}/${row.documentId}-${sanitizeName(file.name ?? path.basename(file.url))}`, fs.createReadStream(source));
        counts[`${type.name}.files`] += 1;
      }
    }
  }

  const manifest = {
    formatVersion: EXPORT_FORMAT_VERSION,
    profile,
    organization: { documentId: organization.documentId, name: organization.name, taxId: organization.taxId ?? null },
    generatedAt: input.generatedAt.toISOString(),
    counts,
    files,
  };
  archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'manifest.json', date: input.generatedAt });
  await Promise.race([archive.finalize(), broken]);
  await written;
  return { size: whole.size, sha256: whole.hash.digest('hex'), counts, files };
};

const ENTITLEMENT_COLUMNS = [
  'documentId', 'name', 'class', 'status', 'price', 'currency', 'billingPeriod', 'currentPeriodStart', 'currentPeriodEnd',
  'creditBalance', 'cancellationReason', 'cancelRequestedAt', 'cancelEffectiveAt', 'cancelledAt', 'refundMode', 'refundAmount',
  'suspendedAt', 'suspensionReason', 'graceEndsAt', 'reactivatedAt', 'createdAt', 'updatedAt',
];

const entitlementsCsv = (rows: AsyncIterable<Row>, columns: readonly string[]) =>
  Readable.from(
    csvLines(
      [...columns],
      (async function* () {
        for await (const row of rows) {
          const fields = toApi<Record<string, unknown>>(row);
          yield columns.map((c) => csvCell(fields[c] ?? null));
        }
      })()
    )
  );

const shapeOwned = (row: Row, columns: string[], media: string[]) => {
  const fields = toApi<Record<string, unknown>>(row);
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = fields[column] ?? null;
    out[column] = media.includes(column) && value && typeof value === 'object' ? (value as { name?: string }).name ?? null : value;
  }
  return out;
};

const sanitizeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
