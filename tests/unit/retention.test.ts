import { retentionExpiry } from '../../src/plugins/records-archive/server/src/rules/retention';
import { DEFAULT_RETENTION_RULES } from '../../src/plugins/records-archive/server/src/rules/default-retention-rules';

describe('retentionExpiry', () => {
  const threeYears = { periodKind: 'fixed' as const, periodYears: 3, fromNextJanuary: true };

  it('counts from 1 January of the year after the file was closed', () => {
    expect(retentionExpiry(threeYears, '2025-06-20')).toEqual({ kind: 'date', startsOn: '2026-01-01', expiresOn: '2029-01-01' });
  });

  it('gives a pupil who leaves on 31 December the same start as one who left in January', () => {
    expect(retentionExpiry(threeYears, '2025-12-31')).toEqual(retentionExpiry(threeYears, '2025-01-09'));
  });

  it('counts from the day itself where the rule says so, leap days included', () => {
    const oneYear = { periodKind: 'fixed' as const, periodYears: 1, fromNextJanuary: false };
    expect(retentionExpiry(oneYear, '2024-02-29')).toEqual({ kind: 'date', startsOn: '2024-02-29', expiresOn: '2025-02-28' });
  });

  it('adds months as well as years', () => {
    expect(retentionExpiry({ periodKind: 'fixed', periodYears: 0, periodMonths: 6, fromNextJanuary: true }, '2025-03-01')).toEqual({
      kind: 'date',
      startsOn: '2026-01-01',
      expiresOn: '2026-07-01',
    });
  });

  it('has no date for permanent, while-studying and not-archived records', () => {
    expect(retentionExpiry({ periodKind: 'permanent', fromNextJanuary: true }, '2025-01-01')).toEqual({ kind: 'permanent' });
    expect(retentionExpiry({ periodKind: 'while-studying', fromNextJanuary: true }, '2025-01-01')).toEqual({ kind: 'while-studying' });
  });

  it('refuses a date that is not a calendar day', () => {
    expect(() => retentionExpiry(threeYears, '2025-02-30')).toThrow(/Invalid date/);
  });
});

describe('default retention rules', () => {
  it('carry the periods the regulations state', () => {
    const years = Object.fromEntries(DEFAULT_RETENTION_RULES.map((rule) => [rule.recordType, rule.periodYears ?? rule.periodKind]));
    expect(years).toMatchObject({
      'personal-file': 3,
      'exam-protocol': 1,
      'certificate-book': 50,
      'summary-sheet': 25,
      'journal-export': 5,
      'paper-journal': 5,
      'stored-basic-certificate': 'while-studying',
      portfolio: 'while-studying',
      diary: 'not-archived',
    });
  });

  it('keep GIA protocols one year from the exam itself, not from the next 1 January', () => {
    const rule = DEFAULT_RETENTION_RULES.find((candidate) => candidate.recordType === 'exam-protocol');
    expect(rule).toMatchObject({ periodYears: 1, countsFrom: 'exam-date', fromNextJanuary: false });
    expect(retentionExpiry({ periodKind: 'fixed', periodYears: 1, fromNextJanuary: false }, '2026-06-03')).toMatchObject({
      expiresOn: '2027-06-03',
    });
  });

  it('keep the GIA admission papers: the essays and the admission protocols, by default one year from the exam', () => {
    for (const recordType of ['final-essay', 'gia-admission-protocol']) {
      const rule = DEFAULT_RETENTION_RULES.find((candidate) => candidate.recordType === recordType);
      expect(rule).toMatchObject({ periodYears: 1, countsFrom: 'exam-date', fromNextJanuary: false, carrier: 'paper' });
      // Seed 003 §6.2 leaves the period to the school's list of files: the default says so.
      expect(rule?.legalBasis).toMatch(/номенклатурой дел.*По умолчанию/);
    }
  });

  it('name one rule per record type, each with its legal basis', () => {
    const types = DEFAULT_RETENTION_RULES.map((rule) => rule.recordType);
    expect(new Set(types).size).toBe(types.length);
    for (const rule of DEFAULT_RETENTION_RULES) expect(rule.legalBasis.length).toBeGreaterThan(10);
  });
});
