#!/usr/bin/env node
/**
 * Which keys of the plugin's en.json the other languages lack, and which they hold that en.json
 * no longer has. Prints JSON, keyed by language, with the English text of each missing key so a
 * translator can work from the output alone:
 *
 *   { "fr": { "missing": { "some.key": "English text" }, "extra": ["old.key"] }, "de": { … } }
 *
 * Exits 1 when any key is missing or extra, 0 when every language matches en.json.
 * `--lang fr` limits it to one language.
 */
const fs = require('fs');
const path = require('path');

const DIR = path.resolve(__dirname, '../src/plugins/offboarding/admin/src/translations');
const read = (lang) => JSON.parse(fs.readFileSync(path.join(DIR, `${lang}.json`), 'utf8'));

const only = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : undefined;
const languages = fs
  .readdirSync(DIR)
  .filter((file) => file.endsWith('.json') && file !== 'en.json')
  .map((file) => file.replace(/\.json$/, ''))
  .filter((lang) => !only || lang === only)
  .sort();

const en = read('en');
const report = Object.fromEntries(
  languages.map((lang) => {
    const other = read(lang);
    const missing = Object.fromEntries(Object.entries(en).filter(([key]) => !(key in other)));
    const extra = Object.keys(other).filter((key) => !(key in en));
    return [lang, { missing, extra }];
  }),
);

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const incomplete = Object.values(report).some(({ missing, extra }) => Object.keys(missing).length > 0 || extra.length > 0);
process.exit(incomplete ? 1 : 0);
