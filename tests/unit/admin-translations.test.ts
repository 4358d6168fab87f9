/**
 * Every message the admin panel shows goes through formatMessage with an id of the plugin's
 * translations: each literal id used in admin/src must be in translations/en.json, with the
 * same English text as the code's defaultMessage, so a translator sees every string.
 * French and German hold the same keys with the same ICU arguments, and no .tsx holds hard-coded text.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import {
  isArgumentElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';

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

/*
 * The other languages: French and German hold every key of en.json and no other, each message
 * parses as ICU (the parser react-intl itself uses) with the same arguments as the English one.
 */
const TRANSLATIONS = path.join(ADMIN, 'translations');
const LANGUAGES = ['fr', 'de'] as const;
const translations = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(TRANSLATIONS, `${lang}.json`), 'utf8')) as Record<string, string>]),
);

/** `name:type` of every argument of a message, nested ones too (`{count, plural, one {# {kind}} …}`). */
const argumentsOf = (message: string): string[] => {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isArgumentElement(element)) found.add(`${element.value}:argument`);
      if (isPluralElement(element) || isSelectElement(element)) {
        found.add(`${element.value}:${isPluralElement(element) ? 'plural' : 'select'}`);
        Object.values(element.options).forEach((option) => walk(option.value));
      }
      if (isTagElement(element)) walk(element.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
};

/** The branches of every select (`true`/`other`): a language may not rename them. Plural categories may differ. */
const selectBranchesOf = (message: string): string[] => {
  const found: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isSelectElement(element)) found.push(`${element.value}{${Object.keys(element.options).sort().join(',')}}`);
      if (isPluralElement(element) || isSelectElement(element)) Object.values(element.options).forEach((option) => walk(option.value));
      if (isTagElement(element)) walk(element.children);
    }
  };
  walk(parse(message));
  return found.sort();
};

describe.each(LANGUAGES)('the %s translation', (lang) => {
  const other = translations[lang];

  test('has every key of en.json', () => {
    expect(Object.keys(en).filter((key) => !(key in other))).toEqual([]);
  });

  test('has no key that en.json lacks', () => {
    expect(Object.keys(other).filter((key) => !(key in en))).toEqual([]);
  });

  test('no message is empty', () => {
    expect(Object.entries(other).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  test('is translated, not a copy of the English (cognates such as "Notes" or "Status" aside)', () => {
    const same = Object.keys(en).filter((key) => other[key] === en[key]);
    expect(same.length).toBeLessThan(Object.keys(en).length * 0.1);
  });

  test('each message takes the same arguments as the English one', () => {
    const different = Object.keys(en)
      .filter((key) => key in other)
      .filter((key) => argumentsOf(other[key]).join(' ') !== argumentsOf(en[key]).join(' '))
      .map((key) => `${key}: ${argumentsOf(other[key]).join(' ')} vs ${argumentsOf(en[key]).join(' ')}`);
    expect(different).toEqual([]);
  });

  test('each select keeps the English branches', () => {
    const different = Object.keys(en)
      .filter((key) => key in other)
      .filter((key) => selectBranchesOf(other[key]).join(' ') !== selectBranchesOf(en[key]).join(' '))
      .map((key) => `${key}: ${selectBranchesOf(other[key]).join(' ')} vs ${selectBranchesOf(en[key]).join(' ')}`);
    expect(different).toEqual([]);
  });
});

describe('argumentsOf', () => {
  test('finds nested arguments and tells a renamed one apart', () => {
    const english = '{count, plural, one {# {kind}} other {# {kind}s}} by {who}';
    expect(argumentsOf(english)).toEqual(['count:plural', 'kind:argument', 'who:argument']);
    expect(argumentsOf('{count, plural, one {# {sorte}} other {# {sorte}s}} par {who}')).not.toEqual(argumentsOf(english));
  });
});

/*
 * No hard-coded text: a JSX text node, a string child (`{'Text'}`) or a user-visible attribute
 * given a literal with a letter in it is text no translator sees.
 */
const VISIBLE_ATTRIBUTES = new Set(['label', 'placeholder', 'title', 'aria-label', 'alt', 'hint', 'error', 'description', 'textValue']);
/** Text that is the same in every language (none today; add symbols here with a reason). */
const ALLOWED_TEXT = new Set<string>([]);

const hardCodedText = (file: string, text: string): string[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const trimmed = value.trim();
    if (/\p{L}/u.test(trimmed) && !ALLOWED_TEXT.has(trimmed)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(trimmed)}`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && !ts.isJsxAttribute(node.parent)) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(node, value.text);
      if (ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)) report(node, value.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('no hard-coded text in the panel', () => {
  test('the scan finds text, string children and visible attributes', () => {
    const sample = `export const X = () => <p title="Hello">Hi there {'More'}<b aria-label={'Label'} data-x="raw">…</b>{count}</p>;`;
    expect(hardCodedText('sample.tsx', sample)).toEqual([
      'sample.tsx:1: "Hello"',
      'sample.tsx:1: "Hi there"',
      'sample.tsx:1: "More"',
      'sample.tsx:1: "Label"',
    ]);
  });

  test('every .tsx of the admin shows only translated text', () => {
    const files = sources(ADMIN).filter((file) => file.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => hardCodedText(path.relative(ADMIN, file), fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
