import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { enqueueDistanceAfterCommit } from '../../notifications/queue';
import { readScopeOf, type Reader } from '../../access/record-scope';
import { actorFromState, type RequestState } from '../../access/request-actor';
import { todayInZone } from '../../school/calendar';
import { uploadLimitsOf } from '../../school/distance/uploads';
import { readUpload } from '../../school/private-uploads';
import { runSubmissionCheck } from '../../school/records/assignment-rules';
import { compareSelfAssessment, summariseSelfAssessment } from '../../school/rules/self-assessment';
import { uploadRefusal } from '../../school/rules/upload-limits';
import { getSchoolSettings } from '../../school/settings';

/**
 * Assignments and pupils' work (seed 004 §2.2): the teacher's list of who has and has not handed in
 * work, the teacher's check (the mark goes into the journal as a current mark of the assignment's
 * lesson, through the mark rules — the journal is the only store of marks), and the diary's side:
 * a pupil's assignments with due days and statuses, and handing in work with files. A pupil's files
 * are private (`src/school/private-uploads.ts`): their public link answers 404, and they are read
 * only through the routes here, by those who may read the work.
 */

const ASSIGNMENT = 'api::assignment.assignment';
const SUBMISSION = 'api::assignment-submission.assignment-submission';
const CHECK_COMMENT_MAX = 2000;

type Row = { id: number; documentId: string; [field: string]: unknown };

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const callerOf = (ctx: Context) => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind !== 'user' || actor.id === null) throw new errors.UnauthorizedError('Войдите под своей учётной записью');
  return { id: actor.id, roleType: actor.roleType ?? '' };
};

const TEACHERS = new Set(['teacher', 'class-teacher']);

/** The assignment with its journal and lesson, if the caller may see it (a teacher: their own journals); else 404. */
const visibleAssignment = async (strapi: Core.Strapi, ctx: Context, documentId: string): Promise<Row> => {
  const caller = callerOf(ctx);
  const assignment = (await strapi.db.query(ASSIGNMENT).findOne({
    where: { documentId },
    populate: {
      journal: {
        select: ['id', 'title'],
        populate: { teachers: { select: ['id'] }, pupils: { select: ['id'] }, schoolClass: { select: ['id'] } },
      },
      lesson: { select: ['id', 'date', 'number', 'topic'] },
    },
  })) as Row | null;
  if (!assignment) throw new errors.NotFoundError('Задание не найдено');
  const teachers = ((assignment.journal as Row | null)?.teachers as Array<{ id: number }> | undefined) ?? [];
  if (TEACHERS.has(caller.roleType) && !teachers.some((teacher) => teacher.id === caller.id))
    throw new errors.NotFoundError('Задание не найдено');
  return assignment;
};

/** The pupils on the journal's list on a day: its named pupils, or its class's list that day. */
export const pupilsOfJournalOn = async (strapi: Core.Strapi, journal: Row, date: string): Promise<Row[]> => {
  const named = ((journal.pupils as Row[] | undefined) ?? []).map((pupil) => pupil.id);
  const schoolClass = journal.schoolClass as Row | null;
  const where: Record<string, unknown> = named.length > 0 ? { id: { $in: named } } : {};
  if (schoolClass) {
    where.enrollments = {
      $and: [
        { schoolClass: { id: schoolClass.id } },
        { startDate: { $lte: date } },
        { $or: [{ endDate: { $null: true } }, { endDate: { $gte: date } }] },
      ],
    };
  } else if (named.length === 0) return [];
  return (await strapi.db.query('api::student.student').findMany({
    where,
    select: ['id', 'documentId', 'fullName'],
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  })) as Row[];
};

/** Where a file of the work is read: the staff's scoped route, or the family's diary route. */
type FileLink = (submission: Row, file: Row) => string;
const staffFileLink: FileLink = (submission, file) => `/api/assignment-submissions/${submission.documentId}/files/${file.id}`;
const familyFileLink =
  (pupil: Row): FileLink =>
  (submission, file) =>
    `/api/diary/${pupil.documentId}/submissions/${submission.documentId}/files/${file.id}`;
const FILE_FIELDS = { select: ['id', 'name', 'mime'] };
/** Where the family reads a material of an assignment (a private upload: its public link answers 404). */
export const familyMaterialLink = (pupil: Row, assignment: { documentId: unknown }, file: { id: unknown }): string =>
  `/api/diary/${String(pupil.documentId)}/assignments/${String(assignment.documentId)}/materials/${String(file.id)}`;
