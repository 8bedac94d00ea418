import type { RecordDraft, StoredRecord } from './draft';
import { isEnrolledInClass } from './lookups';

type Derived = Record<string, unknown>;

export const JOURNAL_KIND_TITLES: Record<string, string> = {
  classroom: 'классный журнал',
  extracurricular: 'внеурочная деятельность',
  elective: 'факультатив',
  'individual-group': 'ИГЗ',
  'home-schooling': 'обучение на дому',
  club: 'кружок',
  section: 'секция',
};

/** Kinds that may gather pupils from several classes: they name their pupils instead of a class. */
const CROSS_CLASS_KINDS = new Set(['extracurricular', 'club', 'section']);

/** Levels at which a subject of the curriculum is studied (seed 003 §2.3: углублённое изучение). */
export const STUDY_LEVEL_TITLES: Record<string, string> = { basic: 'базовый', advanced: 'углублённый' };

/** Kinds that teach a subject of the curriculum itself, so may teach it in depth: the class or its group, at home. */
const CURRICULUM_KINDS = new Set(['classroom', 'home-schooling']);

export const subjectRules = async (draft: RecordDraft): Promise<Derived> => {
  const name = draft.text('name') ?? '';
  if (!name) draft.fail('name', 'Укажите название предмета');
  if (!draft.isNew && draft.existing && draft.writes('scale') && draft.value('scale') !== draft.existing.scale) {
    const marks = await draft.strapi.db.query('api::mark.mark').count({ where: { journal: { subject: { id: draft.existing.id } } } });
    if (marks > 0) draft.fail('scale', `Нельзя сменить шкалу оценивания: по предмету уже выставлено отметок — ${marks}`);
  }
  return { name, shortName: draft.text('shortName') };
};

export const schoolClassRules = async (draft: RecordDraft): Promise<Derived> => {
  const grade = draft.value<number>('grade');
  if (!Number.isInteger(grade) || (grade as number) < 1 || (grade as number) > 11)
    draft.fail('grade', 'Параллель — целое число от 1 до 11');
  const letter = (draft.text('letter') ?? '').toUpperCase();
  if (!/^[А-ЯЁ0-9-]{1,3}$/.test(letter)) draft.fail('letter', 'Литера класса — заглавная русская буква (или до трёх знаков), например «Б»');
  const year = await draft.require('academicYear', 'Укажите учебный год класса');
  const twin = await draft.strapi.db.query('api::school-class.school-class').count({
    where: { grade, letter, academicYear: { id: year.id }, ...draft.notSelf() },
  });
  if (twin > 0) draft.fail('letter', `Класс ${grade}${letter} в ${String(year.title)} уже есть`);
  return { letter, name: `${grade}${letter}` };
};

