import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';

export const COMPETENCY_RESULT = 'api::competency-result.competency-result';

/** The groups of results besides the subject results of the journal (R77). */
export const RESULT_GROUPS = ['meta-subject', 'personal'] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];
export const RESULT_GROUP_LABELS: Record<ResultGroup, string> = { 'meta-subject': 'метапредметные', personal: 'личностные' };

/** The kinds of универсальные учебные действия a meta-subject result belongs to. */
export const UUD_KINDS = ['regulatory', 'cognitive', 'communicative'] as const;
export type UudKind = (typeof UUD_KINDS)[number];
export const UUD_KIND_LABELS: Record<UudKind, string> = {
  regulatory: 'регулятивные',
  cognitive: 'познавательные',
  communicative: 'коммуникативные',
};

export const COMPETENCY_SOURCES = ['diagnostic-work', 'observation'] as const;
export const COMPETENCY_SOURCE_LABELS: Record<(typeof COMPETENCY_SOURCES)[number], string> = {
  'diagnostic-work': 'диагностическая работа',
  observation: 'наблюдение',
};

const INDICATOR_MAX = 300;
const NOTE_MAX = 2000;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * A meta-subject or personal result of a pupil (R77): the pupil (on a class list in that school
 * year), the school year, the group (meta-subject with its kind of УУД, or personal), the competency
 * or indicator, the level — only a value of the school's level scale (`competencyLevels`, spelled as
 * there) —, the source (diagnostic work or observation), the date (inside the year, not in the
 * future) and a note. Who recorded it is the REST account that creates it and never changes.
 */
export const competencyResultRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  const { strapi } = draft;
  const settings = getSchoolSettings(strapi);
  const derived: Record<string, unknown> = {};

  const student = await draft.related('student');
  if (!student) draft.report('student', 'Укажите обучающегося');
  const year = await draft.related('academicYear');
  if (!year) draft.report('academicYear', 'Укажите учебный год');

  const group = draft.value('resultGroup');
  if (!oneOf(RESULT_GROUPS, group)) {
    draft.report('resultGroup', 'Группа результатов: meta-subject (метапредметные) или personal (личностные)');
  }
  const uudKind = draft.value('uudKind');
  if (group === 'meta-subject' && !oneOf(UUD_KINDS, uudKind)) {
    draft.report('uudKind', `Вид УУД: ${UUD_KINDS.map((kind) => `${kind} (${UUD_KIND_LABELS[kind]})`).join(', ')}`);
  } else if (group === 'personal' && uudKind !== null && uudKind !== '') {
    draft.report('uudKind', 'Вид УУД указывается только для метапредметных результатов');
  } else if (draft.writes('uudKind') || draft.writes('resultGroup')) derived.uudKind = group === 'meta-subject' ? uudKind : null;

  const indicator = draft.text('indicator');
  if (!indicator) draft.report('indicator', 'Укажите, что оценивается (например, «Планирование учебных действий», «Волонтёрство»)');
  else if (indicator.length > INDICATOR_MAX) draft.report('indicator', `Не длиннее ${INDICATOR_MAX} символов`);
  else if (draft.writes('indicator')) derived.indicator = indicator;

  const level = draft.text('level');
  const scaleLevel = level ? settings.competencyLevels.find((known) => known.toLowerCase() === level.toLowerCase()) : undefined;
  if (!level) draft.report('level', `Укажите уровень: ${settings.competencyLevels.join(', ')}`);
  else if (!scaleLevel) draft.report('level', `Уровень «${level}» не из шкалы школы: ${settings.competencyLevels.join(', ')}`);
  else if (draft.writes('level')) derived.level = scaleLevel;

  if (!oneOf(COMPETENCY_SOURCES, draft.value('source'))) {
    draft.report('source', 'Источник: diagnostic-work (диагностическая работа) или observation (наблюдение)');
  }

  const date = draft.localDate('date', 'дату');
  if (!date) draft.report('date', 'Укажите дату диагностики или наблюдения');
  else if (date > todayInZone(settings.timeZone)) draft.report('date', `Дата ${formatLocalDate(date)} ещё не наступила`);
  else if (year && (date < (year.startDate as string) || date > (year.endDate as string))) {
    draft.report('date', `Дата ${formatLocalDate(date)} вне учебного года ${String(year.title)}`);
  }

  const note = draft.text('note');
  if (note && note.length > NOTE_MAX) draft.report('note', `Не длиннее ${NOTE_MAX} символов`);
  else if (draft.writes('note')) derived.note = note;

  if (student && year) {
    const listed = await strapi.db.query('api::enrollment.enrollment').count({
      where: { student: { id: student.id }, schoolClass: { academicYear: { id: year.id } } },
    });
    if (listed === 0) draft.report('student', `Обучающийся не был в списках классов в ${String(year.title)} учебном году`);
  }

  // Who recorded it: the REST account creating it; never named in the body otherwise, never changed.
  const account = currentRestAccount(strapi);
  const stored = draft.isNew ? null : relationId(draft.existing?.recordedBy);
  const named = 'recordedBy' in draft.data && draft.data.recordedBy !== undefined && draft.data.recordedBy !== null;
  const given = named ? await draft.optionalRelated('recordedBy', 'Кто записал — учётная запись сотрудника (documentId или id)') : null;
  if (given) {
    const expected = draft.isNew ? (account?.id ?? given.id) : stored;
    if (expected !== given.id) draft.report('recordedBy', 'Кто записал результат, определяется по учётной записи и не меняется');
  }
  draft.check();
  if (draft.isNew) derived.recordedBy = account ?? (given ? { id: given.id } : null);
  else if (stored !== null) derived.recordedBy = { id: stored };
  return derived;
};
