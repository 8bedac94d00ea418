/** Russian e-mail templates of the notifications (plain text). */

export interface Letter {
  subject: string;
  text: string;
}

const FOOTER = '\n\n—\nЭто письмо отправлено автоматически системой учёта результатов школы. Отвечать на него не нужно.';

export const newMessageLetter = (p: { author: string; threadSubject: string; text: string; announcement: boolean }): Letter => ({
  subject: p.announcement ? `Объявление: ${p.threadSubject}` : `Новое сообщение: ${p.threadSubject}`,
  text:
    `Здравствуйте!\n\n${p.author} ${p.announcement ? 'разместил(а) объявление' : 'написал(а) вам в переписке'} «${p.threadSubject}»:\n\n` +
    `${p.text}\n\nПрочитать и ответить можно в электронном дневнике, раздел «Сообщения».${FOOTER}`,
});

const ENTRY_TITLES: Record<string, string> = { remark: 'Замечание', praise: 'Поощрение', wish: 'Пожелание' };

export const diaryEntryLetter = (p: {
  kind: string;
  pupil: string;
  teacher: string;
  subject: string | null;
  date: string;
  text: string;
}): Letter => {
  const title = ENTRY_TITLES[p.kind] ?? 'Запись';
  return {
    subject: `${title} в дневнике: ${p.pupil}`,
    text:
      `Здравствуйте!\n\n${p.date} учитель ${p.teacher}${p.subject ? ` (${p.subject})` : ''} записал(а) в электронный дневник ` +
      `обучающегося ${p.pupil}: ${title.toLowerCase()}.\n\n${p.text}\n\n` +
      `Запись войдёт в недельный просмотр дневника, который подтверждают родители.${FOOTER}`,
  };
};

export const journalRemarkLetter = (p: {
  journal: string;
  inspector: string;
  inspectedOn: string | null;
  findings: string | null;
  remarks: string | null;
  fixBy: string | null;
}): Letter => ({
  subject: `Замечание по ведению журнала ${p.journal}`,
  text:
    `Здравствуйте!\n\n${p.inspector} проверил(а) электронный журнал ${p.journal}${p.inspectedOn ? ` ${p.inspectedOn}` : ''}.\n\n` +
    (p.findings ? `Результаты проверки: ${p.findings}\n\n` : '') +
    (p.remarks ? `Замечания: ${p.remarks}\n\n` : '') +
    (p.fixBy ? `Устранить до ${p.fixBy}.\n\n` : '') +
    `Ознакомьтесь с замечанием в журнале (страница «Замечания по ведению журнала»).${FOOTER}`,
});

/** The class teacher's weekly reminder (seed 001 §2.2.2): diaries not confirmed and entries missing in the past week. */
export const weeklyDiaryReminderLetter = (p: {
  className: string;
  weekStart: string;
  weekEnd: string;
  notConfirmedPupils: string[];
  missingEntries: Array<{ date: string; number: number | null; subject: string; missing: string[] }>;
}): Letter => {
  const MISSING: Record<string, string> = { topic: 'темы урока', homework: 'домашнего задания' };
  const pupils = p.notConfirmedPupils.length
    ? `Дневник не подтверждён родителями (${p.notConfirmedPupils.length}):\n${p.notConfirmedPupils.map((name) => `— ${name}`).join('\n')}\n\n`
    : 'Все родители подтвердили дневник за неделю.\n\n';
  const entries = p.missingEntries.length
    ? `Уроки без записей в дневнике (${p.missingEntries.length}):\n` +
      p.missingEntries
        .map(
          (entry) =>
            `— ${entry.date}${entry.number ? `, ${entry.number} урок` : ''}, ${entry.subject}: нет ${entry.missing.map((item) => MISSING[item] ?? item).join(' и ')}`,
        )
        .join('\n') +
      '\n\n'
    : 'Записи всех уроков недели заполнены.\n\n';
  return {
    subject: `Еженедельная проверка дневников ${p.className}: неделя ${p.weekStart} — ${p.weekEnd}`,
    text:
      `Здравствуйте!\n\nНапоминаем о еженедельной проверке дневников класса ${p.className} за неделю ${p.weekStart} — ${p.weekEnd} ` +
      `(контроль достоверности записей в дневнике).\n\n${pupils}${entries}` +
      `Подробности — в электронном дневнике, раздел «Подтверждение дневников класса».${FOOTER}`,
  };
};

const MISSING_IN_JOURNAL: Record<string, string> = { topic: 'темы урока', attendance: 'отметок посещаемости', marks: 'отметок' };

export interface UnfilledLesson {
  number: number | null;
  schoolClass: string | null;
  subject: string | null;
  missing: string[];
  /** The teacher, in the deputy's summary. */
  teacher?: string | null;
}