export const journalRules = async (draft: RecordDraft): Promise<Derived> => {
  const kind = draft.value<string>('kind') ?? 'classroom';
  if (!(kind in JOURNAL_KIND_TITLES)) draft.fail('kind', `Неизвестный вид журнала: ${kind}`);
  const subject = await draft.require('subject', 'Укажите предмет (курс, объединение)');
  const schoolClass = await draft.related('schoolClass', { academicYear: true });
  const pupils = await draft.relatedMany('pupils');
  let year = await draft.related('academicYear');
  const classYear = (schoolClass?.academicYear as StoredRecord | null) ?? null;

  if (!schoolClass && !CROSS_CLASS_KINDS.has(kind)) draft.fail('schoolClass', 'Укажите класс журнала');
  if (!schoolClass && pupils.length === 0) draft.fail('pupils', 'Журнал без класса должен содержать список обучающихся');
  if (classYear && year && classYear.id !== year.id)
    draft.fail('academicYear', `Класс ${String(schoolClass?.name)} относится к учебному году ${String(classYear.title)}`);
  year = year ?? classYear ?? draft.fail('academicYear', 'Укажите учебный год');
  if (kind === 'home-schooling' && pupils.length !== 1) draft.fail('pupils', 'Журнал обучения на дому ведётся на одного обучающегося');

  if (schoolClass) {
    for (const pupil of pupils) {
      if (!(await isEnrolledInClass(draft.strapi, pupil.id, schoolClass.id, year.startDate as string, year.endDate as string))) {
        draft.report('pupils', `${String(pupil.fullName)} не числится в классе ${String(schoolClass.name)}`);
      }
    }
  }
  const studyLevel = draft.value<string>('studyLevel') ?? 'basic';
  if (!(studyLevel in STUDY_LEVEL_TITLES)) draft.fail('studyLevel', 'Уровень изучения: basic (базовый) или advanced (углублённый)');
  if (studyLevel === 'advanced' && !CURRICULUM_KINDS.has(kind)) {
    draft.fail(
      'studyLevel',
      `Углублённо изучается предмет учебного плана: классный журнал (класса или группы) или журнал обучения на дому, а не ${JOURNAL_KIND_TITLES[kind]}`,
    );
  }
  if (schoolClass && kind === 'classroom' && pupils.length > 0) await reportPupilsInAnotherGroup(draft, pupils, schoolClass, subject, year);

  const subgroupInput = draft.text('subgroup') ?? '';
  const subgroup = subgroupInput || (kind === 'home-schooling' && pupils[0] ? String(pupils[0].fullName) : '');
  const twins = (await draft.strapi.db.query('api::journal.journal').findMany({
    where: {
      subject: { id: subject.id },
      academicYear: { id: year.id },
      kind,
      ...(schoolClass ? { schoolClass: { id: schoolClass.id } } : { schoolClass: { id: { $null: true } } }),
      ...draft.notSelf(),
    },
    select: ['id', 'subgroup'],
  })) as StoredRecord[];
  if (twins.some((twin) => String(twin.subgroup ?? '') === subgroup)) {
    draft.report(
      'subject',
      `Такой журнал уже есть: ${String(schoolClass?.name ?? '')} ${String(subject.name)}, ${String(year.title)}, ${JOURNAL_KIND_TITLES[kind]}${subgroup ? `, ${subgroup}` : ''}. Для второй группы укажите подгруппу`,
    );
  }
  draft.check();
  const subjectTitle = studyLevel === 'advanced' ? `${String(subject.name)} (углублённый)` : subject.name;
  const title = [schoolClass?.name, subjectTitle, subgroup || null, kind === 'classroom' ? null : JOURNAL_KIND_TITLES[kind], year.title]
    .filter(Boolean)
    .join(' · ');
  return { kind, studyLevel, subgroup: subgroup || null, academicYear: { id: year.id }, title };
};

/**
 * A pupil's choice of level is one group per subject: a pupil of the class studies the subject in
 * one of its groups (базовая or углублённая), never in two classroom journals of it at once.
 */
const reportPupilsInAnotherGroup = async (
  draft: RecordDraft,
  pupils: StoredRecord[],
  schoolClass: StoredRecord,
  subject: StoredRecord,
  year: StoredRecord,
): Promise<void> => {
  const others = (await draft.strapi.db.query('api::journal.journal').findMany({
    where: {
      schoolClass: { id: schoolClass.id },
      subject: { id: subject.id },
      academicYear: { id: year.id },
      kind: 'classroom',
      pupils: { id: { $in: pupils.map((pupil) => pupil.id) } },
      ...draft.notSelf(),
    },
    select: ['id', 'title'],
    populate: { pupils: { select: ['id'] } },
  })) as Array<StoredRecord & { pupils: StoredRecord[] }>;
  for (const pupil of pupils) {
    const other = others.find((journal) => journal.pupils.some((member) => member.id === pupil.id));
    if (other)
      draft.report(
        'pupils',
        `${String(pupil.fullName)} уже изучает этот предмет в журнале «${String(other.title)}»: одна группа на предмет`,
      );
  }
};
