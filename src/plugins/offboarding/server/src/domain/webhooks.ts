import { createHmac } from 'crypto';
import type { DomainEventType } from '../../../shared/contracts/events';

/**
 * The rules of the plugin's webhooks (docs/spec.md §10) as plain functions of values: when the
 * next attempt is due, when a delivery is given up, when an endpoint is disabled, how a body is
 * signed. services/webhooks.ts does the I/O.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The waits after the 1st, 2nd, 3rd and 4th failed attempts; every later one waits 6 h. */
export const BACKOFF_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR] as const;
export const LATER_BACKOFF_MS = 6 * HOUR;
/** A delivery is retried until this long after its first attempt, then `failed`. */
export const RETRY_WINDOW_MS = 3 * DAY;
/** An endpoint failing this long in a row (no delivery succeeding) is disabled. */
export const DISABLE_AFTER_MS = 3 * DAY;
/** After a rotation, the previous secret keeps signing this long. */
export const PREVIOUS_SECRET_TTL_MS = DAY;

/**
 * When the next attempt of a delivery that just failed is due, or null when it is given up:
 * `failedAttempts` counts this one. The last attempt falls on the window's end itself.
 */
export const nextAttemptAt = (failedAttempts: number, firstAttemptAt: Date, now: Date): Date | null => {
  const deadline = firstAttemptAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  const wait = BACKOFF_MS[failedAttempts - 1] ?? LATER_BACKOFF_MS;
  return new Date(Math.min(now.getTime() + wait, deadline));
};

/** Whether an endpoint failing since `failingSince` is now to be disabled. */
export const shouldDisable = (failingSince: Date | null, now: Date) =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;

/** Whether an endpoint subscribed to `selection` takes events of `type`. */
export const subscribes = (selection: readonly string[], type: DomainEventType | 'ping') =>
  type === 'ping' || selection.includes('*') || selection.includes(type);

/** Hex HMAC-SHA256 of `<t>.<raw body>`. */
export const sign = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * `Offboarding-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`: one `v1=` per secret that
 * signs (the current one, and the previous one until its grace period ends).
 */
export const signatureHeader = (secrets: readonly string[], timestamp: number, body: string) =>
  [`t=${timestamp}`, ...secrets.map((secret) => `v1=${sign(secret, timestamp, body)}`)].join(',');