const unfilledLine = (lesson: UnfilledLesson): string =>
  `— ${lesson.number ? `${lesson.number} урок, ` : ''}${[lesson.schoolClass, lesson.subject].filter(Boolean).join(', ')}` +
  `${lesson.teacher ? ` (${lesson.teacher})` : ''}: нет ${lesson.missing.map((item) => MISSING_IN_JOURNAL[item] ?? item).join(', ')}`;

/** To a teacher at the end of the school day (R7, seed 002 §3.1.8: ежедневное заполнение): their lessons left unfilled. */
export const dailyJournalCheckLetter = (p: { date: string; lessons: UnfilledLesson[] }): Letter => ({
  subject: `Журнал за ${p.date}: не заполнено уроков — ${p.lessons.length}`,
  text:
    `Здравствуйте!\n\nПо итогам ежедневной проверки электронного журнала за ${p.date} в ваших уроках не хватает записей:\n` +
    `${p.lessons.map(unfilledLine).join('\n')}\n\nЗаполните их сегодня: отметки и темы вносятся в день урока. ` +
    `Сведения переданы заместителю директора для контроля ведения журналов.${FOOTER}`,
});

/** To the deputy directors: the day's unfilled lessons of the whole school, by teacher. */
export const dailyJournalControlLetter = (p: { date: string; lessons: number; unfilled: UnfilledLesson[] }): Letter => ({
  subject: `Контроль ведения журналов за ${p.date}: не заполнено ${p.unfilled.length} из ${p.lessons}`,
  text:
    `Здравствуйте!\n\nЕжедневная проверка электронного журнала за ${p.date}: уроков ${p.lessons}, не заполнено ${p.unfilled.length}.\n\n` +
    `${p.unfilled.map(unfilledLine).join('\n')}\n\nПодробности — в разделе «Контроль ведения журналов» (GET /api/journal-control/daily?date=).${FOOTER}`,
});

export interface DigestMark {
  date: string;
  subject: string;
  value: string;
  kind: string;
  workType: string | null;
}

const DIGEST_KINDS: Record<string, string> = {
  current: '',
  periodic: 'за период',
  annual: 'годовая',
  exam: 'экзамен',
  final: 'итоговая',
};

/** To a parent who asked for it: the day's new marks of their children (opt-in, one letter a day). */
export const marksDigestLetter = (p: { date: string; children: Array<{ fullName: string; marks: DigestMark[] }> }): Letter => {
  const count = p.children.reduce((total, child) => total + child.marks.length, 0);
  const lines = p.children
    .map(
      (child) =>
        `${child.fullName}:\n` +
        child.marks
          .map((mark) => {
            const kind = DIGEST_KINDS[mark.kind] ?? mark.kind;
            const about = [kind, mark.workType].filter(Boolean).join(', ');
            return `— ${mark.subject}: ${mark.value}${about ? ` (${about})` : ''}, урок ${mark.date}`;
          })
          .join('\n'),
    )
    .join('\n\n');
  return {
    subject: `Новые отметки за ${p.date}: ${count}`,
    text:
      `Здравствуйте!\n\nНовые отметки, выставленные ${p.date}:\n\n${lines}\n\n` +
      `Все отметки, домашние задания и записи учителей — в электронном дневнике. ` +
      `Отказаться от ежедневной сводки можно в дневнике, раздел «Уведомления».${FOOTER}`,
  };
};

/** To the archivists: a backup that failed, or a fixity check that found damage (seed 002 §3.1.9: двух носителях; §3.1.8: ежедневное копирование). */
export const archiveFailureLetter = (p: { what: string; at: string; detail: string; page: string }): Letter => ({
  subject: `Сбой архива: ${p.what}`.slice(0, 300),
  text:
    `Здравствуйте!\n\n${p.what} (${p.at}).\n\n${p.detail}\n\n` +
    `Проверьте раздел «Архив» → «${p.page}» в панели администратора и устраните причину: пока сбой не устранён, ` +
    `записи школы не защищены так, как требует Положение.${FOOTER}`,
});

/** In the accusative: «отправил(а) … технологическую карту». */
const PLAN_KINDS: Record<string, string> = { 'lesson-notes': 'конспект урока', 'technological-map': 'технологическую карту' };

export interface PlanAbout {
  teacher: string;
  kind: string;
  lessonDate: string;
  topic: string;
  journal: string | null;
}

const planLine = (p: PlanAbout): string =>
  `${PLAN_KINDS[p.kind] ?? 'конспект урока'} на ${p.lessonDate}${p.journal ? ` (${p.journal})` : ''}, тема «${p.topic}»`;

/** To the head of the methodical association (seed 004 §2.1): a plan sent to them for the check. */
export const lessonPlanSubmittedLetter = (p: PlanAbout): Letter => ({
  subject: `Конспект на проверку: ${p.teacher}, ${p.lessonDate}`.slice(0, 300),
  text:
    `Здравствуйте!\n\nУчитель ${p.teacher} отправил(а) вам на проверку ${planLine(p)}.\n\n` +
    `Согласуйте его или верните с замечанием: раздел «Конспекты уроков».${FOOTER}`,
});

