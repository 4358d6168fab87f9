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

const uses = sources(ADMIN).flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(USE)].map((match) => ({
    file: path.relative(ADMIN, file),
    id: match[1],
    defaultMessage: match[3]?.replace(/\\(['"\\])/g, '$1'),
  })),
);

describe('admin panel translations', () => {
  test('the admin source uses translated messages', () => {
    expect(uses.length).toBeGreaterThan(50);
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
