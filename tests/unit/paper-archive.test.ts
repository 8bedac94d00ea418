import retentionRuleSchema from '../../src/plugins/records-archive/server/src/content-types/retention-rule/schema.json';
import { DEFAULT_RETENTION_RULES } from '../../src/plugins/records-archive/server/src/rules/default-retention-rules';
import {
  checkSchedule,
  compareCaseIndex,
  isSchoolYear,
  nomenclatureRows,
  periodText,
  stateChanges,
  unfilledRows,
  yearsText,
  type CheckRow,
} from '../../src/plugins/records-archive/server/src/rules/paper-archive';
import { DISPOSITION_DEFAULT_RULES } from '../../src/plugins/records-archive/server/src/services/disposition';
import { retentionRuleIssues } from '../../src/plugins/records-archive/server/src/services/retention-history';

const byType = Object.fromEntries(DEFAULT_RETENTION_RULES.map((rule) => [rule.recordType, rule]));

describe('default retention rules of R66, R67 and the archive’s own records', () => {
  it('keep work notebooks out of the archive and test notebooks and monitoring data for one school year in teachers’ rooms', () => {
    expect(byType['work-notebook']).toMatchObject({ periodKind: 'not-archived' });
    expect(byType['work-notebook'].legalBasis).toMatch(/2\.4 \(001\)/);
    for (const type of ['test-notebook', 'monitoring-data']) {
      expect(byType[type]).toMatchObject({ periodKind: 'fixed', periodYears: 1, storagePlace: 'Кабинет учителя-предметника' });
      expect(byType[type].legalBasis).toMatch(/4\.8 \(003\)/);
    }
  });

  it('give distance-learning plans, daily reports and pupil submissions (audio and video) a default period that says it is a default', () => {
    for (const type of ['distance-lesson-plan', 'distance-daily-report', 'distance-pupil-work']) {
      expect(byType[type]).toMatchObject({ periodKind: 'fixed', periodYears: 1, carrier: 'electronic' });
      expect(byType[type].legalBasis).toMatch(/3\.3 \(004\).*срок в Положении не назван.*по умолчанию/);
    }
    expect(byType['distance-pupil-work'].title).toMatch(/аудио- и видеозаписи/);
  });

  it('give results on external e-learning platforms (R83) an electronic default period that names its basis', () => {
    expect(byType['platform-result']).toMatchObject({ periodKind: 'fixed', periodYears: 1, carrier: 'electronic', caseIndex: '02-17' });
    expect(byType['platform-result'].legalBasis).toMatch(/платформах.*Срок в Положении не назван.*по умолчанию/);
    expect(retentionRuleSchema.attributes.recordType.enum).toContain('platform-result');
  });

  it('cover the audit trail, backups, the study-certificate and medals books, and keep destruction and check acts permanently', () => {
    expect(byType['audit-trail']).toMatchObject({ periodKind: 'fixed', periodYears: 5 });
    expect(byType['study-certificate-book']).toMatchObject({
      periodYears: 50,
      storagePlace: 'Сейф учебной части',
      expertReviewRequired: true,
    });
    expect(byType['medals-book']).toMatchObject({ periodYears: 50, storagePlace: 'Сейф учебной части' });
    expect(byType['destruction-act']).toMatchObject({ periodKind: 'permanent' });
    expect(byType['inventory-check-act']).toMatchObject({ periodKind: 'permanent' });
    // The backup rule is the same as the one disposition seeded before (whichever seeds first, the rule is the same).
    const { caseIndex: _index, carrier: _carrier, storagePlace: _place, ...backup } = byType.backup;
    expect(backup).toEqual({ ...DISPOSITION_DEFAULT_RULES.find((rule) => rule.recordType === 'backup'), fromNextJanuary: false });
  });

  it('name only record types the schema accepts, and distinct case indexes', () => {
    const allowed = retentionRuleSchema.attributes.recordType.enum as string[];
    for (const rule of DEFAULT_RETENTION_RULES) expect(allowed).toContain(rule.recordType);
    const indexes = DEFAULT_RETENTION_RULES.map((rule) => rule.caseIndex).filter(Boolean);
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const index of indexes) expect(index).toMatch(/^\d{2}-\d{2}$/);
  });
});