/** Where the journal's teachers, the deputy and the director read it. */
export const staffMaterialLink = (assignment: { documentId: unknown }, file: { id: unknown }): string =>
  `/api/assignments/${String(assignment.documentId)}/materials/${String(file.id)}`;

const submissionView = (submission: Row | undefined, link: FileLink) =>
  submission
    ? {
        documentId: submission.documentId,
        attempt: submission.attempt,
        status: submission.state,
        submittedAt: submission.submittedAt,
        late: submission.late,
        checkComment: submission.checkComment ?? null,
        mark: (submission.mark as Row | null)?.value ?? null,
        selfAssessment: submission.selfAssessment ?? null,
        selfAssessmentNote: submission.selfAssessmentNote ?? null,
        /** The self-assessment beside the teacher's mark, once checked (R78). */
        selfAssessmentComparison: compareSelfAssessment(
          (submission.selfAssessment as string | null) ?? null,
          ((submission.mark as Row | null)?.value as string | undefined) ?? null,
        ),
        files: ((submission.files as Row[] | undefined) ?? []).map((file) => ({
          name: file.name,
          mime: file.mime,
          url: link(submission, file),
        })),
        text: submission.text ?? null,
      }
    : null;

/** GET /api/assignments/:id/submissions: every pupil of the journal with the state of their work; those who have not handed it in listed apart. */
export const submissionsOfAssignment = async (strapi: Core.Strapi, ctx: Context) => {
  const assignment = await visibleAssignment(strapi, ctx, String(ctx.params.id));
  const lesson = assignment.lesson as Row;
  const pupils = await pupilsOfJournalOn(strapi, assignment.journal as Row, String(lesson.date));
  const submissions = (await strapi.db.query(SUBMISSION).findMany({
    where: { assignment: { id: assignment.id } },
    orderBy: [{ attempt: 'desc' }],
    populate: { student: { select: ['id'] }, mark: { select: ['value'] }, files: FILE_FIELDS },
  })) as Row[];
  const latest = (studentId: number) => submissions.find((submission) => (submission.student as Row | null)?.id === studentId);
  const overdue = todayInZone(getSchoolSettings(strapi).timeZone) > String(assignment.dueOn);
  const rows = pupils.map((pupil) => {
    const work = latest(pupil.id);
    return {
      student: { documentId: pupil.documentId, fullName: pupil.fullName },
      status: work ? String(work.state) : overdue ? 'overdue' : 'not-submitted',
      submission: submissionView(work, staffFileLink),
    };
  });
  return {
    data: {
      assignment: { documentId: assignment.documentId, title: assignment.title, dueOn: assignment.dueOn, lessonDate: lesson.date },
      pupils: rows,
      notSubmitted: rows.filter((row) => !row.submission).map((row) => row.student),
    },
  };
};

/**
 * POST /api/assignment-submissions/:id/check `{ data: { decision: "check", mark, comment } | { decision: "return", comment } }`:
 * the journal's teacher marks the work — the mark is created as a current mark of the assignment's
 * lesson through the mark rules, in one transaction with the check — or returns it with a comment.
 */
