import {
  blankBalance,
  blankNumberOf,
  blankRange,
  compareBlanks,
  normalBlankNumber,
  REGISTER_STATE_LABELS,
  registerStateOf,
} from '../../src/school/rules/certificate-blanks';

describe('the register of аттестат blanks', () => {
  it('names a blank by series and number in one normal form, as the certificate book writes it', () => {
    expect(blankNumberOf('02  аб', '0012345')).toBe('02 АБ 0012345');
    expect(blankNumberOf(null, '03924000012345')).toBe('03924000012345');
    expect(normalBlankNumber(' 02 аб   0012345 ')).toBe(blankNumberOf('02 АБ', '0012345'));
  });

  it('lists the numbers of a receipt keeping the printed leading zeros', () => {
    expect(blankRange('0012345', '0012347')).toEqual({ numbers: ['0012345', '0012346', '0012347'] });
    expect(blankRange('03924000012345', '03924000012345')).toEqual({ numbers: ['03924000012345'] });
    expect(blankRange('0099', '0101')).toEqual({ numbers: ['0099', '0100', '0101'] });
  });

  it('refuses a range backwards, of letters, of different widths or too long, saying why', () => {
    expect(blankRange('0012347', '0012345')).toEqual({ problem: expect.stringMatching(/не может быть меньше/) });
    expect(blankRange('12А', '130')).toEqual({ problem: expect.stringMatching(/первого бланка — цифры/) });
    expect(blankRange('012', '0130')).toEqual({ problem: expect.stringMatching(/одинаковым числом цифр/) });
    expect(blankRange('0000001', '0002000')).toEqual({ problem: expect.stringMatching(/не более 1000/) });
  });

  it('balances what was received against what was issued, spoiled and is left', () => {
    expect(blankBalance(['in-stock', 'issued', 'issued', 'spoiled', 'in-stock'])).toEqual({
      received: 5,
      issued: 2,
      spoiled: 1,
      inStock: 2,
    });
    expect(blankBalance([])).toEqual({ received: 0, issued: 0, spoiled: 0, inStock: 0 });
  });

  it('names a blank’s state in the printed register, an issued blank of an annulled аттестат as annulled', () => {
    expect(REGISTER_STATE_LABELS[registerStateOf('in-stock', false)]).toBe('в сейфе');
    expect(REGISTER_STATE_LABELS[registerStateOf('issued', false)]).toBe('выдан');
    expect(REGISTER_STATE_LABELS[registerStateOf('issued', true)]).toBe('аннулирован');
    expect(REGISTER_STATE_LABELS[registerStateOf('spoiled', false)]).toBe('списан');
  });

  it('orders the printed register by series, then by number as printed', () => {
    const blanks = [
      { series: '02 АБ', number: '0000010' },
      { series: null, number: '02418000800002' },
      { series: '02 аб', number: '0000009' },
      { series: null, number: '999' },
      { series: null, number: '02418000800001' },
    ];
    expect([...blanks].sort(compareBlanks).map((blank) => blankNumberOf(blank.series, blank.number))).toEqual([
      '999',
      '02418000800001',
      '02418000800002',
      '02 АБ 0000009',
      '02 АБ 0000010',
    ]);
  });
});