describe('the list of files', () => {
  it('accepts case indexes such as «02-05», «01-12.1» and «ОД-3», and refuses anything else', () => {
    const rule = { periodKind: 'permanent', legalBasis: 'Номенклатура дел' };
    for (const caseIndex of ['02-05', '01-12.1', 'ОД-3', '7', null, ''])
      expect({ caseIndex, issues: retentionRuleIssues({ ...rule, caseIndex }) }).toEqual({ caseIndex, issues: [] });
    for (const caseIndex of ['02 05', '02--05', '-02', '02-05;', 'x'.repeat(21).split('').join('-')])
      expect(retentionRuleIssues({ ...rule, caseIndex }).map((issue) => issue.path)).toEqual([['caseIndex']]);
  });

  it('writes periods the Russian way', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 50, 75].map(yearsText)).toEqual([
      '1 год',
      '2 года',
      '5 лет',
      '11 лет',
      '21 год',
      '22 года',
      '25 лет',
      '50 лет',
      '75 лет',
    ]);
    expect(periodText({ periodKind: 'fixed', periodYears: 50, expertReviewRequired: true })).toBe('50 лет, ЭПК');
    expect(periodText({ periodKind: 'fixed', periodYears: 0, periodMonths: 6 })).toBe('6 месяцев');
    expect(periodText({ periodKind: 'permanent' })).toBe('Постоянно');
  });

  it('orders cases by index numerically, rules without an index last, and leaves out what is not archived', () => {
    expect(['02-10', '02-9', undefined, '01-01'].sort(compareCaseIndex)).toEqual(['01-01', '02-9', '02-10', undefined]);
    const rows = nomenclatureRows(
      [
        { recordType: 'b', title: 'Без индекса', periodKind: 'permanent', legalBasis: 'п. 1' },
        {
          recordType: 'j',
          title: 'Журналы',
          periodKind: 'fixed',
          periodYears: 5,
          caseIndex: '02-05',
          legalBasis: 'п. 3.11',
          carrier: 'paper',
        },
        { recordType: 'n', title: 'Тетради', periodKind: 'not-archived', legalBasis: 'п. 2.4' },
        { recordType: 'p', title: 'Личные дела', periodKind: 'fixed', periodYears: 3, caseIndex: '02-01', legalBasis: 'п. 2.2.3' },
      ],
      { j: 4 },
    );
    expect(rows.map((row) => [row.caseIndex, row.title, row.units, row.period])).toEqual([
      ['02-01', 'Личные дела', 0, '3 года'],
      ['02-05', 'Журналы', 4, '5 лет'],
      ['—', 'Без индекса', 0, 'Постоянно'],
    ]);
    expect(rows[1].note).toBe('Носитель: бумажный');
  });

  it('accepts a school year only as two consecutive years', () => {
    expect(isSchoolYear('2025/2026')).toBe(true);
    expect(isSchoolYear('2025/2027')).toBe(false);
    expect(isSchoolYear('2025-2026')).toBe(false);
  });
});

describe('inventory checks', () => {
  it('fall due the interval after the last signed check, and are overdue the day after', () => {
    expect(checkSchedule('2025-11-20', 12, '2026-11-20')).toEqual({
      intervalMonths: 12,
      lastSignedOn: '2025-11-20',
      nextDueOn: '2026-11-20',
      overdue: false,
    });
    expect(checkSchedule('2025-11-20', 12, '2026-11-21').overdue).toBe(true);
    expect(checkSchedule('2026-05-31', 6, '2026-11-23')).toMatchObject({ nextDueOn: '2026-11-30', overdue: false });
  });

  it('are due at once when none was ever signed', () => {
    expect(checkSchedule(null, 12, '2026-11-23')).toEqual({
      intervalMonths: 12,
      lastSignedOn: null,
      nextDueOn: '2026-11-23',
      overdue: true,
    });
  });

  const row = (carrierId: number, stateBefore: CheckRow['stateBefore'], finding: CheckRow['finding']): CheckRow => ({
    carrierId,
    documentId: `d${carrierId}`,
    title: `Дело ${carrierId}`,
    caseIndex: null,
    storagePlace: null,
    stateBefore,
    finding,
    note: null,
  });

  it('mark missing carriers on signing, and bring back one found again', () => {
    expect(
      stateChanges([
        row(1, 'in-storage', 'present'),
        row(2, 'in-storage', 'missing'),
        row(3, 'missing', 'present'),
        row(4, 'missing', 'missing'),
        row(5, 'in-storage', 'damaged'),
      ]),
    ).toEqual([
      { carrierId: 2, state: 'missing' },
      { carrierId: 3, state: 'in-storage' },
    ]);
  });

  it('cannot be signed with rows left without a finding', () => {
    expect(unfilledRows([row(1, 'in-storage', 'present'), row(2, 'in-storage', null), row(3, 'missing', null)])).toEqual([1, 2]);
  });
});
