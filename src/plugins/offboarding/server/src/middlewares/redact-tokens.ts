import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';

export const REDACTED = '[redacted]';

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** `token`, `Token`, `token[]`, `%74oken`…: every spelling qs (or a curious caller) might use. */
const isTokenKey = (rawKey: string) => /^token(\[|$)/i.test(decode(rawKey).trim());

/** The URL with the value of every `token` query parameter replaced by `[redacted]`. */
export const redactTokens = (url: string): string => {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const pairs = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      return isTokenKey(rawKey) ? `${rawKey}=${REDACTED}` : pair;
    });
  return `${url.slice(0, start + 1)}${pairs.join('&')}`;
};

/**
 * The URL with the token of an invitation link (`…/portal/invitations/<token>`, docs/spec.md §12)
 * replaced by `[redacted]`; `…/portal/invitations/accept` (the token is in its body) stays.
 */
export const redactInvitationPath = (url: string): string =>
  url.replace(/(\/portal\/invitations\/)(?!accept(?:[/?#]|$))[^/?#]+/i, `$1${REDACTED}`);

/**
 * docs/spec.md §9, signed-link tokens are never written to logs. Strapi's request log (`strapi::logger`)
 * prints `ctx.url` once the response is done. Registered with `strapi.server.use` in bootstrap,
 * this runs inside every config middleware, the logger included, whatever the app's
 * config/middlewares says; once the plugin's route has answered (or thrown), it rewrites the URL
 * the logger is about to read. Only the plugin's own paths are touched.
 */
const redactTokensMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const prefixes = [`${restPrefix}/${PLUGIN_ID}`, `/${PLUGIN_ID}`].map((prefix) => prefix.toLowerCase());
  const ours = (path: string) => {
    const decoded = decode(path).toLowerCase();
    return prefixes.some((prefix) => decoded === prefix || decoded.startsWith(`${prefix}/`));
  };

  /** An invitation link carries its token in the path, whatever the query string holds. */
  const invitationLink = (path: string) => /\/portal\/invitations\/(?!accept$)./i.test(path) || /\/portal\/invitations\/(?!accept$)./i.test(decode(path));

  return async (ctx: Context, next: Next) => {
    const path = ctx.path;
    if (!ours(path) || (!ctx.querystring && !invitationLink(path))) return next();
    try {
      await next();
    } finally {
      ctx.url = redactInvitationPath(redactTokens(ctx.url));
    }
  };
};

export default redactTokensMiddleware;
