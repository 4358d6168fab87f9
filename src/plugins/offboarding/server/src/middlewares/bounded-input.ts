import type { Context, Next } from 'koa';
import { refuseDeepInput } from '../utils/shape';

/**
 * docs/spec.md §9, hostile shapes are refused fast: the parsed body and query string are measured,
 * iteratively, before a controller validates them, so a body nested thousands of levels deep
 * is a 400 in milliseconds instead of a stalled event loop. Strapi's qs parser already stops at
 * depth 20 by default, but an app may raise it (`strapi::query` config), so the query is
 * measured too.
 */
const boundedInput = () => async (ctx: Context, next: Next) => {
  refuseDeepInput(ctx.query, 'query');
  refuseDeepInput((ctx.request as { body?: unknown }).body, 'body');
  await next();
};

export default boundedInput;
