import { createHmac, timingSafeEqual } from 'crypto';
import http, { type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  body: string;
  /** What the receiver answered. */
  status: number;
  json: Record<string, unknown> & { id: number; type: string; sequence: number | null; data: Record<string, unknown> | null };
}

/** The `Offboarding-Signature` header's parts: `t` and every `v1`. */
export const parseSignature = (header: string | string[] | undefined) => {
  const parts = String(header ?? '').split(',');
  const t = parts.find((part) => part.startsWith('t='))?.slice(2) ?? '';
  return { t, v1: parts.filter((part) => part.startsWith('v1=')).map((part) => part.slice(3)) };
};

/** What a receiver does (README "Webhooks"): HMAC-SHA256 of `<t>.<raw body>` with the secret, compared in constant time with each `v1`. */
export const verifiedBy = (received: Received, secret: string) => {
  const { t, v1 } = parseSignature(received.headers['offboarding-signature']);
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${received.body}`).digest('hex'));
  return v1.map((value) => Buffer.from(value)).some((got) => got.length === expected.length && timingSafeEqual(got, expected));
};

/**
 * A real HTTP receiver on 127.0.0.1: records every request, answers 200 unless told to fail
 * a path's next requests (a status each) or every request to a path.
 */
export const startReceiver = async () => {
  const received: Received[] = [];
  const plans = new Map<string, number[]>();
  const always = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      let json: Received['json'];
      try {
        json = JSON.parse(body);
      } catch {
        json = { id: 0, type: '', sequence: null, data: null };
      }
      const status = always.get(path) ?? plans.get(path)?.shift() ?? 200;
      received.push({ path, headers: req.headers, body, json, status });
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next requests to `path` answer these statuses, then 200. */
    fail: (path: string, ...statuses: number[]) => plans.set(path, statuses),
    failAlways: (path: string, status = 500) => always.set(path, status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
