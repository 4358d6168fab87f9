import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BulkOrganizationsRequest, BulkResult } from '../../../shared/contracts/api';
import type { BulkAction } from '../../../shared/contracts/constants';
import type { ActionKey } from '../constants';
import { getService } from '../utils';
import type { Actor } from './audit';

/** The RBAC action each bulk action needs, checked again for every id. */
export const BULK_ACTION_NEEDS: Record<BulkAction, ActionKey> = {
  archive: 'archive',
  export: 'export',
  cancel_at_period_end: 'cancel',
};

/** Strapi's HTTP status for its own error classes (what its error middleware answers). */
const STRAPI_STATUS: Record<string, number> = {
  ValidationError: 400,
  YupValidationError: 400,
  NotFoundError: 404,
  ForbiddenError: 403,
  PolicyError: 403,
  UnauthorizedError: 401,
  RateLimitError: 429,
  PayloadTooLargeError: 413,
  NotImplementedError: 501,
};

/** One id's refusal as the single-organization route would have answered it. */
const refusalOf = (error: unknown): BulkResult['error'] | null => {
  if (error instanceof errors.ApplicationError) {
    const details = (error.details ?? {}) as { code?: unknown };
    const code = typeof details.code === 'string' ? details.code : undefined;
    return { status: STRAPI_STATUS[error.name] ?? 400, message: error.message, ...(code ? { code } : {}) };
  }
  // http-errors (conflictError, forbiddenError): a status below 500 is a refusal the route would show.
  const http = error as { status?: unknown; expose?: unknown; message?: unknown; details?: { code?: unknown } };
  if (typeof http.status === 'number' && http.status < 500 && typeof http.message === 'string') {
    const code = typeof http.details?.code === 'string' ? http.details.code : undefined;
    return { status: http.status, message: http.message, ...(code ? { code } : {}) };
  }
  return null;
};

/**
 * Bulk actions on selected organizations (docs/spec.md §7): each id runs on its own, through the
 * same service call (and so the same state checks, lock and events) as its single-organization
 * route, after its own RBAC check. A refusal is recorded and the next id runs.
 */
const createOrganizationBulkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const runOne = async (request: BulkOrganizationsRequest, id: string, actor: Actor) => {
    if (request.action === 'archive') await getService(strapi, 'organization-lifecycle').archive(id, actor);
    else if (request.action === 'export') {
      const outcome = await getService(strapi, 'export').request(id, actor, 'admin');
      if (outcome.kind === 'limited') {
        throw new errors.RateLimitError(`At most ${outcome.limit} data exports per organization in 24 hours`, { limit: outcome.limit });
      }
    } else {
      await getService(strapi, 'entitlement').cancelAll(id, { reason: request.reason ?? '', timing: 'period_end' }, actor);
    }
  };

  return {
    async run(request: BulkOrganizationsRequest, can: (action: ActionKey) => boolean, actor: Actor): Promise<BulkResult[]> {
      // An unknown or retired reason is the request's fault, not each organization's: one 400 naming it.
      if (request.action === 'cancel_at_period_end') await getService(strapi, 'reason').assertUsable(request.reason ?? '', 'cancel');
      const results: BulkResult[] = [];
      // The same id twice runs once.
      for (const id of [...new Set(request.ids)]) {
        if (!can(BULK_ACTION_NEEDS[request.action])) {
          results.push({ id, ok: false, error: { status: 403, message: `You may not ${request.action.replace(/_/g, ' ')} organizations`, code: 'auth.forbidden' } });
          continue;
        }
        try {
          await runOne(request, id, actor);
          results.push({ id, ok: true });
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) {
            strapi.log.error(`offboarding: bulk ${request.action} failed on organization ${id}: ${(error as Error).message}`);
          }
          results.push({ id, ok: false, error: refusal ?? { status: 500, message: 'An internal error occurred' } });
        }
      }
      return results;
    },
  };
};

export type OrganizationBulkService = ReturnType<typeof createOrganizationBulkService>;
export default createOrganizationBulkService;
