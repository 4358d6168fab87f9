/**
 * A real S3-compatible server for one test file: s3rver (npm) on 127.0.0.1, on a free port, with
 * its own folder under .tmp/, and a bucket made through the AWS SDK the way an operator would.
 * `useS3()` must be called before `useHarness()`: its beforeAll points the app's environment
 * (OFFBOARDING_STORAGE=s3, S3_*) at the server before Strapi boots and reads its configuration.
 */
import fs from 'fs';
import path from 'path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
// s3rver has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run: () => Promise<{ port: number }>;
  close: () => Promise<void>;
};

const appDir = path.resolve(__dirname, '../..');

export interface S3Fixture {
  readonly bucket: string;
  readonly endpoint: string;
  readonly client: S3Client;
  /** The environment the app (and a worker process) reads its storage settings from. */
  readonly env: Record<string, string>;
  /** Keys and sizes of the bucket's objects under `prefix`. */
  list: (prefix?: string) => Promise<{ key: string; size: number }[]>;
}

export const useS3 = (name: string, { presignedUrlTtlSeconds }: { presignedUrlTtlSeconds?: number } = {}): S3Fixture => {
  const bucket = `offboarding-${name.replace(/[^a-z0-9]/gi, '-').toLowerCase()}`;
  const directory = path.join(appDir, '.tmp', `s3rver-${name}-${process.pid}`);
  let server: InstanceType<typeof S3rver> | undefined;
  let client: S3Client | undefined;
  let endpoint = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    // s3rver takes any key pair; the app signs with these all the same.
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    env = {
      OFFBOARDING_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'exports/',
      ...(presignedUrlTtlSeconds ? { S3_PRESIGNED_URL_TTL_SECONDS: String(presignedUrlTtlSeconds) } : {}),
    };
    Object.assign(process.env, env);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const up = () => {
    if (!client) throw new Error(`s3 "${name}": the server is not up here (only inside hooks and tests)`);
    return client;
  };

  return {
    bucket,
    get endpoint() {
      return endpoint;
    },
    get client() {
      return up();
    },
    get env() {
      return env;
    },
    list: async (prefix = '') => {
      const answer = await up().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (answer.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: Number(o.Size ?? 0) }));
    },
  };
};
