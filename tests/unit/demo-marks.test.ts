import { annualMark, drawAbility, drawMark, periodMark, roundHalfUp, weightedAverage } from '../../src/demo/mark-math';
import { mixSeed, Random } from '../../src/demo/random';

describe('demo mark arithmetic', () => {
  it('rounds halves up', () => {
    expect(roundHalfUp(3.5)).toBe(4);
    expect(roundHalfUp(4.49)).toBe(4);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp((4 + 3 + 3 + 4) / 4)).toBe(4);
  });

  it('weighs control works double', () => {
    expect(
      weightedAverage([
        { value: 5, weight: 1 },
        { value: 3, weight: 2 },
      ]),
    ).toBeCloseTo(11 / 3);
    expect(weightedAverage([])).toBeNull();
    expect(
      periodMark('five-point', [
        { value: '5', weight: 1 },
        { value: '4', weight: 1 },
      ]),
    ).toBe('5');
    expect(
      periodMark('five-point', [
        { value: '5', weight: 1 },
        { value: '3', weight: 2 },
      ]),
    ).toBe('4');
    expect(
      periodMark('five-point', [
        { value: '2', weight: 1 },
        { value: '3', weight: 2 },
      ]),
    ).toBe('3');
  });

  it('gives «н/а» without marks and зачёт by majority', () => {
    expect(periodMark('five-point', [])).toBe('н/а');
    expect(
      periodMark('pass-fail', [
        { value: 'зачтено', weight: 1 },
        { value: 'не зачтено', weight: 1 },
      ]),
    ).toBe('зачтено');
    expect(periodMark('pass-fail', [{ value: 'не зачтено', weight: 1 }])).toBe('не зачтено');
    expect(annualMark('five-point', ['4', '5', '5', '4'])).toBe('5');
    expect(annualMark('five-point', ['3', '4', 'н/а', '3'])).toBe('3');
    expect(annualMark('five-point', ['н/а', 'н/а'])).toBe('н/а');
    expect(annualMark('pass-fail', ['зачтено', 'не зачтено', 'зачтено'])).toBe('зачтено');
  });

  it('draws mostly 4s and 3s, some 5s and few 2s', () => {
    const rng = new Random(mixSeed(1, 2, 3));
    const counts: Record<string, number> = {};
    for (let pupil = 0; pupil < 400; pupil += 1) {
      const ability = drawAbility(rng);
      for (let k = 0; k < 25; k += 1) {
        const mark = drawMark(rng, 'five-point', ability, k % 10 === 0);
        counts[mark] = (counts[mark] ?? 0) + 1;
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const share = (mark: string): number => (counts[mark] ?? 0) / total;
    expect(Object.keys(counts).sort()).toEqual(['2', '3', '4', '5']);
    expect(share('4') + share('3')).toBeGreaterThan(0.6);
    expect(share('4')).toBeGreaterThan(share('5'));
    expect(share('5')).toBeGreaterThan(0.1);
    expect(share('2')).toBeLessThan(0.12);
    expect(share('2')).toBeLessThan(share('5'));
  });

  it('the random stream depends only on the seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
