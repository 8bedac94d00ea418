import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { relationId } from './draft';
import { currentArchiveProcedure } from './procedure';
import { readKey, sharedRead } from './shared-reads';

/** Records that belong to a study period and become read-only when it is closed. */
export const PERIOD_BOUND_TYPES = new Set<UID.ContentType>(['api::lesson.lesson', 'api::mark.mark', 'api::attendance.attendance']);

/**
 * HTTP 403: the record sits in a closed (archived) period. A PolicyError, because Strapi's route
 * authorisation hides the message of any other ForbiddenError thrown behind it.
 */
export class PeriodClosedError extends errors.PolicyError {
  constructor(periodTitle: string) {
    super(
      `Период «${periodTitle}» закрыт и сдан в архив: его записи только для чтения. Исправление возможно только через процедуру исправления с указанием причины`,
      { code: 'PERIOD_CLOSED' },
    );
  }
}

/**
 * Refuses the write when any of the periods it touches is closed, unless it runs inside the
 * correction procedure. An attendance or lesson without a period (a holiday) is never locked.
 */
export const assertPeriodsOpen = async (strapi: Core.Strapi, periods: unknown[]): Promise<void> => {
  if (currentArchiveProcedure()?.kind === 'correction') return;
  const ids = [...new Set(periods.map(relationId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  const closed = await sharedRead(readKey('closed-period', ids.sort()), () =>
    strapi.db.query('api::study-period.study-period').findOne({
      where: { id: { $in: ids }, state: 'closed' },
      populate: { academicYear: { select: ['title'] } },
    }),
  );
  if (closed) throw new PeriodClosedError(`${String(closed.title)} ${String(closed.academicYear?.title ?? '')}`.trim());
};

/** The study period of an attendance entry is its lesson's. */
export const lessonPeriodOf = async (strapi: Core.Strapi, lesson: unknown): Promise<unknown> => {
  const lessonId = relationId(lesson);
  if (!lessonId) return null;
  const stored = await strapi.db
    .query('api::lesson.lesson')
    .findOne({ where: { id: lessonId }, populate: { studyPeriod: { select: ['id'] } } });
  return stored?.studyPeriod ?? null;
};
