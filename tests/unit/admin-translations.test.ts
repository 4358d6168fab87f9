/**
 * Every message the admin panel shows goes through formatMessage with an id of the plugin's
 * translations: each literal id used in admin/src must be in translations/en.json, with the
 * same English text as the code's defaultMessage, so a translator sees every string.
 */
import fs from 'fs';
import path from 'path';

const ADMIN = path.resolve(__dirname, '../../src/plugins/offboarding/admin/src');
const en = JSON.parse(fs.readFileSync(path.join(ADMIN, 'translations/en.json'), 'utf8')) as Record<string, string>;

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

/** `getTranslation('a.b')` with an optional `defaultMessage: '…'` right after it. */
const USE = /getTranslation\(\s*'([^']+)'\s*\)\s*,?\s*(?:defaultMessage:\s*(['"])((?:\\.|(?!\2).)*)\2)?/g;

/** A component's shorthand: `const t = (id, …) => formatMessage({ id: getTranslation(`prefix.${id}`) … })`. */
const SHORTHAND = /getTranslation\(`([\w.]+)\.\$\{id\}`\)/;
/** …called as `t('key', 'Default text')`. */
const SHORTHAND_USE = /\bt\(\s*'([^']+)'\s*,\s*(['"])((?:\\.|(?!\2).)*)\2/g;

const unescape = (text: string | undefined) => text?.replace(/\\(['"\\])/g, '$1');

const uses = sources(ADMIN).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const relative = path.relative(ADMIN, file);
  const literal = [...text.matchAll(USE)].map((match) => ({ file: relative, id: match[1], defaultMessage: unescape(match[3]) }));
  const prefix = SHORTHAND.exec(text)?.[1];
  const shorthand = prefix
    ? [...text.matchAll(SHORTHAND_USE)].map((match) => ({ file: relative, id: `${prefix}.${match[1]}`, defaultMessage: unescape(match[3]) }))
    : [];
  return [...literal, ...shorthand];
});

describe('admin panel translations', () => {
  test('the admin source uses translated messages', () => {
    expect(uses.length).toBeGreaterThan(300);
    // The shorthand form is recognised too (one id it must find).
    expect(uses.map((use) => use.id)).toContain('organization.details.taxId');
  });

  test('every message id used in the admin panel is in translations/en.json', () => {
    const missing = uses.filter((use) => !(use.id in en)).map((use) => `${use.file}: ${use.id}`);
    expect(missing).toEqual([]);
  });

  test("en.json holds the same English text as the code's default messages", () => {
    const different = uses
      .filter((use) => use.defaultMessage !== undefined && use.id in en && en[use.id] !== use.defaultMessage)
      .map((use) => `${use.id}: "${en[use.id]}" vs "${use.defaultMessage}"`);
    expect(different).toEqual([]);
  });

  test('no translation is empty', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
