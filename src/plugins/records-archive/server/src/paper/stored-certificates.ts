/**
 * The basic certificates (аттестаты ООО) taken into safekeeping at admission to grade 10 (seed 002
 * §3.4): kept for as long as the pupil studies and handed back right after the leaving order. A
 * pure check of what the safe holds against the class lists: which pupils have left and must get
 * their certificate back, and which pupils of grades 10–11 have not handed theirs in.
 */

export const STORED_CERTIFICATE = 'stored-basic-certificate';
/** Leaving reasons after which the pupil is no longer at school (promotion and moves within it are not). */
const LEFT_SCHOOL = new Set(['transferred-to-other-school', 'graduated', 'expelled', 'other']);

export interface PupilEnrollment {
  startDate: string;
  endDate: string | null;
  leavingReason: string | null;
  leavingOrder: string | null;
  className: string | null;
  grade: number | null;
}

export type PupilStanding =
  | { state: 'studying'; className: string | null; grade: number | null }
  | { state: 'left'; leftOn: string; leavingOrder: string | null; className: string | null }
  | { state: 'unknown' };

/** Where a pupil stands on `today` by their class lists: the latest enrollment decides. */
export const pupilStanding = (enrollments: PupilEnrollment[], today: string): PupilStanding => {
  const latest = [...enrollments].sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  if (!latest) return { state: 'unknown' };
  if (latest.endDate && latest.endDate < today && LEFT_SCHOOL.has(latest.leavingReason ?? '')) {
    return { state: 'left', leftOn: latest.endDate, leavingOrder: latest.leavingOrder, className: latest.className };
  }
  if (latest.endDate && latest.endDate < today) return { state: 'unknown' };
  return { state: 'studying', className: latest.className, grade: latest.grade };
};
