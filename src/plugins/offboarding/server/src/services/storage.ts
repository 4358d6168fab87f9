import fs from 'fs';
import path from 'path';
import { PassThrough, type Readable, type Writable } from 'stream';
import type { Core } from '@strapi/strapi';
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { OffboardingConfig, S3StorageConfig } from '../config';
import { PLUGIN_ID } from '../constants';

/** An object being written: bytes go to `stream`; the object exists once `done` resolves. */
export interface StorageSink {
  stream: Writable;
  done: Promise<void>;
}

export interface StoredFile {
  stream: Readable;
  size: number;
}

/**
 * Where the plugin's files (data exports) live, by key (`<organization>/<export>.<attempt>.zip`): the local
 * private folder `exports.dir`, or an S3-compatible bucket. Every instance of an app on a bucket
 * can serve every export, whichever instance wrote it.
 */
export interface Storage {
  readonly provider: 'local' | 's3';
  create(key: string, contentType: string): StorageSink;
  /** The object, or null when it no longer exists. */
  open(key: string): Promise<StoredFile | null>;
  /**
   * A short-lived URL that downloads the object directly, when configured (S3 only), valid at
   * most `maxSeconds`; null otherwise, or when the object no longer exists.
   */
  downloadUrl(key: string, fileName: string, maxSeconds: number | null): Promise<string | null>;
  /** Deletes the objects; a missing one is not an error. */
  remove(keys: string[]): Promise<void>;
  close(): void;
}

/** The local private folder (the default): keys are paths under it, and never outside it. */
const localStorage = (folder: () => string): Storage => {
  const fileOf = (key: string) => {
    const file = path.resolve(folder(), key);
    if (!file.startsWith(folder() + path.sep)) throw new Error(`storage key "${key}" is outside the exports folder`);
    return file;
  };
  return {
    provider: 'local',
    create(key) {
      const file = fileOf(key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const stream = fs.createWriteStream(file);
      const done = new Promise<void>((resolve, reject) => {
        stream.once('finish', resolve);
        stream.once('error', reject);
      });
      // Awaited by the archive; this only keeps a failure before that from crashing the process.
      done.catch(() => undefined);
      return { stream, done };
    },
    async open(key) {
      let file: string;
      try {
        file = fileOf(key);
      } catch {
        return null;
      }
      if (!fs.existsSync(file)) return null;
      return { stream: fs.createReadStream(file), size: fs.statSync(file).size };
    },
    async downloadUrl() {
      return null;
    },
    async remove(keys) {
      for (const key of keys) {
        const file = path.resolve(folder(), key);
        // Only ever inside the exports folder.
        if (file.startsWith(folder() + path.sep)) fs.rmSync(file, { force: true });
      }
    },
    close() {},
  };
};

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * What `storage.s3.prefix` puts before every key: a folder, so `exports` and `exports/` both
 * give `exports/<organization>/…` (a bare `exports` would otherwise run into the key:
 * `exports<organization>/…`).
 */
export const keyPrefix = (prefix: string | undefined) => (prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix ?? '');

/** DeleteObjects takes at most 1000 keys. */
const DELETE_BATCH = 1000;

/**
 * An S3-compatible bucket. Objects are written private (no ACL: the bucket's own, which S3 makes
 * private by default), streamed by a multipart upload so an export never sits whole in memory.
 */
const s3Storage = (settings: S3StorageConfig): Storage => {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle ?? false,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
  });
  const Bucket = settings.bucket;
  const prefix = keyPrefix(settings.prefix);
  const objectKey = (key: string) => `${prefix}${key}`;

  return {
    provider: 's3',
    create(key, contentType) {
      const stream = new PassThrough();
      const upload = new Upload({ client, params: { Bucket, Key: objectKey(key), Body: stream, ContentType: contentType } });
      const done = upload.done().then(
        () => undefined,
        (error: unknown) => {
          // The writer would otherwise wait forever on a stream nobody reads any more.
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      );
      // Awaited by the archive; this only keeps a failure before that from crashing the process.
      done.catch(() => undefined);
      return { stream, done };
    },
    async open(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
        if (!object.Body) return null;
        return { stream: object.Body as Readable, size: Number(object.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async downloadUrl(key, fileName, maxSeconds) {
      const ttl = settings.presignedUrlTtlSeconds;
      if (!ttl) return null;
      // A URL handed out now must not find an object that expiry already removed: check first.
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      // Nor outlive the export itself.
      const expiresIn = Math.max(1, Math.min(ttl, maxSeconds ?? ttl));
      const command = new GetObjectCommand({
        Bucket,
        Key: objectKey(key),
        ResponseContentType: 'application/zip',
        ResponseContentDisposition: `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        ResponseCacheControl: 'private, no-store',
      });
      return getSignedUrl(client, command, { expiresIn });
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const answer = await client.send(
          new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((key) => ({ Key: objectKey(key) })), Quiet: true } })
        );
        const failed = (answer.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length) {
          throw new Error(`could not delete ${failed.length} export object(s) from bucket "${Bucket}": ${failed.map((e) => `${e.Key} (${e.Code})`).join(', ')}`);
        }
      }
    },
    close() {
      client.destroy();
    },
  };
};

/** The storage the configuration names, made once per Strapi instance. */
const createStorageService = ({ strapi }: { strapi: Core.Strapi }) => {
  let storage: Storage | null = null;
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as OffboardingConfig;
  const folder = () => path.resolve(strapi.dirs.app.root, config().exports.dir);

  const current = (): Storage => {
    if (!storage) {
      const { provider, s3 } = config().storage ?? { provider: 'local' };
      storage = provider === 's3' && s3 ? s3Storage(s3) : localStorage(folder);
    }
    return storage;
  };

  return {
    get provider() {
      return current().provider;
    },
    create: (key: string, contentType: string) => current().create(key, contentType),
    open: (key: string) => current().open(key),
    downloadUrl: (key: string, fileName: string, maxSeconds: number | null) => current().downloadUrl(key, fileName, maxSeconds),
    remove: (keys: string[]) => (keys.length ? current().remove(keys) : Promise.resolve()),
    close() {
      storage?.close();
      storage = null;
    },
  };
};

export type StorageService = ReturnType<typeof createStorageService>;
export default createStorageService;
