import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { isErrorCode, type ErrorCode } from '../../../shared/contracts/error-codes';
import { pluginPaths } from './redact-tokens';

/**
 * docs/spec.md §7, error codes: the plugin's own refusals name their code where they are thrown;
 * what Strapi raises around them on the plugin's routes (a yup validation failure, a permission
 * policy's 403, an expired JWT's 401) gets the code of its status here, so every 4xx a client of
 * the plugin reads carries `details.code`.
 */
const BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation.invalid',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'request.not_found',
  413: 'request.too_large',
  429: 'request.rate_limited',
};

/** Any other client error. */
const OTHER: ErrorCode = 'request.failed';

export const fallbackCode = (status: number): ErrorCode => BY_STATUS[status] ?? OTHER;

/** The status Strapi's error middleware answers an application error with. */
const statusOf = (error: unknown): number | null => {
  if (error instanceof errors.UnauthorizedError) return 401;
  if (error instanceof errors.ForbiddenError) return 403;
  if (error instanceof errors.NotFoundError) return 404;
  if (error instanceof errors.PayloadTooLargeError) return 413;
  if (error instanceof errors.RateLimitError) return 429;
  if (error instanceof errors.NotImplementedError) return 501;
  if (error instanceof errors.ApplicationError) return 400;
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
};

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** `details` with a code: the one it has, or the one of its status. */
export const withCode = (details: unknown, status: number): Record<string, unknown> => {
  const kept = isRecord(details) ? details : {};
  return isErrorCode(kept.code) ? kept : { code: fallbackCode(status), ...kept };
};

const errorCodesMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const ours = pluginPaths(strapi);
  return async (ctx: Context, next: Next) => {
    if (!ours(ctx.path)) return next();
    try {
      await next();
    } catch (error) {
      const status = statusOf(error);
      if (status !== null && status >= 400 && status < 500) {
        const coded = error as { details?: unknown };
        coded.details = withCode(coded.details, status);
      }
      throw error;
    }
    // An answer set without throwing (`ctx.notFound()`, `ctx.badRequest()`) is coded too.
    const body = ctx.body as { error?: unknown } | undefined;
    if (ctx.status >= 400 && ctx.status < 500 && isRecord(body) && isRecord(body.error)) {
      body.error.details = withCode(body.error.details, ctx.status);
    }
  };
};

export default errorCodesMiddleware;
