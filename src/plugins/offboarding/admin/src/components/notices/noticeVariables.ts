/** `{{ organization.name }}` → `organization.name`: every placeholder a subject or body uses. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The placeholders of `text` that the notice does not offer (the server refuses to save them). */
export const unknownVariables = (text: string, allowed: readonly string[]): string[] => [
  ...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !allowed.includes(name))),
];

/** `text` with `{{variable}}` put where the cursor was (at the end without one); and where the cursor goes next. */
export const insertVariable = (text: string, variable: string, start: number | null, end: number | null) => {
  const placeholder = `{{${variable}}}`;
  const from = start ?? text.length;
  const to = end ?? from;
  return { text: text.slice(0, from) + placeholder + text.slice(to), cursor: from + placeholder.length };
};
