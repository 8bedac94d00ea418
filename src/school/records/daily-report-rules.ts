import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { checkAttachedFiles } from '../distance/uploads';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';
import { accountOf, hasAttachedFiles } from './lesson-plan-rules';

type Derived = Record<string, unknown>;

const REPORT = 'api::daily-report.daily-report';
const SUMMARY_MAX = 4000;
const LINKS_MAX = 50;

/**
 * The teacher's daily report to the curating deputy director (seed 004 §2.1): the day (not in the
 * future), the lessons held that day in the teacher's journals, the materials sent to pupils (files
 * within the configured limits, and links `[{ "title", "url" }]` with http(s) addresses), a summary.
 * One report per teacher and day; the deputy is the curator of the teacher's methodical association
 * unless named (a deputy director's account); who sent it and when are kept.
 */
export const dailyReportRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const stored = draft.isNew ? null : draft.existing;
  const actor = currentActor(strapi);
  const account = currentRestAccount(strapi);
  let teacherId = relationId(stored?.teacher);
  if (draft.isNew) {
    teacherId = account?.id ?? (await draft.optionalRelated('teacher', 'Учитель указывается по documentId или id'))?.id ?? null;
    if (teacherId === null) draft.fail('teacher', 'Укажите учителя, составившего отчёт');
  } else if ('teacher' in draft.data && draft.data.teacher !== undefined && actor.kind === 'user') {
    draft.report('teacher', 'Автор отчёта не меняется');
  }
  for (const field of ['sentAt', 'teacherName']) {
    if (actor.kind === 'user' && field in draft.data && draft.data[field] !== undefined) {
      draft.report(field, 'Это поле заполняет система при отправке отчёта');
    }
  }
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const date = draft.localDate('date', 'день отчёта') ?? draft.fail('date', 'Укажите день, за который отчёт (ГГГГ-ММ-ДД)');
  if (date > today) draft.report('date', `Отчёт о проведённых уроках за ${formatLocalDate(date)} — этот день ещё не наступил`);
  const duplicate = await strapi.db.query(REPORT).count({ where: { teacher: { id: teacherId }, date, ...draft.notSelf() } });
  if (duplicate > 0) draft.report('date', `Отчёт за ${formatLocalDate(date)} уже отправлен: дополните его`);

  const lessons = await draft.relatedMany('lessons');
  if (lessons.length === 0) draft.report('lessons', 'Отметьте уроки, проведённые в этот день');
  if (lessons.length > 0) {
    const withJournals = (await strapi.db.query('api::lesson.lesson').findMany({
      where: { id: { $in: lessons.map((lesson) => lesson.id) } },
      select: ['id', 'date'],
      populate: { journal: { select: ['id'], populate: { teachers: { select: ['id'] } } } },
    })) as Array<{ id: number; date: string; journal: { teachers: Array<{ id: number }> } | null }>;
    if (withJournals.some((lesson) => lesson.date !== date)) draft.report('lessons', `Уроки отчёта — уроки дня ${formatLocalDate(date)}`);
    if (withJournals.some((lesson) => !(lesson.journal?.teachers ?? []).some((teacher) => teacher.id === teacherId))) {
      draft.report('lessons', 'В отчёте — уроки только ваших журналов');
    }
  }

  let deputyId: number | null = null;
  const named = await draft.optionalRelated('deputy', 'Заместитель директора указывается по documentId или id', {
    role: { select: ['type'] },
  });
  if (named) {
    if ((named.role as { type?: string } | null)?.type !== 'deputy-director')
      draft.report('deputy', 'Отчёт получает заместитель директора по УВР');
    deputyId = named.id;
  } else {
    const association = (await strapi.db.query('api::methodical-association.methodical-association').findOne({
      where: { members: { id: teacherId } },
      select: ['id'],
      populate: { curator: { select: ['id'] } },
    })) as { curator: { id: number } | null } | null;
    deputyId = association?.curator?.id ?? null;
    if (deputyId === null) {
      draft.report('deputy', 'Укажите курирующего заместителя директора: у вас нет методического объединения с куратором');
    }
  }

  const summary = draft.text('summary');
  if (summary && summary.length > SUMMARY_MAX) draft.report('summary', `Не длиннее ${SUMMARY_MAX} символов`);
  await checkAttachedFiles(draft, 'materials');
  const links = draft.value('links');
  if (links !== null) {
    if (!Array.isArray(links)) draft.report('links', 'Ссылки — список: [{ "title": "…", "url": "https://…" }]');
    else if (links.length > LINKS_MAX) draft.report('links', `Не больше ${LINKS_MAX} ссылок`);
    else {
      links.forEach((link, index) => {
        const item = link && typeof link === 'object' && !Array.isArray(link) ? (link as Record<string, unknown>) : null;
        if (!item) return draft.reportAt(['links', String(index)], 'Ссылка — { "title": "…", "url": "https://…" }');
        const url = typeof item.url === 'string' ? item.url.trim() : '';
        let valid = false;
        try {
          valid = ['http:', 'https:'].includes(new URL(url).protocol) && url.length <= 2000;
        } catch {
          valid = false;
        }
        if (!valid) draft.reportAt(['links', String(index), 'url'], 'Адрес ссылки — http:// или https://, не длиннее 2000 символов');
        if (item.title !== undefined && item.title !== null && (typeof item.title !== 'string' || item.title.length > 300)) {
          draft.reportAt(['links', String(index), 'title'], 'Название ссылки — текст не длиннее 300 символов');
        }
        const extra = Object.keys(item).filter((key) => key !== 'url' && key !== 'title');
        if (extra.length > 0) draft.reportAt(['links', String(index)], `Неизвестные поля ссылки: ${extra.join(', ')}`);
      });
    }
  }
  const hasLinks = Array.isArray(links) && links.length > 0;
  if (!(await hasAttachedFiles(draft, 'materials')) && !hasLinks && !summary) {
    draft.report('materials', 'Приложите материалы, отправленные обучающимся (файлы или ссылки), или опишите их');
  }
  draft.check();
  const teacher = teacherId === null ? null : await accountOf(strapi, teacherId);
  return {
    teacher: { id: teacherId },
    teacherName: teacher?.name ?? null,
    date,
    lessons: lessons.map((lesson) => ({ id: lesson.id })),
    deputy: deputyId === null ? null : { id: deputyId },
    summary,
    links: Array.isArray(links)
      ? links.map((link) => ({ title: (link as { title?: string }).title ?? null, url: String((link as { url: string }).url).trim() }))
      : null,
    sentAt: stored?.sentAt ?? new Date().toISOString(),
  };
};
