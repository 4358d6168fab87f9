import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { DataExport } from '../../../shared/contracts/entities';
import type { ExportRequestOutcome } from '../services/export';

/**
 * The answer to an export request, the same for admins and collaborators: 202 with a new
 * export, 200 with the one already open, 429 with `Retry-After` past the daily limit.
 */
export const answerExportRequest = (ctx: Context, outcome: ExportRequestOutcome, shown: (data: DataExport) => unknown) => {
  if (outcome.kind === 'limited') {
    ctx.set('Retry-After', String(outcome.retryAfterSeconds));
    throw new errors.RateLimitError(
      `At most ${outcome.limit} data exports per organization in 24 hours; try again in ${outcome.retryAfterSeconds} seconds`,
      { code: 'export.rate_limited', limit: outcome.limit, retryAfterSeconds: outcome.retryAfterSeconds }
    );
  }
  ctx.status = outcome.kind === 'created' ? 202 : 200;
  ctx.body = { data: shown(outcome.export) };
};
