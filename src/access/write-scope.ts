import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { relationId, type RecordDraft, type StoredRecord } from '../school/records/draft';
import { readKey, sharedRead } from '../school/records/shared-reads';
import { currentActor } from './request-actor';

/**
 * Row-level rules for REST writes by teachers and class teachers (coarse permissions already let
 * them call the route): a teacher writes lessons, marks and attendance only in journals they teach;
 * a class teacher keeps only their own class's list, pupils and guardians. Whole-school roles,
 * admin-panel users and scripts are not narrowed here.
 */

const JOURNAL_ENTRIES = new Set<string>(['api::lesson.lesson', 'api::mark.mark', 'api::attendance.attendance']);
const CLASS_LISTS = new Set<string>(['api::student.student', 'api::enrollment.enrollment', 'api::guardian.guardian']);

const refused = (message: string) => new errors.PolicyError(message);

const assertTeachesJournals = async (strapi: Core.Strapi, userId: number, journalIds: number[]): Promise<void> => {
  for (const id of new Set(journalIds)) {
    const taught = await sharedRead(readKey('teaches', userId, id), () =>
      strapi.db.query('api::journal.journal').count({ where: { id, teachers: { id: userId } } }),
    );
    if (taught === 0) throw refused('Вы не ведёте этот журнал: записи в нём делают его учителя');
  }
};

const assertLeadsClasses = async (strapi: Core.Strapi, userId: number, classIds: number[]): Promise<void> => {
  for (const id of new Set(classIds)) {
    const led = await strapi.db.query('api::school-class.school-class').count({ where: { id, classTeacher: { id: userId } } });
    if (led === 0) throw refused('Вы не классный руководитель этого класса');
  }
};

/** How many of the pupils have ever been on the list of a class this user leads. */
const ownPupilsAmong = (strapi: Core.Strapi, userId: number, studentIds: number[]): Promise<number> =>
  studentIds.length === 0
    ? Promise.resolve(0)
    : strapi.db
        .query('api::student.student')
        .count({ where: { id: { $in: studentIds }, enrollments: { schoolClass: { classTeacher: { id: userId } } } } });

/** Pupils who have ever been on the list of a class this user leads. */
const assertPupilsOfOwnClass = async (strapi: Core.Strapi, userId: number, studentIds: number[]): Promise<void> => {
  for (const id of new Set(studentIds)) {
    const own = await strapi.db
      .query('api::student.student')
      .count({ where: { id, enrollments: { schoolClass: { classTeacher: { id: userId } } } } });
    if (own === 0) throw refused('Обучающийся не из вашего класса');
  }
};

const DIARY_ENTRY = 'api::diary-entry.diary-entry';
const PARENT_MEETING = 'api::parent-meeting.parent-meeting';
const RESULTS_REQUEST = 'api::results-request.results-request';
const SUPPORT_PLAN = 'api::support-plan.support-plan';
const LEARNING_TRAJECTORY = 'api::learning-trajectory.learning-trajectory';
const WORK_PROGRAMME = 'api::work-programme.work-programme';
const LESSON_PLAN = 'api::lesson-plan.lesson-plan';
const DAILY_REPORT = 'api::daily-report.daily-report';
const COMPETENCY_RESULT = 'api::competency-result.competency-result';
const ASSIGNMENT = 'api::assignment.assignment';
const PLATFORM_RESULT = 'api::platform-result.platform-result';
const ASSESSMENT_MATERIAL = 'api::assessment-material.assessment-material';
/** A pupil's portfolio and rewards: a class teacher keeps those of their own class's pupils. */
const PORTFOLIO_TYPES = new Set<string>(['api::portfolio-entry.portfolio-entry', 'api::reward.reward']);

/**
 * A teacher writes in the diary of the pupils of the journals they teach (the entry names that
 * journal); a class teacher also of the pupils on their class's list that day. Only the author
 * changes or deletes an entry.
 */
const assertDiaryEntryScope = async (
  strapi: Core.Strapi,
  userId: number,
  leads: boolean,
  stored: StoredRecord | null,
  after: { draft: RecordDraft; derived: Record<string, unknown> } | null,
): Promise<void> => {
  if (stored && relationId(stored.author) !== userId) throw refused('Изменить или удалить запись в дневнике может только её автор');
  if (!after) return;
  const journalId = relationId(after.derived.journal);
  if (journalId !== null) {
    const taught = await strapi.db.query('api::journal.journal').count({ where: { id: journalId, teachers: { id: userId } } });
    if (taught > 0) return;
  }
  const studentId = relationId(after.derived.student);
  const date = after.derived.date as string;
  if (leads && studentId !== null) {
    const own = await strapi.db.query('api::enrollment.enrollment').count({
      where: {
        student: { id: studentId },
        schoolClass: { classTeacher: { id: userId } },
        startDate: { $lte: date },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: date } }],
      },
    });
    if (own > 0) return;
  }
  throw refused(
    journalId !== null
      ? 'Вы не ведёте этот журнал: запись в дневник делает учитель предмета или классный руководитель'
      : 'Укажите свой журнал: учитель пишет в дневник обучающимся своих журналов, классный руководитель — своего класса',
  );
};

