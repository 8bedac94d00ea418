import type { Core } from '@strapi/strapi';
import type { LocalDate } from '../calendar';
import type { PeriodScheme } from '../settings';
import type { StoredRecord } from './draft';
import { readKey, sharedRead } from './shared-reads';

/**
 * Whether the pupil belongs to the class at some day of [from, to] (one day when `to` is omitted),
 * by the class list (enrollments with their start and end dates).
 */
export const isEnrolledInClass = async (
  strapi: Core.Strapi,
  studentId: number,
  classId: number,
  from: LocalDate,
  to: LocalDate = from,
): Promise<boolean> => {
  const count = await sharedRead(readKey('enrolled', studentId, classId, from, to), () =>
    strapi.db.query('api::enrollment.enrollment').count({
      where: {
        student: { id: studentId },
        schoolClass: { id: classId },
        startDate: { $lte: to },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: from } }],
      },
    }),
  );
  return count > 0;
};

/** The study period of the year and scheme that contains the date, if any (holidays fall between). */
export const findStudyPeriodOn = async (
  strapi: Core.Strapi,
  academicYearId: number,
  scheme: PeriodScheme,
  date: LocalDate,
): Promise<StoredRecord | null> =>
  (await sharedRead(readKey('period-on', academicYearId, scheme, date), () =>
    strapi.db.query('api::study-period.study-period').findOne({
      where: {
        academicYear: { id: academicYearId },
        scheme,
        startDate: { $lte: date },
        endDate: { $gte: date },
      },
    }),
  )) as StoredRecord | null;

/** The journal with everything our rules about its entries need. */
export const JOURNAL_CONTEXT = {
  schoolClass: true,
  subject: true,
  academicYear: true,
  pupils: { select: ['id'] },
} as const;

export interface JournalContext extends StoredRecord {
  kind: string;
  schoolClass: (StoredRecord & { grade: number; name: string }) | null;
  subject: (StoredRecord & { scale: string; name: string }) | null;
  academicYear: (StoredRecord & { startDate: string; endDate: string; title: string }) | null;
  pupils: StoredRecord[];
}
