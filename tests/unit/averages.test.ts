import { weekStartOf, weightedAverage } from '../../src/school/rules/averages';

describe('weightedAverage', () => {
  it('weighs a control work double', () => {
    expect(
      weightedAverage([
        { numericValue: 5, weight: 1 },
        { numericValue: 3, weight: 2 },
      ]),
    ).toBe(3.67);
  });

  it('leaves зачёт, н/а and осв out, and has no average without point marks', () => {
    expect(weightedAverage([{ numericValue: null }, { numericValue: 4 }])).toBe(4);
    expect(weightedAverage([{ numericValue: null }])).toBeNull();
    expect(weightedAverage([])).toBeNull();
  });

  it('reads decimal weights as the database returns them', () => {
    expect(
      weightedAverage([
        { numericValue: 4, weight: '1.5' },
        { numericValue: 5, weight: '0.5' },
      ]),
    ).toBe(4.25);
  });
});

describe('weekStartOf', () => {
  it('gives the Monday of the school week', () => {
    expect(weekStartOf('2025-09-01')).toBe('2025-09-01');
    expect(weekStartOf('2025-09-07')).toBe('2025-09-01');
    expect(weekStartOf('2025-09-03')).toBe('2025-09-01');
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29');
  });
});