/**
 * Meta-subject and personal results (R77): recorded by the teachers of the pupil's class that year
 * (a journal of the class they teach) and by its class teacher; only the author changes or deletes one.
 */
const assertCompetencyResultScope = async (
  strapi: Core.Strapi,
  userId: number,
  stored: StoredRecord | null,
  after: { draft: RecordDraft; derived: Record<string, unknown> } | null,
): Promise<void> => {
  if (stored && relationId(stored.recordedBy) !== userId) throw refused('Изменить или удалить результат может только тот, кто его записал');
  if (!after) return;
  const student = await after.draft.related('student');
  const year = await after.draft.related('academicYear');
  if (!student || !year) return;
  const classes = (await strapi.db.query('api::school-class.school-class').findMany({
    where: { academicYear: { id: year.id }, enrollments: { student: { id: student.id } } },
    select: ['id'],
  })) as Array<{ id: number }>;
  const classIds = classes.map((schoolClass) => schoolClass.id);
  if (classIds.length > 0) {
    const led = await strapi.db
      .query('api::school-class.school-class')
      .count({ where: { id: { $in: classIds }, classTeacher: { id: userId } } });
    if (led > 0) return;
    const taught = await strapi.db
      .query('api::journal.journal')
      .count({ where: { schoolClass: { id: { $in: classIds } }, teachers: { id: userId } } });
    if (taught > 0) return;
  }
  throw refused('Результаты записывают учителя класса, в котором учится обучающийся, и его классный руководитель');
};

const RESULTS_MEETING = 'api::results-meeting.results-meeting';

/** The head of a methodical association keeps the meetings of the association they head, as before and after the write. */
const assertOwnAssociationMeeting = async (
  strapi: Core.Strapi,
  userId: number,
  stored: StoredRecord | null,
  after: { draft: RecordDraft; derived: Record<string, unknown> } | null,
): Promise<void> => {
  const associations = [relationId(stored?.association)];
  if (after) associations.push(relationId(after.derived.association));
  if (stored && relationId(stored.association) === null)
    throw refused('Руководитель МО ведёт только заседания своего методического объединения');
  if (after && after.derived.kind !== 'association-meeting') {
    throw refused('Руководитель МО ведёт только заседания своего методического объединения; педсовет и совещания ведёт администрация');
  }
  for (const id of associations) {
    if (id === null) continue;
    const heads = await strapi.db
      .query('api::methodical-association.methodical-association')
      .count({ where: { id, head: { id: userId } } });
    if (heads === 0) throw refused('Вы не руководитель этого методического объединения');
  }
};