export const checkSubmission = async (strapi: Core.Strapi, ctx: Context) => {
  const caller = callerOf(ctx);
  const body = (ctx.request as { body?: unknown }).body;
  const data = body && typeof body === 'object' && !Array.isArray(body) ? (body as { data?: unknown }).data : undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw invalid(
      'data',
      'Тело запроса: { "data": { "decision": "check", "mark": "5", "comment": "…" } } или { "decision": "return", "comment": "…" }',
    );
  }
  const { decision, mark, comment, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw invalid(extra[0], `Неизвестные параметры: ${extra.join(', ')}; допустимы decision, mark и comment`);
  if (decision !== 'check' && decision !== 'return')
    throw invalid('decision', 'Решение: check (проверено, с отметкой) или return (вернуть на доработку)');
  if (comment !== undefined && comment !== null && typeof comment !== 'string') throw invalid('comment', 'Замечание — текст');
  const text = typeof comment === 'string' ? comment.trim() || null : null;
  if (text && text.length > CHECK_COMMENT_MAX) throw invalid('comment', `Замечание не длиннее ${CHECK_COMMENT_MAX} символов`);
  if (decision === 'return' && !text) throw invalid('comment', 'Возвращая работу, напишите, что исправить');
  if (decision === 'check' && typeof mark !== 'string' && typeof mark !== 'number') throw invalid('mark', 'Укажите отметку за работу');
  if (decision === 'return' && mark !== undefined && mark !== null) throw invalid('mark', 'Возвращённая работа не оценивается');

  const submission = (await strapi.db.query(SUBMISSION).findOne({
    where: { documentId: String(ctx.params.id) },
    populate: { assignment: { select: ['documentId'] }, student: { select: ['id'] } },
  })) as Row | null;
  if (!submission || !submission.assignment) throw new errors.NotFoundError('Работа не найдена');
  const assignment = await visibleAssignment(strapi, ctx, String((submission.assignment as Row).documentId));
  if (!TEACHERS.has(caller.roleType)) throw new errors.ForbiddenError('Работы проверяет учитель журнала');
  if (submission.state !== 'submitted') throw invalid('state', 'Работа уже проверена или возвращена');

  await strapi.db.transaction(async () => {
    let markId: number | null = null;
    if (decision === 'check') {
      try {
        const created = (await strapi.documents('api::mark.mark').create({
          data: {
            kind: 'current',
            journal: (assignment.journal as Row).id,
            lesson: (assignment.lesson as Row).id,
            student: (submission.student as Row).id,
            value: String(mark),
            workType: assignment.workType,
            comment: text,
          },
        } as never)) as unknown as { id: number };
        markId = created.id;
      } catch (error) {
        // The mark rules name `value`; the caller sent it as `mark`.
        if (error instanceof errors.ValidationError) {
          const details = (error.details as { errors?: Array<{ path: string[]; message: string }> }).errors ?? [];
          const issues = details.map((issue) => ({ ...issue, path: issue.path[0] === 'value' ? ['mark'] : issue.path }));
          throw new errors.ValidationError(error.message, { errors: issues });
        }
        throw error;
      }
    }
    await runSubmissionCheck({ status: decision === 'check' ? 'checked' : 'returned', accountId: caller.id, comment: text, markId }, () =>
      strapi.documents(SUBMISSION).update({ documentId: submission.documentId, data: {} } as never),
    );
  });
  await enqueueDistanceAfterCommit(strapi, {
    kind: 'submission',
    submissionId: submission.id,
    event: decision === 'check' ? 'checked' : 'returned',
  });
  const checked = (await strapi.db.query(SUBMISSION).findOne({
    where: { id: submission.id },
    populate: { mark: { select: ['value'] }, files: FILE_FIELDS },
  })) as Row;
  return { data: submissionView(checked, staffFileLink) };
};

/** The diary's list: the pupil's assignments in their journals, with due days, their own work's status and the lesson's materials. */
export const pupilAssignments = async (strapi: Core.Strapi, pupil: Row) => {
  const assignments = (await strapi.db.query(ASSIGNMENT).findMany({
    orderBy: [{ dueOn: 'desc' }, { id: 'desc' }],
    populate: {
      journal: {
        select: ['id'],
        populate: { subject: { select: ['name'] }, pupils: { select: ['id'] }, schoolClass: { select: ['id'] } },
      },
      lesson: { select: ['id', 'date', 'number', 'topic', 'homework'], populate: { materials: { select: ['name', 'mime', 'url'] } } },
      materials: { select: ['id', 'name', 'mime', 'url'] },
    },
  })) as Row[];
  const mine: Row[] = [];
  for (const assignment of assignments) {
    const lesson = assignment.lesson as Row | null;
    if (!lesson || !assignment.journal) continue;
    const pupils = await pupilsOfJournalOn(strapi, assignment.journal as Row, String(lesson.date));
    if (pupils.some((each) => each.id === pupil.id)) mine.push(assignment);
  }
  const submissions = (await strapi.db.query(SUBMISSION).findMany({
    where: { student: { id: pupil.id }, assignment: { id: { $in: mine.length > 0 ? mine.map((each) => each.id) : [0] } } },
    orderBy: [{ attempt: 'desc' }],
    populate: { assignment: { select: ['id'] }, mark: { select: ['value'] }, files: FILE_FIELDS },
  })) as Row[];
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const file = (each: Row) => ({ name: each.name, mime: each.mime, url: each.url });
  const material = (assignment: Row) => (each: Row) => ({
    name: each.name,
    mime: each.mime,
    url: familyMaterialLink(pupil, assignment, each),
  });
  return mine.map((assignment) => {
    const lesson = assignment.lesson as Row;
    const work = submissions.find((submission) => (submission.assignment as Row | null)?.id === assignment.id);
    return {
      documentId: assignment.documentId,
      subject: (((assignment.journal as Row).subject as Row | null)?.name as string | undefined) ?? '',
      title: assignment.title,
      description: assignment.description ?? null,
      sources: assignment.sources ?? null,
      dueOn: assignment.dueOn,
      status: work ? String(work.state) : today > String(assignment.dueOn) ? 'overdue' : 'not-submitted',
      materials: ((assignment.materials as Row[] | undefined) ?? []).map(material(assignment)),
      lesson: {
        date: lesson.date,
        number: lesson.number,
        topic: lesson.topic ?? null,
        homework: lesson.homework ?? null,
        materials: ((lesson.materials as Row[] | undefined) ?? []).map(file),
      },
      submission: submissionView(work, familyFileLink(pupil)),
    };
  });
};

