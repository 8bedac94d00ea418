import { pupilStanding, type PupilEnrollment } from '../../src/plugins/records-archive/server/src/paper/stored-certificates';

const enrollment = (overrides: Partial<PupilEnrollment>): PupilEnrollment => ({
  startDate: '2025-09-01',
  endDate: null,
  leavingReason: null,
  leavingOrder: null,
  className: '10А',
  grade: 10,
  ...overrides,
});

describe('where a pupil stands, for the certificates held in safekeeping', () => {
  it('counts a pupil on a class list today as studying', () => {
    expect(pupilStanding([enrollment({})], '2026-11-23')).toEqual({ state: 'studying', className: '10А', grade: 10 });
  });

  it('takes the latest class list: promoted to 11th grade is still studying', () => {
    const standing = pupilStanding(
      [
        enrollment({ endDate: '2026-05-31', leavingReason: 'promoted' }),
        enrollment({ startDate: '2026-09-01', className: '11А', grade: 11 }),
      ],
      '2026-11-23',
    );
    expect(standing).toEqual({ state: 'studying', className: '11А', grade: 11 });
  });

  it('counts a pupil who left the school (transfer, graduation, expulsion) as left, with the order', () => {
    const standing = pupilStanding(
      [enrollment({ endDate: '2026-10-15', leavingReason: 'transferred-to-other-school', leavingOrder: '112-у' })],
      '2026-11-23',
    );
    expect(standing).toEqual({ state: 'left', leftOn: '2026-10-15', leavingOrder: '112-у', className: '10А' });
  });

  it('does not count a pupil as left before the last day of their enrollment has passed', () => {
    expect(pupilStanding([enrollment({ endDate: '2026-11-30', leavingReason: 'graduated' })], '2026-11-23').state).toBe('studying');
  });

  it('knows nothing of a pupil without class lists', () => {
    expect(pupilStanding([], '2026-11-23')).toEqual({ state: 'unknown' });
  });
});
