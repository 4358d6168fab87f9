import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

/** documentIds and job names are short, plain tokens; anything else names nothing that exists. */
export const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
/** A scheduled change made by a row's state is named `<kind>:<documentId>` (docs/spec.md §13). */
const CHANGE_ID = /^[a-z_]{1,20}:[A-Za-z0-9_-]{1,64}$/;

/**
 * Path parameters are checked before they reach a query: a malformed id (a NUL byte, say,
 * which PostgreSQL refuses outright) is an unknown id, a 404, never a database error.
 */
const validIds = () => async (ctx: Context, next: Next) => {
  for (const [name, value] of Object.entries((ctx.params ?? {}) as Record<string, unknown>)) {
    // Numbered captures belong to the router's own prefix matching, not to our paths.
    if (/^\d+$/.test(name)) continue;
    if (typeof value === 'string' && !TOKEN.test(value) && !CHANGE_ID.test(value)) {
      // Escaped, so a control character is shown, not sent back raw.
      const shown = JSON.stringify(value.slice(0, 80));
      throw new errors.NotFoundError(`No resource has the ${name} ${shown} (ids are letters, digits, "-" and "_")`, {
        code: 'request.invalid_id',
        param: name,
      });
    }
  }
  await next();
};

export default validIds;