/** How the pupil's self-assessments compare with the teacher's marks over the works listed (R78). */
export const selfAssessmentOfWorks = (works: Array<{ submission: ReturnType<typeof submissionView> }>) =>
  summariseSelfAssessment(
    works.map((work) => ({
      self: (work.submission?.selfAssessment as string | null | undefined) ?? null,
      teacher: (work.submission?.mark as string | null | undefined) ?? null,
    })),
  );

interface MultipartFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

/**
 * The diary's hand-in: `{ data: { text } }` as JSON, or multipart with `data` (JSON text) and
 * `files`. Each file is checked against the configured limits before anything is stored (a refused
 * file: 400 naming it and why); then the files are stored and the work recorded through the record
 * rules; if the record is refused, the stored files are removed again. Once recorded, it stays.
 */
export const submitWork = async (strapi: Core.Strapi, ctx: Context, pupil: Row, readerRole: string) => {
  const assignmentId = String(ctx.params.assignment);
  const assignment = (await strapi.db.query(ASSIGNMENT).findOne({ where: { documentId: assignmentId }, select: ['id'] })) as Row | null;
  const visible = (await pupilAssignments(strapi, pupil)).some((each) => each.documentId === assignmentId);
  if (!assignment || !visible) throw new errors.NotFoundError('Задание не найдено');
  const body = (ctx.request as { body?: Record<string, unknown> }).body ?? {};
  let data: unknown = body.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw invalid('data', 'Поле data — JSON: { "text": "…" }');
    }
  }
  if (data === undefined) data = {};
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw invalid('data', 'Тело запроса: { "data": { "text": "ответ" } } и файлы files');
  const { text, selfAssessment, selfAssessmentNote, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    throw invalid(
      extra[0],
      `Неизвестные параметры: ${extra.join(', ')}; допустимы text, selfAssessment, selfAssessmentNote (и файлы files)`,
    );
  }
  const received = (ctx.request as { files?: Record<string, MultipartFile | MultipartFile[]> }).files?.files;
  const files = received === undefined ? [] : Array.isArray(received) ? received : [received];
  const limits = uploadLimitsOf(strapi);
  const refusals = files
    .map((file, index) => ({
      index,
      message: uploadRefusal({ name: file.originalFilename ?? 'файл', mime: file.mimetype ?? '', size: file.size }, limits),
    }))
    .filter((refusal): refusal is { index: number; message: string } => refusal.message !== null);
  if (refusals.length > 0) {
    throw new errors.ValidationError(refusals.map((refusal) => refusal.message).join('; '), {
      errors: refusals.map((refusal) => ({ path: ['files', String(refusal.index)], message: refusal.message, name: 'ValidationError' })),
    });
  }
  const upload = strapi.plugin('upload').service('upload');
  const stored = (files.length > 0 ? await upload.upload({ data: {}, files }) : []) as Array<{ id: number }>;
  try {
    const created = (await strapi.documents(SUBMISSION).create({
      data: {
        assignment: assignment.id,
        student: pupil.id,
        text,
        selfAssessment,
        selfAssessmentNote,
        files: stored.map((file) => file.id),
      },
    } as never)) as unknown as Row;
    const saved = (await strapi.db.query(SUBMISSION).findOne({
      where: { id: created.id },
      populate: { mark: { select: ['value'] }, files: FILE_FIELDS },
    })) as Row;
    return { data: { ...submissionView(saved, familyFileLink(pupil)), handedInBy: readerRole === 'parent' ? 'parent' : 'pupil' } };
  } catch (error) {
    for (const file of stored) await upload.remove(file);
    throw error;
  }
};

