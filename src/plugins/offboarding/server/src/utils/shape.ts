import { errors } from '@strapi/utils';

/**
 * Walks over parsed JSON and query strings without recursion: a hostile body nested thousands
 * of levels deep must cost a bounded loop, not a deep call stack or quadratic path copies.
 */

/** docs/spec.md §9: JSON nested deeper than this is refused before any validation runs. */
export const MAX_DEPTH = 32;

const childrenOf = (value: unknown): [string, unknown][] =>
  value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];

/**
 * Whether `value` nests containers (objects or arrays) deeper than `limit`: `{}` is one level,
 * `{ a: [] }` two. Stops at the first container past the limit, so the cost is bounded by the
 * part of the input it had to look at.
 */
export const exceedsDepth = (value: unknown, limit = MAX_DEPTH): boolean => {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (!current || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const [, child] of childrenOf(current)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
};

/**
 * The path of the first string holding a NUL byte, or null. Paths are kept as parent links and
 * only joined for the one that is reported; below `limit` levels nothing is searched (the depth
 * rule has refused such input already).
 */
export const nulBytePath = (value: unknown, limit = MAX_DEPTH): string[] | null => {
  interface Node {
    value: unknown;
    key: string | null;
    parent: Node | null;
    depth: number;
  }
  const pathOf = (node: Node) => {
    const path: string[] = [];
    for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Node[] = [{ value, key: null, parent: null, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (node.value.includes('\u0000')) return pathOf(node);
      continue;
    }
    if (node.depth >= limit) continue;
    // Reversed, so the first key is looked at first and the reported path is the first one.
    const children = childrenOf(node.value).reverse();
    for (const [key, child] of children) stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
  }
  return null;
};

/** 400 before any validation: the rule is named in the message and in `details.rule`. */
export const refuseDeepInput = (value: unknown, where: 'body' | 'query') => {
  if (!exceedsDepth(value)) return;
  const message = `The request ${where} is nested deeper than ${MAX_DEPTH} levels (rule: max-depth)`;
  throw new errors.ValidationError(message, {
    code: 'validation.invalid',
    rule: 'max-depth',
    limit: MAX_DEPTH,
    errors: [{ path: [where], message, name: 'ValidationError' }],
  });
};