/** The record as it would be after the write (`draft` with `derived`), and as it was (`stored`). */
export const assertWriteScope = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  stored: StoredRecord | null,
  after: { draft: RecordDraft; derived: Record<string, unknown> } | null,
): Promise<void> => {
  const actor = currentActor(strapi);
  if (actor.kind !== 'user' || actor.id === null) return;
  const { roleType } = actor;
  if (uid === RESULTS_MEETING && roleType === 'methodologist') {
    await assertOwnAssociationMeeting(strapi, actor.id, stored, after);
    return;
  }
  if (roleType !== 'teacher' && roleType !== 'class-teacher') return;

  if (uid === DIARY_ENTRY) {
    await assertDiaryEntryScope(strapi, actor.id, roleType === 'class-teacher', stored, after);
    return;
  }
  if (uid === COMPETENCY_RESULT) {
    await assertCompetencyResultScope(strapi, actor.id, stored, after);
    return;
  }
  if (uid === SUPPORT_PLAN || uid === LEARNING_TRAJECTORY) {
    // A class teacher plans individual work, and draws up trajectories, with the pupils of their own class.
    if (roleType !== 'class-teacher') {
      throw refused(
        uid === SUPPORT_PLAN
          ? 'Планы индивидуальной работы составляет классный руководитель или администрация школы'
          : 'Индивидуальную образовательную траекторию составляет классный руководитель или администрация школы',
      );
    }
    const pupils = [relationId(stored?.student), after ? ((await after.draft.related('student'))?.id ?? null) : null];
    await assertPupilsOfOwnClass(
      strapi,
      actor.id,
      pupils.filter((id): id is number => id !== null),
    );
    return;
  }
  if (uid === RESULTS_REQUEST) {
    // A class teacher registers the requests about the pupils of their own class.
    if (roleType !== 'class-teacher') throw refused('Обращения регистрирует классный руководитель, секретарь или администрация школы');
    const pupils = [relationId(stored?.student), after ? relationId(after.draft.existing?.student) : null];
    if (after) pupils.push((await after.draft.related('student'))?.id ?? null);
    await assertPupilsOfOwnClass(
      strapi,
      actor.id,
      pupils.filter((id): id is number => id !== null),
    );
    return;
  }
  if (uid === ASSIGNMENT || uid === PLATFORM_RESULT) {
    // A teacher sets assignments, and records results on external platforms (R83), in the journals they teach, as before and after the write.
    const journals = [relationId(stored?.journal), after ? relationId(after.derived.journal) : null];
    await assertTeachesJournals(
      strapi,
      actor.id,
      journals.filter((id): id is number => id !== null),
    );
    return;
  }
  if (uid === ASSESSMENT_MATERIAL) {
    // A teacher keeps their own drafts of КИМ (R98); an approved one is changed by the deputy director or director.
    if (stored && relationId(stored.author) !== actor.id)
      throw refused('КИМ изменяет или удаляет его автор, заместитель директора или директор');
    if (stored?.approved) {
      throw refused(
        'Утверждённый КИМ учитель не изменяет и не удаляет: создайте новую версию (previousVersion) или обратитесь к заместителю директора',
      );
    }
    return;
  }
  if (uid === DAILY_REPORT) {
    // A teacher sends and completes their own reports (the lessons are checked by the rules).
    if (stored && relationId(stored.teacher) !== actor.id) throw refused('Отчёт дополняет только его автор');
    return;
  }
  if (uid === LESSON_PLAN) {
    // A teacher writes their own plans, for the journals they teach.
    if (stored && relationId(stored.teacher) !== actor.id) throw refused('Конспект изменяет или удаляет только его автор');
    const journals = [relationId(stored?.journal), after ? relationId(after.derived.journal) : null];
    await assertTeachesJournals(
      strapi,
      actor.id,
      journals.filter((id): id is number => id !== null),
    );
    return;
  }
  if (uid === WORK_PROGRAMME) {
    // A teacher keeps the work programmes of the journals they teach (R12), as before and after the write.
    const journals = [relationId(stored?.journal), after ? ((await after.draft.related('journal'))?.id ?? null) : null];
    await assertTeachesJournals(
      strapi,
      actor.id,
      journals.filter((id): id is number => id !== null),
    );
    return;
  }
  if (uid === PARENT_MEETING) {
    // A class teacher records the meetings of the class they lead; a subject teacher none.
    if (roleType !== 'class-teacher') throw refused('Родительские собрания проводит классный руководитель или администрация школы');
    const classes = [relationId(stored?.schoolClass), after ? ((await after.draft.related('schoolClass'))?.id ?? null) : null];
    await assertLeadsClasses(
      strapi,
      actor.id,
      classes.filter((id): id is number => id !== null),
    );
    return;
  }
  if (PORTFOLIO_TYPES.has(uid)) {
    if (roleType !== 'class-teacher') throw refused('Портфолио и поощрения ведёт классный руководитель или администрация школы');
    const pupils = [relationId(stored?.student), after ? relationId(after.derived.student) : null];
    await assertPupilsOfOwnClass(
      strapi,
      actor.id,
      pupils.filter((id): id is number => id !== null),
    );
    return;
  }
  if (JOURNAL_ENTRIES.has(uid)) {
    const journals = [relationId(stored?.journal)];
    if (after) journals.push(relationId(after.derived.journal) ?? (await after.draft.related('journal'))?.id ?? null);
    if (uid === 'api::attendance.attendance' && stored && !relationId(stored.journal) && stored.lesson) {
      const lesson = await strapi.db
        .query('api::lesson.lesson')
        .findOne({ where: { id: relationId(stored.lesson) }, populate: { journal: { select: ['id'] } } });
      journals.push(relationId(lesson?.journal));
    }
    await assertTeachesJournals(
      strapi,
      actor.id,
      journals.filter((id): id is number => id !== null),
    );
    return;
  }
  if (!CLASS_LISTS.has(uid) || roleType !== 'class-teacher') return;

  if (uid === 'api::enrollment.enrollment') {
    const classes = [relationId(stored?.schoolClass), after ? ((await after.draft.related('schoolClass'))?.id ?? null) : null];
    await assertLeadsClasses(
      strapi,
      actor.id,
      classes.filter((id): id is number => id !== null),
    );
  } else if (uid === 'api::student.student') {
    if (stored) await assertPupilsOfOwnClass(strapi, actor.id, [stored.id]);
  } else {
    // A family belongs to the class teacher when one of its children is in their class (siblings in
    // other classes are common); children they add must be their own pupils.
    const before = ((stored?.children as StoredRecord[] | undefined) ?? []).map((child) => child.id);
    if (stored && (await ownPupilsAmong(strapi, actor.id, before)) === 0) throw refused('Эта семья не из вашего класса');
    if (after) {
      const afterChildren = (await after.draft.relatedMany('children')).map((child) => child.id);
      if ((await ownPupilsAmong(strapi, actor.id, afterChildren)) === 0) throw refused('Укажите ребёнка из вашего класса');
      await assertPupilsOfOwnClass(
        strapi,
        actor.id,
        afterChildren.filter((id) => !before.includes(id)),
      );
    }
  }
};
