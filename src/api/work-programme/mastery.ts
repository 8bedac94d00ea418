import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readScopeOf, type Reader } from '../../access/record-scope';
import { pupilsOfJournalOn } from '../assignment/distance';
import { parseLocalDate, todayInZone } from '../../school/calendar';
import { pointsScaleOf } from '../../school/rules/assessment-material';
import { POINTS_LEVEL_LABELS } from '../../school/rules/control-work';
import { programmeMastery, type MasteryPupil } from '../../school/rules/programme-mastery';
import { getSchoolSettings } from '../../school/settings';
import { numberOrNull } from '../../school/stored-values';
import { planOf, WORK_PROGRAMME } from './completion';

/**
 * The mastery of a work programme's planned results, topic by topic (R91): the programme's plan
 * with the planned results of each topic, the journal's control works that check each topic, and the
 * level (ниже базового / базовый / повышенный) each pupil reached on it by their points
 * (`programmeMastery`, `src/school/rules/programme-mastery.ts`). Read by whoever may read the
 * programme (its journal's teachers, the class teacher, the deputy director, the director).
 */

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

export const programmeMasteryReport = async (strapi: Core.Strapi, reader: Reader, documentId: string) => {
  const scope = await readScopeOf(strapi, reader, WORK_PROGRAMME);
  if (scope.kind === 'deny') throw new errors.ForbiddenError('Рабочие программы вам недоступны');
  const programme = (await strapi.db.query(WORK_PROGRAMME).findOne({
    where: { $and: [{ documentId }, scope.kind === 'rows' ? scope.filter : {}] },
    populate: {
      plan: true,
      journal: {
        select: ['id', 'documentId', 'title'],
        populate: {
          schoolClass: { select: ['id', 'name'] },
          subject: { select: ['name'] },
          academicYear: { select: ['endDate'] },
          pupils: { select: ['id'] },
        },
      },
    },
  })) as (Row & { journal: Row | null }) | null;
  if (!programme) throw new errors.NotFoundError('Рабочая программа не найдена');
  const journal = programme.journal;
  const plan = planOf(programme);

  const lessons = journal
    ? ((await strapi.db.query('api::lesson.lesson').findMany({
        where: { journal: { id: journal.id }, workType: 'control-work' },
        select: ['id', 'documentId', 'date', 'topic', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'],
        orderBy: [{ date: 'asc' }, { number: 'asc' }],
        populate: { assessmentMaterial: { select: ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] } },
      })) as Array<Row & { assessmentMaterial?: Row | null }>)
    : [];
  const marks = lessons.length
    ? ((await strapi.db.query('api::mark.mark').findMany({
        where: { lesson: { id: { $in: lessons.map((lesson) => lesson.id) } }, kind: 'current' },
        select: ['id', 'points'],
        orderBy: { id: 'asc' },
        populate: { lesson: { select: ['id'] }, student: { select: ['id', 'documentId', 'fullName'] } },
      })) as Array<Row & { lesson: Row | null; student: Row | null }>)
    : [];

  // The pupils on the journal's list today (or on the last day of a past year), and any who wrote a work and left since.
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const yearEnd = parseLocalDate((journal?.academicYear as Row | null)?.endDate);
  const onList = journal ? await pupilsOfJournalOn(strapi, journal, yearEnd && yearEnd < today ? yearEnd : today) : [];
  const pupils = new Map<string, MasteryPupil>();
  for (const pupil of onList) pupils.set(pupil.documentId, { student: pupil.documentId, fullName: String(pupil.fullName ?? '') });
  for (const mark of marks) {
    if (mark.student && !pupils.has(mark.student.documentId)) {
      pupils.set(mark.student.documentId, { student: mark.student.documentId, fullName: String(mark.student.fullName ?? '') });
    }
  }

  // A pupil's latest mark on each work counts (marks come in id order, so a later one replaces an earlier).
  const resultsOf = new Map<number, Map<string, number | null>>();
  for (const mark of marks) {
    if (!mark.lesson || !mark.student) continue;
    const results = resultsOf.get(mark.lesson.id) ?? new Map<string, number | null>();
    results.set(mark.student.documentId, numberOrNull(mark.points));
    resultsOf.set(mark.lesson.id, results);
  }
  // The work's own scale, or its КИМ's when the work leaves it empty.
  const scaleOf = new Map(lessons.map((lesson) => [lesson.documentId, pointsScaleOf(lesson, lesson.assessmentMaterial)]));
  const mastery = programmeMastery({
    plan,
    pupils: [...pupils.values()],
    controlWorks: lessons.map((lesson) => ({
      lesson: lesson.documentId,
      date: String(lesson.date),
      topic: (lesson.topic as string | null) ?? null,
      thresholds: scaleOf.get(lesson.documentId)?.thresholds ?? null,
      results: [...(resultsOf.get(lesson.id) ?? new Map<string, number | null>()).entries()].map(([student, points]) => ({
        student,
        points,
      })),
    })),
  });
  return {
    programme: { documentId: programme.documentId, title: String(programme.title ?? '') },
    journal: journal
      ? {
          documentId: journal.documentId,
          title: String(journal.title ?? ''),
          schoolClass: ((journal.schoolClass as Row | null)?.name as string | undefined) ?? null,
          subject: ((journal.subject as Row | null)?.name as string | undefined) ?? null,
        }
      : null,
    levelLabels: POINTS_LEVEL_LABELS,
    topics: mastery.topics.map((topic) => ({
      ...topic,
      controlWorks: topic.controlWorks.map((work) => ({ ...work, maxPoints: scaleOf.get(work.lesson)?.maxPoints ?? null })),
      pupils: topic.pupils.map((pupil) => ({ ...pupil, levelLabel: POINTS_LEVEL_LABELS[pupil.level] })),
    })),
    unmatchedControlWorks: mastery.unmatchedControlWorks,
  };
};
