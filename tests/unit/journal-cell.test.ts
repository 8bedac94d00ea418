import { formatJournalCell, parseJournalCell } from '../../src/school/rules/journal-cell';

const FIVE_POINT = ['2', '3', '4', '5'];
const PASS_FAIL = ['зачтено', 'не зачтено'];

describe('a journal grid cell', () => {
  it.each([
    ['5', { marks: ['5'], attendance: null }],
    ['4 5', { marks: ['4', '5'], attendance: null }],
    ['5/4', { marks: ['5', '4'], attendance: null }],
    ['5,4', { marks: ['5', '4'], attendance: null }],
    ['н', { marks: [], attendance: 'absent' }],
    ['Н', { marks: [], attendance: 'absent' }],
    ['б', { marks: [], attendance: 'ill' }],
    ['у', { marks: [], attendance: 'excused' }],
    ['о 4', { marks: ['4'], attendance: 'late' }],
    ['y', { marks: [], attendance: 'absent' }],
    ['', { marks: [], attendance: null }],
    ['   ', { marks: [], attendance: null }],
  ])('reads «%s» as marks and attendance', (text, entry) => {
    expect(parseJournalCell(text, FIVE_POINT)).toEqual({ ok: true, entry });
  });

  it('reads the pass-fail spellings whole, spaces included', () => {
    expect(parseJournalCell('не зачтено', PASS_FAIL)).toEqual({ ok: true, entry: { marks: ['не зачтено'], attendance: null } });
    expect(parseJournalCell('зач', PASS_FAIL)).toEqual({ ok: true, entry: { marks: ['зачтено'], attendance: null } });
  });

  it('refuses a value off the journal scale with the allowed values named', () => {
    const parsed = parseJournalCell('1', FIVE_POINT);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('допустимы 2, 3, 4, 5') });
  });

  it('refuses a point mark in a pass-fail journal', () => {
    expect(parseJournalCell('5', PASS_FAIL).ok).toBe(false);
  });

  it('refuses words it does not understand, saying what it expected', () => {
    const parsed = parseJournalCell('отл', FIVE_POINT);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('Не понято «отл»') });
  });

  it('refuses two different attendance letters and more than three marks', () => {
    expect(parseJournalCell('н б', FIVE_POINT).ok).toBe(false);
    expect(parseJournalCell('5 5 5 5', FIVE_POINT).ok).toBe(false);
  });

  it('shows the attendance letter before the marks', () => {
    expect(formatJournalCell({ marks: ['4', '5'], attendance: 'late' })).toBe('о 4 5');
    expect(formatJournalCell({ marks: [], attendance: null })).toBe('');
  });
});
