/**
 * docs/spec.md §7, error codes: every code the server can answer with is listed in the spec's table
 * with its status, and every code in the table exists. The codes are found by reading the server's
 * source, so a new code thrown without documentation fails here.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { ERROR_CODES } from '../../src/plugins/offboarding/shared/contracts/error-codes';

const ROOT = path.join(__dirname, '../..');
const SERVER = path.join(ROOT, 'src/plugins/offboarding/server/src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });

const CODE = `'([a-z_]+\\.[a-z_]+)'`;
/**
 * Where a code is written: the first argument of an error helper, a `code:` in details, a typed
 * constant or default (`x: ErrorCode = …`), the code after a details object (`fieldError(…, {},
 * code)`, `invalid(…)`), and tables of codes (typed with `ErrorCode`). Event types look the same (`organization.archived`) and are never in these places.
 */
const PATTERNS = [
  new RegExp(`\\b(?:conflictError|forbiddenError|goneError|conflict)\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode: ${CODE}`, 'g'),
  new RegExp(`: ErrorCode = ${CODE}`, 'g'),
  new RegExp(`\\},\\s*${CODE}\\s*\\)`, 'g'),
  new RegExp(`\\['[^'\\n]*', ${CODE}\\]`, 'g'),
];
/** The body of an object literal whose values are codes: `const X: Record<K, ErrorCode> = { … };`. */
const CODE_TABLE = /Record<[^>]*ErrorCode> = \{([^}]*)\};/g;

const codesInSource = () => {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SERVER)) {
    const text = readFileSync(file, 'utf8');
    const tables = [...text.matchAll(CODE_TABLE)].map((table) => table[1]);
    for (const part of [text, ...tables]) {
      const patterns = part === text ? PATTERNS : [new RegExp(CODE, 'g')];
      for (const pattern of patterns) for (const match of part.matchAll(pattern)) found.set(match[1], path.relative(ROOT, file));
    }
  }
  return found;
};

const specTable = () => {
  const spec = readFileSync(path.join(ROOT, 'docs/spec.md'), 'utf8');
  const section = spec.slice(spec.indexOf('### Error codes'), spec.indexOf('## 8.'));
  return new Map([...section.matchAll(/^\| `([a-z_.]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));
};

describe('error codes', () => {
  const inSource = codesInSource();
  const documented = specTable();

  it('finds the codes the server throws (the scan itself works)', () => {
    expect(inSource.has('entitlement.not_cancellable')).toBe(true);
    expect(inSource.has('organization.purged')).toBe(true);
    expect(inSource.has('organization.not_found')).toBe(true);
    expect(inSource.has('checklist.step_not_done')).toBe(true);
    expect(inSource.has('validation.invalid')).toBe(true);
  });

  it('every code written in the server source is a known code', () => {
    const unknown = [...inSource].filter(([code]) => !(code in ERROR_CODES)).map(([code, file]) => `${code} (${file})`);
    expect(unknown).toEqual([]);
  });

  it("the spec's table lists every code, with its status, and nothing else", () => {
    const expected = new Map(Object.entries(ERROR_CODES).map(([code, status]) => [code, status as number]));
    for (const code of inSource.keys()) if (!expected.has(code)) expected.set(code, -1);
    expect(Object.fromEntries([...documented].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  it('every listed code is thrown somewhere, or is the fallback of a status', () => {
    expect(Object.keys(ERROR_CODES).filter((code) => !inSource.has(code))).toEqual([]);
  });
});
