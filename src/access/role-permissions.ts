/**
 * Which users-permissions role may call which REST action. This is the one place to change coarse
 * access; row-level rules (own journals, own class, own child) are enforced on top of it by the
 * record-scope policy (`src/access/record-scope.ts`) and the diary's own checks.
 */

export const RECORD_TYPES = [
  'academic-year',
  'study-period',
  'subject',
  'school-class',
  'student',
  'enrollment',
  'guardian',
  'journal',
  'lesson',
  'mark',
  'attendance',
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

export interface SchoolRole {
  type: string;
  name: string;
  description: string;
  /** Every content-API action the role is granted, e.g. `api::mark.mark.find`. */
  actions: readonly string[];
  /** The built-in public role: no login, so no account actions. */
  anonymous?: boolean;
}

/** `find` and `findOne` of each type. */
export const read = (...types: string[]): string[] =>
  types.flatMap((type) => [`api::${type}.${type}.find`, `api::${type}.${type}.findOne`]);
/** `create`, `update` and `delete` of each type. */
export const write = (...types: string[]): string[] =>
  types.flatMap((type) => [`api::${type}.${type}.create`, `api::${type}.${type}.update`, `api::${type}.${type}.delete`]);

const JOURNAL_ENTRIES = ['lesson', 'mark', 'attendance'];
/** The current marks of a lesson column in one request (`POST /api/marks/batch`), for whoever writes marks. */
const MARK_BATCH = ['api::mark.mark.createBatch'];
const CLASS_LISTS = ['student', 'enrollment', 'guardian'];
const SCHOOL_STRUCTURE = ['academic-year', 'study-period', 'subject', 'school-class', 'journal'];

/** The published regulation (Положение): readable by anyone, the website included. */
const REGULATION_READ = [...read('regulation'), 'api::regulation.regulation.current'];
/** Reading accounts lets a role name class teachers and journal teachers through REST. */
const STAFF_DIRECTORY = ['plugin::users-permissions.user.find', 'plugin::users-permissions.user.findOne'];
/**
 * Teachers upload lesson materials and portfolio evidence; listing the media library is not granted
 * (it would show every file's name and link, the pupils' admission documents among them).
 */
const UPLOADS = ['plugin::upload.content-api.upload'];
const AUDIT_READ = [...read('audit-entry'), 'api::audit-entry.audit-entry.verify'];
/** The e-diary of one's own child (parent) or oneself (pupil). */
const DIARY = [
  'api::diary.diary.children',
  'api::diary.diary.marks',
  'api::diary.diary.homework',
  'api::diary.diary.attendance',
  'api::diary.diary.confirmWeek',
  'api::diary.diary.entries',
  'api::diary.diary.week',
  'api::diary.diary.markAcknowledgments',
  'api::diary.diary.acknowledgeMarks',
  'api::diary.week-pdf.pupil',
];
/** The class teacher's (and deputy's) view of who has confirmed the week's diary. */
const DIARY_CONTROL = [
  'api::diary.diary.classConfirmations',
  'api::diary.diary.classMarkAcknowledgments',
  // The printed weekly diary extract (paper diaries, seed 002 §2.3): a pupil's (own class only) and the class's set.
  'api::diary.week-pdf.pupil',
  'api::diary.week-pdf.schoolClass',
];
/** Teachers' entries in pupils' diaries (замечания, поощрения, пожелания); write-scope.ts narrows the pupils. */
const DIARY_ENTRIES = [...read('diary-entry'), ...write('diary-entry')];
const DIARY_ENTRIES_READ = read('diary-entry');
/** The daily check of journal keeping: a teacher's own lessons, the whole school for the deputy and director. */
const JOURNAL_CONTROL = ['api::journal-control.journal-control.daily'];
/** Creating or resetting the diary logins of a class and printing the slips with one-time passwords. */
const LOGIN_SLIPS = ['api::login-slip.login-slip.issue'];
const REMARKS_READ = [...read('journal-remark')];
/** The journal grid: one read per page; cell writes through the record rules (own journals only). */
const GRID = 'api::journal-grid.journal-grid';
const GRID_READ = [`${GRID}.choices`, `${GRID}.grid`];
const GRID_WRITE = [`${GRID}.saveCell`, `${GRID}.savePeriodMark`, `${GRID}.saveLesson`];
const GRID_REMARK = [`${GRID}.addRemark`];
const REMARKS_ACKNOWLEDGE = ['api::journal-remark.journal-remark.acknowledge'];
/** Analytics of results (class, subject, parallel, school); rows narrowed to the caller's reach by the controller. */
const ANALYTICS = 'api::analytics.analytics';
const ANALYTICS_REPORTS = [
  `${ANALYTICS}.choices`,
  `${ANALYTICS}.summary`,
  `${ANALYTICS}.pupils`,
  `${ANALYTICS}.leaders`,
  `${ANALYTICS}.atRisk`,
  `${ANALYTICS}.attendance`,
  `${ANALYTICS}.forecastAccuracy`,
  `${ANALYTICS}.forecast`,
  `${ANALYTICS}.controlWorks`,
  `${ANALYTICS}.assessmentMaterial`,
  `${ANALYTICS}.selfAssessment`,
  `${ANALYTICS}.pupilTrend`,
];
/** A parent's or pupil's view: their own child's averages and trend. */
const ANALYTICS_OWN_TREND = [`${ANALYTICS}.pupilTrend`];
/** A parent's view of their child's class figures (no names), when the school setting allows it. */
const CLASS_RESULTS_PARENT = ['api::diary.class-results.show'];

/**
 * The certificate registration book: read, register (issue, duplicate, annul) and print. Update and
 * delete are granted only so the record rules answer them with the Russian 403 «запись не исправляется».
 */
const CERTIFICATE_BOOK = [
  ...read('certificate-entry'),
  ...['create', 'update', 'delete'].map((action) => `api::certificate-entry.certificate-entry.${action}`),
  'api::certificate-entry.certificate-entry.issue',
  'api::certificate-entry.certificate-entry.book',
  'api::certificate-entry.certificate-entry.supplement',
  // The book of study certificates (справки об обучении): the same keepers, the same append-only rule.
  ...read('study-certificate-entry'),
  ...['create', 'update', 'delete'].map((action) => `api::study-certificate-entry.study-certificate-entry.${action}`),
  'api::study-certificate-entry.study-certificate-entry.certificate',
  'api::study-certificate-entry.study-certificate-entry.book',
  // The medals book (книга учёта и выдачи медалей): entries from the аттестаты that carry a medal.
  ...read('medal-entry'),
  ...['create', 'update', 'delete'].map((action) => `api::medal-entry.medal-entry.${action}`),
  'api::medal-entry.medal-entry.awarded',
  'api::medal-entry.medal-entry.book',
  // The register of аттестат blanks (документы строгой отчётности): receipts, write-offs, the balance.
  ...read('certificate-blank'),
  ...['create', 'update', 'delete'].map((action) => `api::certificate-blank.certificate-blank.${action}`),
  'api::certificate-blank.certificate-blank.receive',
  'api::certificate-blank.certificate-blank.balance',
  'api::certificate-blank.certificate-blank.register',
];
/**
 * аттестаты об основном общем образовании accepted into safekeeping at admission to grade 10 (R48): recorded by the
 * secretary, the deputy and the director (only the person appointed for `stored-certificates`, once appointed).
 * Delete is granted only so the record rules answer it with the Russian 403.
 */
const CERTIFICATE_ACCEPTANCES = [
  ...read('certificate-acceptance'),
  ...['create', 'update', 'delete'].map((action) => `api::certificate-acceptance.certificate-acceptance.${action}`),
];
/** Personal files (личные дела) and their yearly results: kept by the secretary, the deputy and the director, who also keep the certificate book. */
const PERSONAL_FILES = [
  ...CERTIFICATE_BOOK,
  ...CERTIFICATE_ACCEPTANCES,
  ...read('personal-file', 'yearly-result'),
  ...['create', 'update'].flatMap((action) => [`api::personal-file.personal-file.${action}`, `api::yearly-result.yearly-result.${action}`]),
  'api::personal-file.personal-file.fillYear',
  'api::personal-file.personal-file.card',
  'api::personal-file.personal-file.documents',
  'api::personal-file.personal-file.document',
];
/** A class teacher reads their class's files, fills and certifies its years (own class only, checked by the controllers). */
const PERSONAL_FILES_CLASS_TEACHER = [
  ...read('personal-file', 'yearly-result'),
  'api::personal-file.personal-file.fillYear',
  'api::personal-file.personal-file.card',
  'api::personal-file.personal-file.documents',
  'api::personal-file.personal-file.document',
  'api::yearly-result.yearly-result.certify',
];

/** Portfolios and rewards (seed 002 §3.5.3: kept by the class teacher); the printable summary of a pupil's portfolio. */
const PORTFOLIO_SUMMARY = 'api::portfolio-entry.portfolio-entry.summary';
const PORTFOLIO_READ = [...read('portfolio-entry', 'reward'), PORTFOLIO_SUMMARY];
const PORTFOLIO_KEEP = [...PORTFOLIO_READ, ...write('portfolio-entry', 'reward')];
/** The school's list of olympiad winners and prize-winners of a year. */
const OLYMPIAD_WINNERS = ['api::portfolio-entry.portfolio-entry.olympiadWinners'];
/** The deputy director's review of portfolio entries and rewards made by teachers (seed 003 §5.5). */
const PORTFOLIO_REVIEW = ['api::portfolio-entry.portfolio-entry.review', 'api::reward.reward.review'];
/** A family's view of its own child's portfolio and rewards, through the diary. */
const PORTFOLIO_FAMILY = ['api::diary.portfolio.show', 'api::diary.portfolio.pdf'];

/** External assessments (ВПР, diagnostics, ВСОКО, monitoring): kept by the deputy, director and secretary; teachers read their classes' pupils. */
const EXTERNAL = 'api::external-assessment.external-assessment';
const EXTERNAL_READ = read('external-assessment');
const EXTERNAL_KEEP = [...EXTERNAL_READ, ...write('external-assessment'), `${EXTERNAL}.import`];
/** Comparing external marks with the journal's (objectivity of marking): the deputy and the director. */
const EXTERNAL_OBJECTIVITY = [`${EXTERNAL}.objectivity`];
/**
 * Credit of results obtained outside the school's lessons (seed 003 §5.4, §1.1): kept by the deputy director, the director and the
 * secretary (a decision writes the annual mark); the pupil's teachers read those of the classes they teach or lead.
 */
const CREDIT_TRANSFERS_READ = read('credit-transfer');
const CREDIT_TRANSFERS_KEEP = [...CREDIT_TRANSFERS_READ, ...write('credit-transfer')];
/** GIA results and protocols (ОГЭ, ЕГЭ, ГВЭ, сочинение, собеседование): kept by the deputy, director and secretary; teachers read their classes' pupils. */
const EXAM_RESULTS_READ = [...read('exam-result'), 'api::exam-result.exam-result.scan'];
const EXAM_RESULTS_KEEP = [
  ...EXAM_RESULTS_READ,
  ...write('exam-result'),
  ...['import', 'acknowledge', 'acknowledgments', 'acknowledgmentSheet'].map((action) => `api::exam-result.exam-result.${action}`),
];
/** A family's view of its own child's GIA results. */
const EXAM_RESULTS_FAMILY = ['api::diary.exam-results.list'];
/** Special learning conditions (ПМПК, health data): read by the pupil's teachers (no diagnosis), class teacher, deputy, director. */
const SPECIAL_CONDITIONS_READ = read('special-condition');
const SPECIAL_CONDITIONS_KEEP = [...SPECIAL_CONDITIONS_READ, ...write('special-condition')];
/** A family's view of its own child's special conditions. */
const SPECIAL_CONDITIONS_FAMILY = ['api::diary.special-conditions.show'];

/** Message threads (teacher ↔ pupil, teacher ↔ parents, class announcements); participants only, checked by the service. */
const MESSAGES = ['threads', 'thread', 'startThread', 'post'].map((action) => `api::message.message.${action}`);

/** Parents' meetings of a class (seed 001 §1.6); a class teacher only their own class's (write-scope.ts, record-scope.ts). */
const PARENT_MEETINGS_READ = read('parent-meeting');
const PARENT_MEETINGS_KEEP = [...PARENT_MEETINGS_READ, ...write('parent-meeting'), 'api::parent-meeting.parent-meeting.pupilReport'];
/** A family's view of the talks with the parents about their child's results (seed 004 §4). */
const MEETINGS_FAMILY = ['api::diary.meetings.list'];
/** The school's assessment rules in the diary (seed 001 §1.6): the current edition, and acknowledging it for the year. */
const ASSESSMENT_RULES_FAMILY = ['api::diary.assessment-rules.show', 'api::diary.assessment-rules.acknowledge'];
/** Who in a class has acknowledged them: the class teacher (own class), the deputy director, the director. */
const ASSESSMENT_RULES_CONTROL = ['api::diary.assessment-rules.classState'];

/**
 * The register of requests for results information (seed 003 §5.3); kept by the secretary, the deputy, the director and
 * (own class) the class teacher. Delete is granted only so that the record rules answer it with the Russian 403: an entry stays.
 */
const RESULTS_REQUESTS = [
  ...read('results-request'),
  ...write('results-request'),
  'api::results-request.results-request.answer',
  'api::results-request.results-request.document',
];
/** A family's requests through the diary, and their answers. */
const RESULTS_REQUESTS_FAMILY = [
  'api::diary.results-requests.list',
  'api::diary.results-requests.submit',
  'api::diary.results-requests.document',
];

/**
 * The bank of КИМ (R98): every staff member who plans or checks control works reads it (and its private
 * files); teachers write their own drafts (write-scope.ts), the deputy director and the director keep and approve all.
 */
const ASSESSMENT_MATERIALS_READ = [...read('assessment-material'), 'api::assessment-material.assessment-material.file'];
const ASSESSMENT_MATERIALS_KEEP = [...ASSESSMENT_MATERIALS_READ, ...write('assessment-material')];
/** Teachers' work programmes (R12): kept by the journal's teachers (write-scope.ts), approved by the deputy director. */
/** Reading a programme includes its mastery of planned results by topic (R91): the journal's control works and the pupils' levels. */
const WORK_PROGRAMMES_READ = [...read('work-programme'), 'api::work-programme.work-programme.mastery'];
const WORK_PROGRAMMES_KEEP = [...WORK_PROGRAMMES_READ, ...write('work-programme')];
/** The school-wide report of programme completion (class × subject, planned to date against delivered). */
const WORK_PROGRAMMES_COMPLETION = ['api::work-programme.work-programme.completion'];
/** A family's view of its child's subjects' programmes and how far they are covered. */
const WORK_PROGRAMMES_FAMILY = ['api::diary.programmes.list'];
/** Journal-check reports (Справка о проверке ЭЖ) and the schedule of checks (R28): the deputy keeps, the director reads. */
const JOURNAL_CHECKS_READ = [
  ...read('journal-check'),
  'api::journal-control.checks.schedule',
  'api::journal-remark.reports.checkReport',
  'api::journal-remark.reports.journalPage',
];
const JOURNAL_CHECKS_KEEP = [...JOURNAL_CHECKS_READ, ...write('journal-check')];
/** The printed page «Замечания по ведению журнала» of a journal: its teachers (own journals, checked by the service). */
const JOURNAL_REMARKS_PAGE = ['api::journal-remark.reports.journalPage'];

/** Appointments by the director's order (who fills the books, controls the journals, …): kept by the director and the secretary. */
const DUTY_APPOINTMENTS_READ = read('duty-appointment');
/** Naming the appointed person needs the staff directory. */
const DUTY_APPOINTMENTS_KEEP = [...DUTY_APPOINTMENTS_READ, ...write('duty-appointment'), ...STAFF_DIRECTORY];

/** Contacts with technical support (seed 004 §3.12.2): kept by the system administrator and the director, read by the deputy. */
const SUPPORT_CONTACTS_READ = read('support-contact');
/** Delete is granted only so that the record rules answer it with the Russian 403: an entry stays. */
const SUPPORT_CONTACTS_KEEP = [...SUPPORT_CONTACTS_READ, ...write('support-contact')];

/** Individual work plans with pupils (seed 004 §4): read by the pupil's teachers, kept by the class teacher (own class), deputy and director. */
const SUPPORT_PLANS_READ = read('support-plan');
const SUPPORT_PLANS_KEEP = [...SUPPORT_PLANS_READ, ...write('support-plan')];
/**
 * Individual educational trajectories (R24): kept by the class teacher (own class), deputy and director,
 * read by the pupil's teachers; the family reads its own child's through the diary.
 */
const TRAJECTORIES_READ = read('learning-trajectory');
const TRAJECTORIES_KEEP = [
  ...TRAJECTORIES_READ,
  ...write('learning-trajectory'),
  'api::learning-trajectory.learning-trajectory.fromAnalytics',
];
const TRAJECTORIES_FAMILY = ['api::diary.trajectories.show'];
/** The internal-control plan (план ВШК): kept by the deputy director and the director. */
const CONTROL_PLAN_KEEP = [...read('control-plan-item'), ...write('control-plan-item')];

/** The director's management decisions on the results of control, and the summary they are taken on (deputy: read). */
const DECISIONS_READ = [...read('management-decision'), 'api::management-decision.management-decision.summary'];
const DECISIONS_KEEP = [...DECISIONS_READ, ...write('management-decision')];

/**
 * Meetings on the results of a period (seed 001 §3.1: педсовет, совещания при директоре и заместителе, заседания МО):
 * kept by the director and the deputy director, by the head of a methodical association for its own meetings
 * (write-scope.ts); teachers read those of their association and those where they execute a decision (record-scope.ts).
 */
const RESULTS_MEETINGS_READ = [
  ...read('results-meeting'),
  'api::results-meeting.results-meeting.decisions',
  'api::results-meeting.results-meeting.protocolPdf',
];
const RESULTS_MEETINGS_KEEP = [
  ...RESULTS_MEETINGS_READ,
  ...write('results-meeting'),
  'api::results-meeting.results-meeting.sign',
  'api::results-meeting.results-meeting.decisionDone',
  // The exported reports (XLSX, PDF) are attached to the meeting.
  ...UPLOADS,
];

/** Distance learning (seed 004 §2): methodical associations, kept by the deputy director and the director, read by staff. */
const ASSOCIATIONS_READ = read('methodical-association');
const ASSOCIATIONS_KEEP = [...ASSOCIATIONS_READ, ...write('methodical-association')];
/** Lesson plans: the teacher writes and submits their own; the head of the association reviews; the curating deputy reads approved ones. */
const LESSON_PLANS_READ = read('lesson-plan');
const LESSON_PLANS_KEEP = [...LESSON_PLANS_READ, ...write('lesson-plan'), 'api::lesson-plan.lesson-plan.submit'];
const LESSON_PLANS_REVIEW = [...LESSON_PLANS_READ, 'api::lesson-plan.lesson-plan.review'];
/** Daily reports on the lessons held, with the materials sent to pupils: the teacher sends, the deputy reads (never deleted: the rules answer 403). */
const DAILY_REPORTS_READ = read('daily-report');
const DAILY_REPORTS_KEEP = [...DAILY_REPORTS_READ, ...write('daily-report')];
/** The check of lessons held without a report: the curating deputy (their associations) and the director (all). */
const DAILY_REPORTS_CONTROL = [...DAILY_REPORTS_READ, 'api::daily-report.daily-report.missing'];
/** Assignments to pupils and their work: the journal's teachers set, read the list of who has handed in, and check. */
const ASSIGNMENTS_READ = [
  ...read('assignment', 'assignment-submission'),
  'api::assignment.assignment.submissions',
  'api::assignment.assignment.material',
  'api::assignment-submission.assignment-submission.file',
  // Pupils' self-assessments of control works (R78), read like the marks beside them.
  ...read('control-self-assessment'),
];
const ASSIGNMENTS_KEEP = [...ASSIGNMENTS_READ, ...write('assignment'), 'api::assignment-submission.assignment-submission.check'];
/** A family's view of the pupil's assignments, handing in work and reading its files. */
const ASSIGNMENTS_FAMILY = [
  'api::diary.assignments.list',
  'api::diary.assignments.submit',
  'api::diary.assignments.file',
  'api::diary.assignments.material',
  // Control works with the self-assessment beside the teacher's mark, and entering it before the mark (R78).
  'api::diary.control-works.list',
  'api::diary.control-works.selfAssess',
];
/**
 * Pupils' results on external e-learning platforms (R83): the journal's teachers record and import them
 * (write-scope.ts: own journals), the class teacher, deputy and director read; families through the diary.
 */
const PLATFORM_RESULTS_READ = [...read('platform-result'), 'api::platform-result.platform-result.evidence'];
const PLATFORM_RESULTS_KEEP = [...PLATFORM_RESULTS_READ, ...write('platform-result'), 'api::platform-result.platform-result.import'];
const PLATFORM_RESULTS_FAMILY = ['api::diary.platform-results.list'];
/** The distance-learning flow of a teacher (and class teacher). */
const DISTANCE_TEACHER = [...ASSOCIATIONS_READ, ...LESSON_PLANS_KEEP, ...DAILY_REPORTS_KEEP, ...ASSIGNMENTS_KEEP, ...PLATFORM_RESULTS_KEEP];
/**
 * Meta-subject and personal results (R77): recorded by the teachers of the pupil's class and its class
 * teacher (write-scope.ts), by the deputy and the director; the per-pupil summary of the three groups.
 */
const COMPETENCY_SUMMARY = ['api::competency-result.competency-result.summary', 'api::competency-result.competency-result.summaryPdf'];
const COMPETENCY_KEEP = [...read('competency-result'), ...write('competency-result'), ...COMPETENCY_SUMMARY];
/** A family's view of its own child's results in the three groups. */
/**
 * The whole pupil on one page (issue 11): marks, the three groups, external assessments, self-assessments, trajectories and
 * special conditions of a school year, each part under its own rules (a teacher: pupils of the classes they teach or lead).
 */
const PUPIL_OVERVIEW = ['api::student.overview.show'];
const COMPETENCY_FAMILY = ['api::diary.results.summary', 'api::diary.results.pdf'];

/** A parent's notification settings: the daily digest of new marks (opt-in). */
const NOTIFICATION_SETTINGS = ['api::diary.notifications.show', 'api::diary.notifications.update'];

/** Every account with a login may read itself and change its password. */
export const ACCOUNT_ACTIONS = ['plugin::users-permissions.user.me', 'plugin::users-permissions.auth.changePassword'];

export const SCHOOL_ROLES: readonly SchoolRole[] = [
  {
    type: 'teacher',
    name: 'Учитель',
    description: 'Ведёт свои журналы: темы уроков, домашние задания, отметки, посещаемость',
    actions: [
      ...DISTANCE_TEACHER,
      ...RESULTS_MEETINGS_READ,
      ...COMPETENCY_KEEP,
      ...PUPIL_OVERVIEW,
      ...SUPPORT_PLANS_READ,
      ...TRAJECTORIES_READ,
      ...read(...RECORD_TYPES),
      ...write(...JOURNAL_ENTRIES),
      ...MARK_BATCH,
      ...GRID_READ,
      ...GRID_WRITE,
      ...UPLOADS,
      ...REMARKS_READ,
      ...REMARKS_ACKNOWLEDGE,
      ...WORK_PROGRAMMES_KEEP,
      ...ASSESSMENT_MATERIALS_KEEP,
      ...JOURNAL_REMARKS_PAGE,
      ...DIARY_ENTRIES,
      ...MESSAGES,
      ...JOURNAL_CONTROL,
      ...ANALYTICS_REPORTS,
      ...PORTFOLIO_READ,
      ...EXTERNAL_READ,
      ...CREDIT_TRANSFERS_READ,
      ...EXAM_RESULTS_READ,
      ...SPECIAL_CONDITIONS_READ,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'class-teacher',
    name: 'Классный руководитель',
    description: 'Ведёт списки своего класса и сведения о родителях; ведёт свои журналы как учитель',
    actions: [
      ...DISTANCE_TEACHER,
      ...RESULTS_MEETINGS_READ,
      ...COMPETENCY_KEEP,
      ...PUPIL_OVERVIEW,
      ...SUPPORT_PLANS_KEEP,
      ...TRAJECTORIES_KEEP,
      ...read(...RECORD_TYPES),
      ...write(...JOURNAL_ENTRIES, ...CLASS_LISTS),
      ...MARK_BATCH,
      ...GRID_READ,
      ...GRID_WRITE,
      ...UPLOADS,
      ...REMARKS_READ,
      ...REMARKS_ACKNOWLEDGE,
      ...WORK_PROGRAMMES_KEEP,
      ...ASSESSMENT_MATERIALS_KEEP,
      ...JOURNAL_REMARKS_PAGE,
      ...DIARY_CONTROL,
      ...DIARY_ENTRIES,
      ...MESSAGES,
      ...JOURNAL_CONTROL,
      ...LOGIN_SLIPS,
      ...ANALYTICS_REPORTS,
      ...PORTFOLIO_KEEP,
      ...PERSONAL_FILES_CLASS_TEACHER,
      ...PARENT_MEETINGS_KEEP,
      ...ASSESSMENT_RULES_CONTROL,
      ...RESULTS_REQUESTS,
      ...EXTERNAL_READ,
      ...CREDIT_TRANSFERS_READ,
      ...EXAM_RESULTS_READ,
      ...SPECIAL_CONDITIONS_READ,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'deputy-director',
    name: 'Заместитель директора по УВР',
    description: 'Контролирует ведение журналов, пишет замечания; ведёт учебный план, классы и журналы',
    actions: [
      ...ASSOCIATIONS_KEEP,
      ...LESSON_PLANS_READ,
      ...DAILY_REPORTS_CONTROL,
      ...COMPETENCY_KEEP,
      ...PUPIL_OVERVIEW,
      ...ASSIGNMENTS_READ,
      ...PLATFORM_RESULTS_READ,
      ...DECISIONS_READ,
      ...RESULTS_MEETINGS_KEEP,
      ...SUPPORT_CONTACTS_READ,
      ...SUPPORT_PLANS_KEEP,
      ...TRAJECTORIES_KEEP,
      ...CONTROL_PLAN_KEEP,
      ...read(...RECORD_TYPES),
      ...write(...SCHOOL_STRUCTURE, ...CLASS_LISTS, 'journal-remark', 'regulation'),
      ...PARENT_MEETINGS_KEEP,
      ...ASSESSMENT_RULES_CONTROL,
      ...RESULTS_REQUESTS,
      ...DUTY_APPOINTMENTS_READ,
      ...GRID_READ,
      ...GRID_REMARK,
      ...STAFF_DIRECTORY,
      ...REMARKS_READ,
      ...WORK_PROGRAMMES_KEEP,
      ...ASSESSMENT_MATERIALS_KEEP,
      ...WORK_PROGRAMMES_COMPLETION,
      ...JOURNAL_CHECKS_KEEP,
      ...DIARY_CONTROL,
      ...DIARY_ENTRIES_READ,
      ...JOURNAL_CONTROL,
      ...LOGIN_SLIPS,
      ...AUDIT_READ,
      ...ANALYTICS_REPORTS,
      ...PORTFOLIO_KEEP,
      ...OLYMPIAD_WINNERS,
      ...PORTFOLIO_REVIEW,
      ...PERSONAL_FILES,
      ...EXTERNAL_KEEP,
      ...CREDIT_TRANSFERS_KEEP,
      ...EXAM_RESULTS_KEEP,
      ...EXTERNAL_OBJECTIVITY,
      ...SPECIAL_CONDITIONS_KEEP,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'director',
    name: 'Директор',
    description: 'Общий контроль ведения и хранения учёта результатов; утверждает Положение',
    actions: [
      ...ASSOCIATIONS_KEEP,
      ...LESSON_PLANS_READ,
      ...DAILY_REPORTS_CONTROL,
      ...COMPETENCY_KEEP,
      ...PUPIL_OVERVIEW,
      ...ASSIGNMENTS_READ,
      ...PLATFORM_RESULTS_READ,
      ...DECISIONS_KEEP,
      ...RESULTS_MEETINGS_KEEP,
      ...SUPPORT_CONTACTS_KEEP,
      ...SUPPORT_PLANS_KEEP,
      ...TRAJECTORIES_KEEP,
      ...CONTROL_PLAN_KEEP,
      ...read(...RECORD_TYPES),
      ...write('regulation'),
      ...PARENT_MEETINGS_READ,
      'api::parent-meeting.parent-meeting.pupilReport',
      ...ASSESSMENT_RULES_CONTROL,
      ...RESULTS_REQUESTS,
      ...DUTY_APPOINTMENTS_KEEP,
      ...GRID_READ,
      ...STAFF_DIRECTORY,
      ...REMARKS_READ,
      ...WORK_PROGRAMMES_READ,
      ...WORK_PROGRAMMES_COMPLETION,
      ...ASSESSMENT_MATERIALS_KEEP,
      ...JOURNAL_CHECKS_READ,
      ...DIARY_CONTROL,
      ...DIARY_ENTRIES_READ,
      ...JOURNAL_CONTROL,
      ...AUDIT_READ,
      ...ANALYTICS_REPORTS,
      ...PORTFOLIO_KEEP,
      ...OLYMPIAD_WINNERS,
      ...PORTFOLIO_REVIEW,
      ...PERSONAL_FILES,
      ...EXTERNAL_KEEP,
      ...CREDIT_TRANSFERS_KEEP,
      ...EXAM_RESULTS_KEEP,
      ...EXTERNAL_OBJECTIVITY,
      ...SPECIAL_CONDITIONS_KEEP,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'secretary',
    name: 'Секретарь учебной части',
    description: 'Личные дела, книги регистрации, движение обучающихся; читает журналы',
    actions: [
      ...read(...RECORD_TYPES),
      ...write(...CLASS_LISTS),
      ...PERSONAL_FILES,
      ...RESULTS_REQUESTS,
      ...DUTY_APPOINTMENTS_KEEP,
      ...PORTFOLIO_KEEP,
      ...EXTERNAL_KEEP,
      ...CREDIT_TRANSFERS_KEEP,
      ...EXAM_RESULTS_KEEP,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'archivist',
    name: 'Администратор системы (архивариус)',
    description: 'Архивация журналов, резервное копирование, сроки хранения; читает журналы',
    actions: [...read(...RECORD_TYPES), ...AUDIT_READ, ...REGULATION_READ, ...SUPPORT_CONTACTS_KEEP],
  },
  {
    type: 'methodologist',
    name: 'Руководитель методического объединения',
    description: 'Согласует поурочные планы; читает журналы и темы уроков',
    actions: [
      ...read('academic-year', 'study-period', 'subject', 'school-class', 'journal', 'lesson'),
      ...ASSOCIATIONS_READ,
      ...ASSESSMENT_MATERIALS_READ,
      ...LESSON_PLANS_REVIEW,
      ...RESULTS_MEETINGS_KEEP,
      // Naming the chair, secretary, speakers and executors of the association's meetings needs the staff directory.
      ...STAFF_DIRECTORY,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'parent',
    name: 'Родитель (законный представитель)',
    description: 'Видит только результаты своих детей в электронном дневнике',
    actions: [
      ...NOTIFICATION_SETTINGS,
      ...DIARY,
      ...ASSIGNMENTS_FAMILY,
      ...PLATFORM_RESULTS_FAMILY,
      ...ANALYTICS_OWN_TREND,
      ...CLASS_RESULTS_PARENT,
      ...PORTFOLIO_FAMILY,
      ...COMPETENCY_FAMILY,
      ...SPECIAL_CONDITIONS_FAMILY,
      ...TRAJECTORIES_FAMILY,
      ...EXAM_RESULTS_FAMILY,
      ...ASSESSMENT_RULES_FAMILY,
      ...MEETINGS_FAMILY,
      ...WORK_PROGRAMMES_FAMILY,
      ...RESULTS_REQUESTS_FAMILY,
      ...MESSAGES,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'pupil',
    name: 'Обучающийся',
    description: 'Видит только свои результаты в электронном дневнике',
    actions: [
      ...DIARY,
      ...ASSIGNMENTS_FAMILY,
      ...PLATFORM_RESULTS_FAMILY,
      ...ANALYTICS_OWN_TREND,
      ...PORTFOLIO_FAMILY,
      ...COMPETENCY_FAMILY,
      ...SPECIAL_CONDITIONS_FAMILY,
      ...TRAJECTORIES_FAMILY,
      ...EXAM_RESULTS_FAMILY,
      ...ASSESSMENT_RULES_FAMILY,
      ...MEETINGS_FAMILY,
      ...WORK_PROGRAMMES_FAMILY,
      ...RESULTS_REQUESTS_FAMILY,
      ...MESSAGES,
      ...REGULATION_READ,
    ],
  },
  {
    type: 'public',
    name: 'Public',
    description: 'Посетители без входа: только опубликованное Положение',
    actions: REGULATION_READ,
    anonymous: true,
  },
];

/** The full list of content-API action ids a role is granted. */
export const actionsOfRole = (role: SchoolRole): string[] => [...new Set([...role.actions, ...(role.anonymous ? [] : ACCOUNT_ACTIONS)])];
