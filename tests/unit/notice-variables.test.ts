/** The notice dialog's placeholder helpers: what it flags before the server refuses, and where a clicked variable goes. */
import { insertVariable, unknownVariables } from '../../src/plugins/offboarding/admin/src/components/notices/noticeVariables';

describe('notice variables in the admin panel', () => {
  const allowed = ['organization.name', 'effectiveAt'];

  test('only placeholders the notice does not offer are unknown, each once', () => {
    expect(unknownVariables('Hi {{organization.name}}, on {{ effectiveAt }}', allowed)).toEqual([]);
    expect(unknownVariables('{{organization.notes}} {{x}} {{organization.notes}}', allowed)).toEqual(['organization.notes', 'x']);
    expect(unknownVariables('no placeholder, a lone { brace }', allowed)).toEqual([]);
  });

  test('a variable is inserted at the cursor, replacing a selection, or at the end without one', () => {
    expect(insertVariable('Hello !', 'organization.name', 6, 6)).toEqual({ text: 'Hello {{organization.name}}!', cursor: 27 });
    expect(insertVariable('Hello XX!', 'effectiveAt', 6, 8)).toEqual({ text: 'Hello {{effectiveAt}}!', cursor: 21 });
    expect(insertVariable('Hello ', 'effectiveAt', null, null)).toEqual({ text: 'Hello {{effectiveAt}}', cursor: 21 });
  });
});
