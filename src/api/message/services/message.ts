import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayInZone } from '../../../school/calendar';
import { readTextInput } from '../../../school/records/text-input';
import { getSchoolSettings } from '../../../school/settings';
import { MESSAGE_MAX_LENGTH, MESSAGE_UID, SUBJECT_MAX_LENGTH, THREAD_KINDS, THREAD_UID, type ThreadKind } from '../../../messaging/rules';
import { staffNameOf } from '../../../access/staff-name';

/** The REST account writing or reading: its id and users-permissions role type. */
export interface Sender {
  id: number;
  roleType: string;
}

type Row = { id: number; documentId: string; [field: string]: unknown };
type Issue = { path: string[]; message: string; name: 'ValidationError' };

const STAFF = new Set(['teacher', 'class-teacher']);
const START_FIELDS = ['kind', 'subject', 'text', 'student', 'schoolClass', 'teacher'];

const invalid = (issues: Issue[]) => new errors.ValidationError(issues.map((issue) => issue.message).join('; '), { errors: issues });
const issue = (path: string, message: string): Issue => ({ path: [path], message, name: 'ValidationError' });
const notFound = () => new errors.NotFoundError('Переписка не найдена');
const refused = (message: string) => new errors.ForbiddenError(message);

const PARTICIPANT_SELECT = { select: ['id', 'documentId', 'fullName', 'username'] };

const threadView = (thread: Row) => ({
  documentId: thread.documentId,
  kind: thread.kind,
  subject: thread.subject,
  lastMessageAt: thread.lastMessageAt ?? null,
  student: thread.student ? { documentId: (thread.student as Row).documentId, fullName: (thread.student as Row).fullName } : null,
  schoolClass: thread.schoolClass ? { documentId: (thread.schoolClass as Row).documentId, name: (thread.schoolClass as Row).name } : null,
  participants: ((thread.participants as Row[]) ?? []).map((user) => ({ id: user.id, username: user.username, name: staffNameOf(user) })),
});

const messageView = (message: Row) => ({
  documentId: message.documentId,
  text: message.text,
  sentAt: message.sentAt,
  author: message.author
    ? { id: (message.author as Row).id, username: (message.author as Row).username, name: staffNameOf(message.author as Row) }
    : null,
});

const createMessagingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const one = (uid: string, params: Record<string, unknown>) => strapi.db.query(uid as never).findOne(params) as Promise<Row | null>;
  const many = (uid: string, params: Record<string, unknown>) => strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

  /** Whether the teacher teaches the pupil: a journal of a class the pupil is (was) on the list of, or naming the pupil; or leads that class. */
  const teaches = async (teacherId: number, studentId: number): Promise<boolean> => {
    const enrollments = await many('api::enrollment.enrollment', {
      where: { student: { id: studentId } },
      populate: { schoolClass: { select: ['id'] } },
    });
    const classIds = [
      ...new Set(enrollments.map((item) => (item.schoolClass as Row | null)?.id).filter((id): id is number => typeof id === 'number')),
    ];
    const reach: Record<string, unknown>[] = [{ pupils: { id: studentId } }];
    if (classIds.length > 0) reach.push({ schoolClass: { id: { $in: classIds } } });
    const journals = await strapi.db.query('api::journal.journal').count({ where: { teachers: { id: teacherId }, $or: reach } });
    if (journals > 0) return true;
    if (classIds.length === 0) return false;
    return (
      (await strapi.db
        .query('api::school-class.school-class')
        .count({ where: { id: { $in: classIds }, classTeacher: { id: teacherId } } })) > 0
    );
  };

  /** Accounts of the pupil's parents (legal representatives) who have a diary login. */
  const parentAccountsOf = async (studentIds: number[]): Promise<Row[]> => {
    if (studentIds.length === 0) return [];
    const guardians = await many('api::guardian.guardian', {
      where: { children: { id: { $in: studentIds } }, user: { id: { $notNull: true } } },
      populate: { user: PARTICIPANT_SELECT },
    });
    return guardians.map((guardian) => guardian.user as Row | null).filter((user): user is Row => Boolean(user));
  };

  /** The pupils on the class's list today (or on the last day of its year, once the year is over). */
  const pupilsOfClass = async (schoolClass: Row): Promise<number[]> => {
    const today = todayInZone(getSchoolSettings(strapi).timeZone);
    const yearEnd = ((schoolClass.academicYear as Row | null)?.endDate as string | undefined) ?? today;
    const onDate = yearEnd < today ? yearEnd : today;
    const enrollments = await many('api::enrollment.enrollment', {
      where: {
        schoolClass: { id: schoolClass.id },
        startDate: { $lte: onDate },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: onDate } }],
      },
      populate: { student: { select: ['id'] } },
    });
    return [...new Set(enrollments.map((item) => (item.student as Row | null)?.id).filter((id): id is number => typeof id === 'number'))];
  };

  const loadThread = (where: Record<string, unknown>) =>
    one(THREAD_UID, {
      where,
      populate: {
        participants: PARTICIPANT_SELECT,
        student: { select: ['id', 'documentId', 'fullName'] },
        schoolClass: { select: ['id', 'documentId', 'name'] },
      },
    });

  /** A thread the sender takes part in; 404 otherwise (even its existence is private). */
  const requireOwnThread = async (sender: Sender, documentId: string): Promise<Row> => {
    const thread = await loadThread({ documentId, participants: { id: sender.id } });
    if (!thread) throw notFound();
    return thread;
  };

  /** A text field of the body: trimmed, required, at most `max` characters. */
  const readText = (data: Record<string, unknown>, field: string, max: number, missing: string, issues: Issue[]): string | null => {
    const input = readTextInput(data[field]);
    if (!input.ok) issues.push(issue(field, 'Ожидается текст (строка), а не число, список или объект'));
    else if (!input.text) issues.push(issue(field, missing));
    else if (input.text.length > max) issues.push(issue(field, `Текст длиннее ${max} символов`));
    else return input.text;
    return null;
  };

  const readRef = (data: Record<string, unknown>, field: string, issues: Issue[]): string | null => {
    const value = data[field];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      issues.push(issue(field, 'Задаётся documentId записи (строкой)'));
      return null;
    }
    return value;
  };

  return {
    async threads(sender: Sender) {
      const threads = await many(THREAD_UID, {
        where: { participants: { id: sender.id } },
        populate: {
          participants: PARTICIPANT_SELECT,
          student: { select: ['id', 'documentId', 'fullName'] },
          schoolClass: { select: ['id', 'documentId', 'name'] },
        },
        orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      });
      return threads.map(threadView);
    },

    async thread(sender: Sender, documentId: string) {
      const thread = await requireOwnThread(sender, documentId);
      const messages = await many(MESSAGE_UID, {
        where: { thread: { id: thread.id } },
        populate: { author: PARTICIPANT_SELECT },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      });
      return { ...threadView(thread), messages: messages.map(messageView) };
    },

    /**
     * Opens a thread with its first message. A teacher writes to pupils and parents of the classes
     * they teach; a class teacher announces to their class's parents; a parent or pupil writes to a
     * teacher of their (own) child.
     */
    async startThread(sender: Sender, data: Record<string, unknown>) {
      const issues: Issue[] = [];
      for (const key of Object.keys(data)) {
        if (!START_FIELDS.includes(key)) issues.push(issue(key, `Неизвестное поле ${key}; допустимы: ${START_FIELDS.join(', ')}`));
      }
      const kind = data.kind as ThreadKind;
      if (!(THREAD_KINDS as readonly unknown[]).includes(kind)) {
        issues.push(issue('kind', 'Вид переписки: teacher-pupil, teacher-parent или class-announcement'));
      }
      const subject = readText(data, 'subject', SUBJECT_MAX_LENGTH, 'Укажите тему', issues);
      const text = readText(data, 'text', MESSAGE_MAX_LENGTH, 'Напишите текст сообщения', issues);
      const studentRef = readRef(data, 'student', issues);
      const classRef = readRef(data, 'schoolClass', issues);
      const teacherRef = readRef(data, 'teacher', issues);
      const staff = STAFF.has(sender.roleType);
      if (kind === 'class-announcement') {
        if (!classRef) issues.push(issue('schoolClass', 'Объявление адресуется классу: укажите класс'));
        if (studentRef) issues.push(issue('student', 'Объявление классу не называет обучающегося'));
      } else if (!studentRef && sender.roleType !== 'pupil' && !issues.some((item) => item.path[0] === 'student')) {
        issues.push(issue('student', 'Укажите обучающегося'));
      }
      if (!staff && !teacherRef && kind !== 'class-announcement') issues.push(issue('teacher', 'Укажите учителя'));
      if (issues.length > 0) throw invalid(issues);

      const me = (await one('plugin::users-permissions.user', {
        where: { id: sender.id },
        select: ['id', 'documentId', 'fullName', 'username'],
      })) as Row;
      let participants: Row[] = [me];
      let student: Row | null = null;
      let schoolClass: Row | null = null;

      if (kind === 'class-announcement') {
        if (!staff) throw refused('Объявления родителям класса пишет классный руководитель');
        schoolClass = await one('api::school-class.school-class', {
          where: { documentId: classRef },
          populate: { classTeacher: { select: ['id'] }, academicYear: { select: ['id', 'endDate'] } },
        });
        if (!schoolClass) throw invalid([issue('schoolClass', 'Класс не найден')]);
        if ((schoolClass.classTeacher as Row | null)?.id !== sender.id)
          throw refused('Объявление родителям класса пишет его классный руководитель');
        const parents = await parentAccountsOf(await pupilsOfClass(schoolClass));
        if (parents.length === 0) throw invalid([issue('schoolClass', 'У родителей обучающихся класса нет учётных записей в дневнике')]);
        participants.push(...parents);
      } else if (staff) {
        student = await one('api::student.student', { where: { documentId: studentRef }, populate: { user: PARTICIPANT_SELECT } });
        if (!student) throw invalid([issue('student', 'Обучающийся не найден')]);
        if (!(await teaches(sender.id, student.id))) {
          throw refused('Переписка возможна только с обучающимися и родителями классов, в которых вы ведёте уроки');
        }
        if (kind === 'teacher-pupil') {
          if (!student.user) throw invalid([issue('student', 'У обучающегося нет учётной записи в дневнике')]);
          participants.push(student.user as Row);
        } else {
          const parents = await parentAccountsOf([student.id]);
          if (parents.length === 0) throw invalid([issue('student', 'У родителей обучающегося нет учётных записей в дневнике')]);
          participants.push(...parents);
        }
      } else if (sender.roleType === 'parent' || sender.roleType === 'pupil') {
        const expected: ThreadKind = sender.roleType === 'parent' ? 'teacher-parent' : 'teacher-pupil';
        if (kind !== expected) throw invalid([issue('kind', `Вам доступна переписка вида ${expected}`)]);
        student =
          sender.roleType === 'pupil'
            ? await one('api::student.student', { where: { user: { id: sender.id } }, select: ['id', 'documentId'] })
            : await one('api::student.student', {
                where: { documentId: studentRef, guardians: { user: { id: sender.id } } },
                select: ['id', 'documentId'],
              });
        if (!student || (studentRef && student.documentId !== studentRef)) throw invalid([issue('student', 'Обучающийся не найден')]);
        const teacher = await one('plugin::users-permissions.user', {
          where: { documentId: teacherRef, role: { type: { $in: [...STAFF] } } },
          select: ['id', 'documentId', 'fullName', 'username'],
        });
        if (!teacher || !(await teaches(teacher.id, student.id))) {
          throw invalid([issue('teacher', 'Учитель не найден среди учителей обучающегося')]);
        }
        participants.push(teacher);
      } else {
        throw refused('Переписку открывают учителя, обучающиеся и родители');
      }
      participants = [...new Map(participants.map((user) => [user.id, user])).values()];

      const now = new Date().toISOString();
      const threadDocumentId = await strapi.db.transaction(async () => {
        const thread = (await strapi.documents(THREAD_UID).create({
          data: {
            kind,
            subject,
            student: student?.documentId ?? null,
            schoolClass: schoolClass?.documentId ?? null,
            participants: participants.map((user) => user.documentId),
            lastMessageAt: now,
          },
        } as never)) as unknown as Row;
        await strapi.documents(MESSAGE_UID).create({ data: { thread: thread.documentId, text } } as never);
        return thread.documentId;
      });
      return this.thread(sender, threadDocumentId);
    },

    /** Adds a message to a thread the sender takes part in. */
    async post(sender: Sender, documentId: string, data: Record<string, unknown>) {
      const issues: Issue[] = [];
      for (const key of Object.keys(data)) if (key !== 'text') issues.push(issue(key, `Неизвестное поле ${key}; допустимо только text`));
      const thread = await requireOwnThread(sender, documentId);
      const text = readText(data, 'text', MESSAGE_MAX_LENGTH, 'Напишите текст сообщения', issues);
      if (issues.length > 0) throw invalid(issues);
      const message = (await strapi
        .documents(MESSAGE_UID)
        .create({ data: { thread: thread.documentId, text } } as never)) as unknown as Row;
      await strapi.db.query(THREAD_UID).update({ where: { id: thread.id }, data: { lastMessageAt: message.sentAt } });
      const stored = await one(MESSAGE_UID, { where: { id: message.id }, populate: { author: PARTICIPANT_SELECT } });
      return messageView(stored as Row);
    },
  };
};

export type MessagingService = ReturnType<typeof createMessagingService>;

export default createMessagingService;
