import { readTextInput } from '../../src/school/records/text-input';

describe('readTextInput', () => {
  it('trims a string and reads a blank one as empty', () => {
    expect(readTextInput('  Иванова ')).toEqual({ ok: true, text: 'Иванова' });
    expect(readTextInput('   ')).toEqual({ ok: true, text: null });
    expect(readTextInput('')).toEqual({ ok: true, text: null });
  });

  it('reads null and a missing value as empty', () => {
    expect(readTextInput(null)).toEqual({ ok: true, text: null });
    expect(readTextInput(undefined)).toEqual({ ok: true, text: null });
  });

  it('refuses what String() would turn into text: numbers, lists, objects, booleans', () => {
    for (const value of [12345, 0, ['a', 'b'], [], { $ne: '' }, {}, true]) {
      expect(readTextInput(value)).toEqual({ ok: false });
    }
  });

  it('keeps injection-looking strings as the text they are (the database gets them as parameters)', () => {
    expect(readTextInput("'; DROP TABLE marks;--")).toEqual({ ok: true, text: "'; DROP TABLE marks;--" });
  });
});
