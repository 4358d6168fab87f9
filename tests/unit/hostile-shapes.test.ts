import { redactInvitationPath, redactTokens } from '../../src/plugins/offboarding/server/src/middlewares/redact-tokens';
import { exceedsDepth, MAX_DEPTH, nulBytePath } from '../../src/plugins/offboarding/server/src/utils/shape';

/** `n` nested objects (`{}` is one level), the innermost holding `leaf`; built without recursion. */
const nested = (n: number, leaf: unknown = 'x') => {
  let value: unknown = { a: leaf };
  for (let i = 1; i < n; i += 1) value = { a: value };
  return value;
};

describe('exceedsDepth', () => {
  it('counts containers: scalars are no level, {} and [] one each', () => {
    expect(exceedsDepth('text', 0)).toBe(false);
    expect(exceedsDepth({}, 1)).toBe(false);
    expect(exceedsDepth({ a: [] }, 1)).toBe(true);
    expect(exceedsDepth({ a: [] }, 2)).toBe(false);
  });

  it(`allows ${MAX_DEPTH} levels and refuses ${MAX_DEPTH + 1}`, () => {
    expect(exceedsDepth(nested(MAX_DEPTH))).toBe(false);
    expect(exceedsDepth(nested(MAX_DEPTH + 1))).toBe(true);
  });

  it('finds the deep branch among wide, shallow ones', () => {
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(exceedsDepth({ ...wide, deep: nested(MAX_DEPTH) })).toBe(true);
    expect(exceedsDepth({ ...wide, deep: nested(MAX_DEPTH - 1) })).toBe(false);
  });

  it('walks 200,000 levels without a deep call stack', () => {
    expect(exceedsDepth(nested(200_000))).toBe(true);
  });
});

describe('nulBytePath', () => {
  it('names the first string holding a NUL byte', () => {
    expect(nulBytePath({ a: 'ok', b: { c: ['fine', 'bad\u0000'] } })).toEqual(['b', 'c', '1']);
    expect(nulBytePath({ a: 'x\u0000', b: 'y\u0000' })).toEqual(['a']);
    expect(nulBytePath('\u0000')).toEqual([]);
    expect(nulBytePath({ a: 'ok', b: [1, null, true] })).toBeNull();
  });

  it(`looks ${MAX_DEPTH} levels down and no further`, () => {
    expect(nulBytePath(nested(MAX_DEPTH, 'bad\u0000'))).toHaveLength(MAX_DEPTH);
    expect(nulBytePath(nested(MAX_DEPTH + 1, 'bad\u0000'))).toBeNull();
  });

  it('stays fast on 200,000 levels', () => {
    expect(nulBytePath(nested(200_000, '\u0000'))).toBeNull();
  });
});

describe('redactTokens', () => {
  it.each([
    ['/api/offboarding/exports/download?token=abc.def', '/api/offboarding/exports/download?token=[redacted]'],
    ['/x?a=1&token=abc&b=2', '/x?a=1&token=[redacted]&b=2'],
    ['/x?token=a&token=b', '/x?token=[redacted]&token=[redacted]'],
    ['/x?Token=a', '/x?Token=[redacted]'],
    ['/x?%74oken=a', '/x?%74oken=[redacted]'],
    ['/x?token[]=a&token[0]=b', '/x?token[]=[redacted]&token[0]=[redacted]'],
    ['/x?token', '/x?token=[redacted]'],
    ['/x?tokens=a&mytoken=b', '/x?tokens=a&mytoken=b'],
    ['/x', '/x'],
    ['/x?bad=%E0%A4%A', '/x?bad=%E0%A4%A'],
  ])('%s → %s', (url, expected) => {
    expect(redactTokens(url)).toBe(expected);
  });
});

describe('redactInvitationPath (docs/spec.md §12: the invitation link carries its token in the path)', () => {
  it.each([
    ['/api/offboarding/portal/invitations/AbC_-123', '/api/offboarding/portal/invitations/[redacted]'],
    ['/api/offboarding/portal/invitations/AbC?x=1', '/api/offboarding/portal/invitations/[redacted]?x=1'],
    ['/api/offboarding/portal/invitations/enc%2Fsecret', '/api/offboarding/portal/invitations/[redacted]'],
    // Everything after `invitations` goes: a token may sit in any later segment.
    ['/API/offboarding/Portal/Invitations/secret/more', '/API/offboarding/Portal/Invitations/[redacted]'],
    ['/api/offboarding/portal//invitations/secret', '/api/offboarding/portal//invitations/[redacted]'],
    ['/api/offboarding/portal/invitations/accept/secret', '/api/offboarding/portal/invitations/[redacted]'],
    ['/api/offboarding/portal%2Finvitations%2Fsecret', '/api/offboarding/portal/invitations/[redacted]'],
    ['/api/offboarding/portal/invitations/accept/', '/api/offboarding/portal/invitations/accept/'],
    ['/api/offboarding/portal/invitations/accept', '/api/offboarding/portal/invitations/accept'],
    ['/api/offboarding/portal/invitations/accepted-secret', '/api/offboarding/portal/invitations/[redacted]'],
    ['/api/offboarding/portal/organizations/abc', '/api/offboarding/portal/organizations/abc'],
  ])('%s → %s', (url, expected) => {
    expect(redactInvitationPath(url)).toBe(expected);
  });
});
