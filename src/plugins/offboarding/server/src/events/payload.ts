import type { EventInput } from './types';

/** An event's `data`: what the change left, with `changed` naming the fields it changed (docs/spec.md §10). */
export const dataOf = (input: EventInput) => ({ ...(input.data ?? input.after ?? {}), changed: Object.keys(input.after ?? {}) });
