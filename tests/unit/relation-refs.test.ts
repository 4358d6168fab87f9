import { hasRefs, relationRefs } from '../../src/plugins/offboarding/server/src/domain/relation-refs';

describe('relationRefs: the rows a Document Service relation value points at', () => {
  it.each([
    ['a documentId', 'abc123def', { ids: [], documentIds: ['abc123def'] }],
    ['an entry id', 7, { ids: [7], documentIds: [] }],
    ['a numeric string, an entry id as Strapi reads it', '12', { ids: [12], documentIds: [] }],
    ['{ documentId }', { documentId: 'abc' }, { ids: [], documentIds: ['abc'] }],
    ['{ id }', { id: 3 }, { ids: [3], documentIds: [] }],
    ['documentId wins over id', { id: 3, documentId: 'abc' }, { ids: [], documentIds: ['abc'] }],
    ['a list', ['abc', 4, { id: 5 }], { ids: [4, 5], documentIds: ['abc'] }],
    ['connect', { connect: [{ id: 1, documentId: 'abc', position: { end: true } }], disconnect: [] }, { ids: [], documentIds: ['abc'] }],
    ['set', { set: [{ id: 2 }] }, { ids: [2], documentIds: [] }],
    ['set and connect together', { set: ['a'], connect: ['b'] }, { ids: [], documentIds: ['a', 'b'] }],
    ['duplicates once', ['abc', { documentId: 'abc' }, 2, '2'], { ids: [2], documentIds: ['abc'] }],
  ])('%s', (_label, value, expected) => {
    expect(relationRefs(value)).toEqual(expected);
    expect(hasRefs(relationRefs(value))).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['null (unlinks)', null],
    ['disconnect only', { disconnect: [{ documentId: 'abc' }] }],
    ['an empty connect', { connect: [], disconnect: [] }],
    ['an empty set', { set: [] }],
    ['an empty string', ''],
  ])('names no organization for %s', (_label, value) => {
    expect(hasRefs(relationRefs(value))).toBe(false);
  });
});
