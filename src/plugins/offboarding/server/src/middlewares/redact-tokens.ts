import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID } from '../constants';

export const REDACTED = '[redacted]';

/** `…/portal/invitations` (any run of slashes) and all that follows it in the path. */
const INVITATION_PATH = /^(.*?\/portal\/+invitations)(\/.*)$/i;
const ACCEPT_ROUTE = /^\/+accept\/*$/i;

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
export const redactInvitationPath = (url: string): string => {
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  const tail = cut < 0 ? '' : url.slice(cut);
  // The raw path, then the decoded one (`portal%2Finvitations%2F<token>`): everything after
  // `invitations` goes, whatever slashes or segments a caller adds (`portal//invitations/<t>`,
  // `invitations/accept/<t>`), unless it is the accept route itself.
  for (const candidate of [path, decode(path)]) {
    const match = INVITATION_PATH.exec(candidate);
    if (!match) continue;
    return ACCEPT_ROUTE.test(match[2]) ? url : `${match[1]}/${REDACTED}${tail}`;
  }
  return url;
};

/** Whether the path is an invitation link: something after `…/portal/invitations/` other than the accept route. */
export const isInvitationLink = (path: string): boolean =>
  [path, decode(path)].some((candidate) => {
    const match = INVITATION_PATH.exec(candidate);
    return Boolean(match) && !ACCEPT_ROUTE.test((match as RegExpExecArray)[2]);
  });

/**
 * docs/spec.md §9, signed-link tokens are never written to logs. Strapi's request log (`strapi::logger`)
 * prints `ctx.url` once the response is done. Registered with `strapi.server.use` in bootstrap,
 * this runs inside every config middleware, the logger included, whatever the app's
 * config/middlewares says; once the plugin's route has answered (or thrown), it rewrites the URL
 * the logger is about to read. Only the plugin's own paths are touched.
 */
/** Whether a request path is one of the plugin's: its admin routes or its content API. */
export const pluginPaths = (strapi: Core.Strapi) => {
  const restPrefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');
  const prefixes = [`${restPrefix}/${PLUGIN_ID}`, `/${PLUGIN_ID}`].map((prefix) => prefix.toLowerCase());
  return (path: string) => {
    // `/api//offboarding/…` is the plugin's path too, as far as a log line goes.
    const decoded = decode(path).toLowerCase().replace(/\/{2,}/g, '/');
    return prefixes.some((prefix) => decoded === prefix || decoded.startsWith(`${prefix}/`));
  };
};

const redactTokensMiddleware = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const ours = pluginPaths(strapi);

  return async (ctx: Context, next: Next) => {
    const path = ctx.path;
    if (!ours(path) || (!ctx.querystring && !isInvitationLink(path))) return next();
    try {
      await next();
    } finally {
      ctx.url = redactInvitationPath(redactTokens(ctx.url));
    }
  };
};

export default redactTokensMiddleware;
