import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { checkAttachedFiles } from '../distance/uploads';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';
import { readNumber } from './external-assessment-rules';
import { isEnrolledInClass, JOURNAL_CONTEXT, type JournalContext } from './lookups';

export const PLATFORM_RESULT = 'api::platform-result.platform-result';

const PLATFORM_MAX = 100;
const ACTIVITY_MAX = 300;
const URL_MAX = 2000;

/** An absolute http(s) address with a host; null when it is not one. */
export const httpUrlOf = (given: string): string | null => {
  try {
    const url = new URL(given);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url.toString() : null;
  } catch {
    return null;
  }
};

/**
 * A pupil's result on an external e-learning platform (R83: Учи.ру, ЯКласс, РЭШ, МЭШ, Сферум, Stepik…),
 * kept apart from the journal's marks: the journal (its subject) and the pupil on its list that day,
 * the platform and the activity, the day (not in the future), a score within its maximum and/or the
 * percent done, the link to the result (http or https), files as evidence (within the upload limits),
 * and optionally the journal's assignment it answered and the mark the teacher gave for it in that
 * journal (that pupil's). Who recorded it is the REST caller, never the body.
 */
export const platformResultRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  const { strapi } = draft;
  const journal = (await draft.require(
    'journal',
    'Укажите журнал (предмет), к которому относится результат',
    JOURNAL_CONTEXT,
  )) as JournalContext;
  const student = await draft.require('student', 'Укажите обучающегося');
  const date = draft.localDate('date', 'дату') ?? draft.fail('date', 'Укажите дату выполнения (ГГГГ-ММ-ДД)');
  if (date > todayInZone(getSchoolSettings(strapi).timeZone)) draft.report('date', `Дата ${formatLocalDate(date)} ещё не наступила`);
  else if (journal.pupils.length > 0 && !journal.pupils.some((pupil) => pupil.id === student.id)) {
    draft.report('student', 'Обучающийся не входит в список журнала');
  } else if (journal.schoolClass && !(await isEnrolledInClass(strapi, student.id, journal.schoolClass.id, date))) {
    draft.report('student', `Обучающийся не числится в классе ${journal.schoolClass.name} на ${formatLocalDate(date)}`);
  }

  const platform = draft.text('platform');
  if (!platform) draft.report('platform', 'Укажите платформу (например, «Учи.ру», «ЯКласс», «РЭШ»)');
  else if (platform.length > PLATFORM_MAX) draft.report('platform', `Название платформы не длиннее ${PLATFORM_MAX} символов`);
  const activity = draft.text('activity');
  if (!activity) draft.report('activity', 'Укажите, что выполнено (курс, урок, тест)');
  else if (activity.length > ACTIVITY_MAX) draft.report('activity', `Не длиннее ${ACTIVITY_MAX} символов`);

  const score = readNumber(draft.value('score'));
  const maxScore = readNumber(draft.value('maxScore'));
  const percent = readNumber(draft.value('percent'));
  if (Number.isNaN(score)) draft.report('score', 'Баллы — число');
  else if (score !== undefined && score < 0) draft.report('score', 'Баллы не могут быть отрицательными');
  else if (score !== undefined && maxScore === undefined) draft.report('maxScore', 'Укажите максимальный балл');
  if (Number.isNaN(maxScore)) draft.report('maxScore', 'Максимальный балл — число');
  else if (maxScore !== undefined && maxScore <= 0) draft.report('maxScore', 'Максимальный балл больше нуля');
  if (score !== undefined && maxScore !== undefined && score > maxScore) {
    draft.report('score', `Баллы (${score}) больше максимального балла (${maxScore})`);
  }
  if (Number.isNaN(percent) || (percent !== undefined && (percent < 0 || percent > 100))) {
    draft.report('percent', 'Процент выполнения — число от 0 до 100');
  }
  if (score === undefined && percent === undefined) draft.report('score', 'Укажите баллы с максимумом или процент выполнения');

  const givenUrl = draft.text('url');
  let url: string | null = null;
  if (givenUrl) {
    url = givenUrl.length > URL_MAX ? null : httpUrlOf(givenUrl);
    if (!url) draft.report('url', 'Ссылка на результат — адрес http:// или https:// не длиннее 2000 символов');
  }
  await checkAttachedFiles(draft, 'evidence');

  const assignment = await draft.optionalRelated('assignment', 'Задание указывается его documentId или id', {
    journal: { select: ['id'] },
  });
  if (assignment && relationId(assignment.journal) !== journal.id) draft.report('assignment', 'Задание дано в другом журнале');
  const mark = await draft.optionalRelated('mark', 'Отметка указывается её documentId или id', {
    journal: { select: ['id'] },
    student: { select: ['id'] },
  });
  if (mark && (relationId(mark.journal) !== journal.id || relationId(mark.student) !== student.id)) {
    draft.report('mark', 'Отметка должна быть отметкой этого обучающегося в этом журнале');
  }
  if ('recordedBy' in draft.data && draft.data.recordedBy !== undefined && currentActor(strapi).kind === 'user') {
    draft.report('recordedBy', 'Кто записал результат, определяется автоматически');
  }
  draft.check();
  return {
    journal: { id: journal.id },
    student: { id: student.id },
    date,
    platform,
    activity,
    score: score ?? null,
    maxScore: maxScore ?? null,
    percent: percent ?? null,
    url,
    assignment: assignment ? { id: assignment.id } : null,
    mark: mark ? { id: mark.id } : null,
    ...(draft.isNew ? { recordedBy: currentRestAccount(strapi) } : {}),
  };
};
