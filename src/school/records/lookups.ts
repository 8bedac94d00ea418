import type { Core } from '@strapi/strapi';
import type { LocalDate } from '../calendar';
import type { PeriodScheme } from '../settings';
import type { StoredRecord } from './draft';
import { readKey, sharedRead } from './shared-reads';

/**
 * Whether the pupil belongs to the class at some day of [from, to] (one day when `to` is omitted),
 * by the class list (enrollments with their start and end dates). The pupils on the list for those
 * days are read in one query, so the marks of a batch (a lesson column) share it.
 */
export const isEnrolledInClass = async (
  strapi: Core.Strapi,
  studentId: number,
  classId: number,
  from: LocalDate,
  to: LocalDate = from,
): Promise<boolean> => {
  const onList = await sharedRead(readKey('class-list', classId, from, to), async () => {
    const pupils = (await strapi.db.query('api::student.student').findMany({
      where: {
        // One enrolment meets all three (Strapi does not mix operators with fields in a relation's where).
        enrollments: {
          $and: [
            { schoolClass: { id: classId } },
            { startDate: { $lte: to } },
            { $or: [{ endDate: { $null: true } }, { endDate: { $gte: from } }] },
          ],
        },
      },
      select: ['id'],
    })) as Array<{ id: number }>;
    return new Set(pupils.map((pupil) => pupil.id));
  });
  return onList.has(studentId);
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