/** To the curating deputy director: a plan the head of the association approved. */
export const lessonPlanApprovedLetter = (p: PlanAbout & { reviewer: string }): Letter => ({
  subject: `Согласован конспект: ${p.teacher}, ${p.lessonDate}`.slice(0, 300),
  text:
    `Здравствуйте!\n\nРуководитель методического объединения ${p.reviewer} согласовал(а) ${planLine(p)} учителя ${p.teacher}.\n\n` +
    `Конспект доступен в разделе «Конспекты уроков».${FOOTER}`,
});

/** To the plan's author: approved, or returned with the head's comment. */
export const lessonPlanReviewedLetter = (p: PlanAbout & { reviewer: string; approved: boolean; comment: string | null }): Letter => ({
  subject: `${p.approved ? 'Конспект согласован' : 'Конспект возвращён на доработку'}: ${p.lessonDate}`.slice(0, 300),
  text:
    `Здравствуйте!\n\n${p.reviewer} проверил(а) ${planLine(p)} и ${p.approved ? 'согласовал(а)' : 'вернул(а) на доработку'}.\n\n` +
    (p.comment ? `Замечание: ${p.comment}\n\n` : '') +
    (p.approved
      ? 'Согласованный конспект передан курирующему заместителю директора.'
      : 'Исправьте конспект и отправьте его на проверку снова.') +
    FOOTER,
});

export interface AssignmentAbout {
  subject: string;
  title: string;
  lessonDate: string;
  dueOn: string;
  description: string | null;
  sources: string | null;
  materials: number;
}

/** To a pupil, or to a parent naming their own children: a new assignment of a journal (seed 004 §2.2). */
export const newAssignmentLetter = (p: AssignmentAbout & { children: string[] }): Letter => ({
  subject: `Новое задание: ${p.subject}, сдать до ${p.dueOn}`.slice(0, 300),
  text:
    `Здравствуйте!\n\n` +
    (p.children.length > 0
      ? `Учитель дал задание ${p.children.length > 1 ? 'обучающимся' : 'обучающемуся'} ${p.children.join(', ')} по предмету «${p.subject}»`
      : `Учитель дал вам задание по предмету «${p.subject}»`) +
    ` к уроку ${p.lessonDate}: «${p.title}». Срок сдачи — ${p.dueOn}.\n\n` +
    (p.description ? `${p.description}\n\n` : '') +
    (p.sources ? `Источники для самостоятельного изучения: ${p.sources}\n\n` : '') +
    (p.materials > 0 ? `К заданию приложены материалы (${p.materials}).\n\n` : '') +
    `Материалы и сдача работы — в электронном дневнике, раздел «Задания».${FOOTER}`,
});

/** To the teacher who set the assignment: a pupil handed in work. */
export const workHandedInLetter = (
  p: Pick<AssignmentAbout, 'subject' | 'title' | 'dueOn'> & { pupil: string; attempt: number; late: boolean; files: number },
): Letter => ({
  subject: `Сдана работа: ${p.pupil}, «${p.title}»`.slice(0, 300),
  text:
    `Здравствуйте!\n\n${p.pupil} сдал(а) работу по заданию «${p.title}» (${p.subject}, срок ${p.dueOn})` +
    `${p.attempt > 1 ? `, попытка ${p.attempt}` : ''}${p.late ? ', после срока' : ''}` +
    `${p.files > 0 ? `; файлов: ${p.files}` : ''}.\n\n` +
    `Проверьте работу: отметка попадёт в журнал за урок задания.${FOOTER}`,
});

/** To the pupil's parents: their child's work checked (with its mark) or returned with a comment. */
export const workCheckedLetter = (
  p: Pick<AssignmentAbout, 'subject' | 'title'> & { pupil: string; checked: boolean; mark: string | null; comment: string | null },
): Letter => ({
  subject: `${p.checked ? 'Работа проверена' : 'Работа возвращена на доработку'}: ${p.pupil}, ${p.subject}`.slice(0, 300),
  text:
    `Здравствуйте!\n\nУчитель ${p.checked ? 'проверил(а)' : 'вернул(а) на доработку'} работу обучающегося ${p.pupil} ` +
    `по заданию «${p.title}» (${p.subject})${p.checked && p.mark ? `: отметка ${p.mark}` : ''}.\n\n` +
    (p.comment ? `Замечание учителя: ${p.comment}\n\n` : '') +
    (p.checked
      ? 'Отметка внесена в электронный журнал.'
      : 'Исправленную работу можно сдать снова в электронном дневнике, раздел «Задания».') +
    FOOTER,
});
