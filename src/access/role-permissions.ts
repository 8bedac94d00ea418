/**
 * Which users-permissions role may call which REST action on the school's record types. This is the
 * one place to change coarse access; row-level rules (own journals, own child) are enforced on top.
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
  /** Record types the role may list and read. */
  reads: readonly RecordType[];
  /** Record types the role may create, update and delete. */
  writes: readonly RecordType[];
  /** Other content-API actions, e.g. uploads of lesson materials. */
  extraActions?: readonly string[];
  /** The built-in public role: no login, so no account actions. */
  anonymous?: boolean;
}

const JOURNAL_ENTRIES: readonly RecordType[] = ['lesson', 'mark', 'attendance'];
const CLASS_LISTS: readonly RecordType[] = ['student', 'enrollment', 'guardian'];
const SCHOOL_STRUCTURE: readonly RecordType[] = ['academic-year', 'study-period', 'subject', 'school-class', 'journal'];
/** Reading accounts lets a role name class teachers and journal teachers through REST. */
const STAFF_DIRECTORY = ['plugin::users-permissions.user.find', 'plugin::users-permissions.user.findOne'];
const UPLOADS = ['plugin::upload.content-api.upload', 'plugin::upload.content-api.find', 'plugin::upload.content-api.findOne'];

/** Every account with a login may read itself and change its password. */
export const ACCOUNT_ACTIONS = ['plugin::users-permissions.user.me', 'plugin::users-permissions.auth.changePassword'];

export const SCHOOL_ROLES: readonly SchoolRole[] = [
  {
    type: 'teacher',
    name: 'Учитель',
    description: 'Ведёт журналы: темы уроков, домашние задания, отметки, посещаемость',
    reads: RECORD_TYPES,
    writes: JOURNAL_ENTRIES,
    extraActions: UPLOADS,
  },
  {
    type: 'class-teacher',
    name: 'Классный руководитель',
    description: 'Ведёт списки класса и сведения о родителях; ведёт журналы как учитель',
    reads: RECORD_TYPES,
    writes: [...JOURNAL_ENTRIES, ...CLASS_LISTS],
    extraActions: UPLOADS,
  },
  {
    type: 'deputy-director',
    name: 'Заместитель директора по УВР',
    description: 'Контролирует ведение журналов; ведёт учебный план, классы и журналы',
    reads: RECORD_TYPES,
    writes: [...SCHOOL_STRUCTURE, ...CLASS_LISTS],
    extraActions: STAFF_DIRECTORY,
  },
  {
    type: 'director',
    name: 'Директор',
    description: 'Общий контроль ведения и хранения учёта результатов',
    reads: RECORD_TYPES,
    writes: [],
  },
  {
    type: 'secretary',
    name: 'Секретарь учебной части',
    description: 'Личные дела, книги регистрации, движение обучающихся',
    reads: RECORD_TYPES,
    writes: CLASS_LISTS,
  },
  {
    type: 'archivist',
    name: 'Администратор системы (архивариус)',
    description: 'Архивация журналов, резервное копирование, сроки хранения',
    reads: RECORD_TYPES,
    writes: [],
  },
  {
    type: 'methodologist',
    name: 'Руководитель методического объединения',
    description: 'Согласует поурочные планы; читает журналы своего объединения',
    reads: ['academic-year', 'study-period', 'subject', 'school-class', 'journal', 'lesson'],
    writes: [],
  },
  {
    type: 'parent',
    name: 'Родитель (законный представитель)',
    description: 'Видит только результаты своих детей в электронном дневнике',
    reads: [],
    writes: [],
  },
  {
    type: 'pupil',
    name: 'Обучающийся',
    description: 'Видит только свои результаты в электронном дневнике',
    reads: [],
    writes: [],
  },
  {
    type: 'public',
    name: 'Public',
    description: 'Посетители без входа: только опубликованные сведения школы',
    reads: [],
    writes: [],
    anonymous: true,
  },
];

const READ_ACTIONS = ['find', 'findOne'];
const WRITE_ACTIONS = ['create', 'update', 'delete'];

/** The full list of content-API action ids a role is granted. */
export const actionsOfRole = (role: SchoolRole): string[] => [
  ...role.reads.flatMap((type) => READ_ACTIONS.map((action) => `api::${type}.${type}.${action}`)),
  ...role.writes.flatMap((type) => WRITE_ACTIONS.map((action) => `api::${type}.${type}.${action}`)),
  ...(role.extraActions ?? []),
  ...(role.anonymous ? [] : ACCOUNT_ACTIONS),
];