/** The bytes of a file attached to the work `submission` (a file of other work, or none: 404). */
const fileOfWork = async (strapi: Core.Strapi, submission: Row | null, fileParam: string) => {
  const id = Number(fileParam);
  const files = (submission?.files as Row[] | undefined) ?? [];
  if (!Number.isInteger(id) || !files.some((file) => file.id === id)) throw new errors.NotFoundError('Файл работы не найден');
  return readUpload(strapi, id);
};

/**
 * GET /api/assignment-submissions/:id/files/:file: a file of a pupil's work, for whoever may read the
 * work (the journal's teachers, the deputy, the director — the read scope of the type); another
 * teacher's pupil's work is 404.
 */
export const staffSubmissionFile = async (strapi: Core.Strapi, ctx: Context) => {
  const actor = actorFromState(ctx.state as RequestState);
  const reader: Reader = {
    kind: actor.kind === 'system' ? 'none' : actor.kind,
    id: actor.id,
    roleType: actor.roleType,
    tokenType: actor.tokenType,
  };
  const scope = await readScopeOf(strapi, reader, SUBMISSION);
  if (scope.kind === 'deny') throw new errors.PolicyError('Работы обучающихся вам недоступны');
  const filter = scope.kind === 'rows' ? scope.filter : {};
  const submission = (await strapi.db.query(SUBMISSION).findOne({
    where: { $and: [{ documentId: String(ctx.params.id) }, filter] },
    populate: { files: { select: ['id'] } },
  })) as Row | null;
  return fileOfWork(strapi, submission, String(ctx.params.file));
};

/** GET /api/diary/:student/submissions/:submission/files/:file: a file of the pupil's own work, for the pupil or their parent. */
export const pupilSubmissionFile = async (strapi: Core.Strapi, ctx: Context, pupil: Row) => {
  const submission = (await strapi.db.query(SUBMISSION).findOne({
    where: { documentId: String(ctx.params.submission), student: { id: pupil.id } },
    populate: { files: { select: ['id'] } },
  })) as Row | null;
  return fileOfWork(strapi, submission, String(ctx.params.file));
};

/** The bytes of a material of `assignment` (a file of another record, or none: 404). */
const materialOf = async (strapi: Core.Strapi, assignmentId: number, fileParam: string) => {
  const id = Number(fileParam);
  const found = (await strapi.db.query(ASSIGNMENT).findOne({
    where: { id: assignmentId },
    select: ['id'],
    populate: { materials: { select: ['id'] } },
  })) as Row | null;
  const files = (found?.materials as Row[] | undefined) ?? [];
  if (!Number.isInteger(id) || !files.some((file) => file.id === id)) throw new errors.NotFoundError('Материал задания не найден');
  return readUpload(strapi, id);
};

/**
 * GET /api/assignments/:id/materials/:file: a material the teacher attached to an assignment, for the
 * journal's teachers, the deputy and the director (another teacher's assignment: 404).
 */
export const staffAssignmentMaterial = async (strapi: Core.Strapi, ctx: Context) => {
  const assignment = await visibleAssignment(strapi, ctx, String(ctx.params.id));
  return materialOf(strapi, assignment.id, String(ctx.params.file));
};

/** GET /api/diary/:student/assignments/:assignment/materials/:file: a material of an assignment of the pupil's journals, for the pupil or their parent. */
export const pupilAssignmentMaterial = async (strapi: Core.Strapi, ctx: Context, pupil: Row) => {
  const documentId = String(ctx.params.assignment);
  const visible = (await pupilAssignments(strapi, pupil)).some((each) => each.documentId === documentId);
  const assignment = (await strapi.db.query(ASSIGNMENT).findOne({ where: { documentId }, select: ['id'] })) as Row | null;
  if (!assignment || !visible) throw new errors.NotFoundError('Задание не найдено');
  return materialOf(strapi, assignment.id, String(ctx.params.file));
};
