import { parseCursor, parseLimit, statesAfterEachChange } from '../../src/api/exchange/services/exchange';
import { checkReviewDecision } from '../../src/school/records/portfolio-rules';

/** The pure parts of the sync feed (R99) and of the portfolio review decision (R30). */

const entry = (sequence: number, action: 'create' | 'update' | 'delete', before: object | null, after: object | null) => ({
  sequence,
  occurredAt: '2025-09-02T08:00:00.000Z',
  action,
  recordType: 'api::mark.mark' as const,
  recordDocumentId: 'mark1',
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe('the record after each change, rebuilt from the trail', () => {
  it('walks back from the current row through the updates’ before-values', () => {
    const states = statesAfterEachChange({ value: '5', numericValue: 5, weight: 2 }, [
      entry(3, 'create', null, { value: '3', numericValue: 3, weight: 2 }),
      entry(7, 'update', { value: '3', numericValue: 3 }, { value: '4', numericValue: 4 }),
      entry(9, 'update', { value: '4', numericValue: 4 }, { value: '5', numericValue: 5 }),
    ]);
    expect(states.get(3)).toEqual({ value: '3', numericValue: 3, weight: 2 });
    expect(states.get(7)).toEqual({ value: '4', numericValue: 4, weight: 2 });
    expect(states.get(9)).toEqual({ value: '5', numericValue: 5, weight: 2 });
  });

  it('gives a deletion the values the record had when deleted, and its earlier changes from there', () => {
    const states = statesAfterEachChange(null, [
      entry(1, 'create', null, { kind: 'late', minutesLate: 5 }),
      entry(2, 'update', { minutesLate: 5 }, { minutesLate: 7 }),
      entry(4, 'delete', { kind: 'late', minutesLate: 7 }, null),
    ]);
    expect(states.get(4)).toEqual({ kind: 'late', minutesLate: 7 });
    expect(states.get(2)).toEqual({ kind: 'late', minutesLate: 7 });
    expect(states.get(1)).toEqual({ kind: 'late', minutesLate: 5 });
  });

  it('rebuilds a record written before the trail from its current row', () => {
    const states = statesAfterEachChange({ value: '4' }, [entry(5, 'update', { value: '2' }, { value: '4' })]);
    expect(states.get(5)).toEqual({ value: '4' });
  });
});

describe('the cursor and the page size', () => {
  it('read a whole non-negative cursor and a page size of 1 to 1000, with defaults', () => {
    expect(parseCursor(undefined)).toBe(0);
    expect(parseCursor('42')).toBe(42);
    expect(parseLimit(undefined)).toBe(100);
    expect(parseLimit('1000')).toBe(1000);
  });

  it('refuse anything else with the parameter named', () => {
    for (const bad of ['-1', '1.5', 'abc', ['1'], { $gt: '0' }, '1'.repeat(16)]) {
      expect(() => parseCursor(bad)).toThrow(
        expect.objectContaining({ details: { errors: [expect.objectContaining({ path: ['after'] })] } }),
      );
    }
    for (const bad of ['0', '1001', 'ten', ['5']]) {
      expect(() => parseLimit(bad)).toThrow(
        expect.objectContaining({ details: { errors: [expect.objectContaining({ path: ['limit'] })] } }),
      );
    }
  });
});

describe('a review decision', () => {
  it('approves with or without a remark, and returns only with one', () => {
    expect(checkReviewDecision({ decision: 'approve' })).toEqual({ decision: 'approve', remark: null, issues: [] });
    expect(checkReviewDecision({ decision: 'return', remark: ' Уточните уровень ' })).toEqual({
      decision: 'return',
      remark: 'Уточните уровень',
      issues: [],
    });
    expect(checkReviewDecision({ decision: 'return' }).issues.map((issue) => issue.path)).toEqual(['remark']);
    expect(checkReviewDecision({ decision: 'ok', extra: 1 }).issues.map((issue) => issue.path)).toEqual(['extra', 'decision']);
    expect(checkReviewDecision(null).issues.map((issue) => issue.path)).toEqual(['data']);
  });
});
