import { yup, validateYupSchema } from '@strapi/utils';
import { pagination, UNKNOWN_FIELD } from './keeping';

/** Request schemas of the «Документы» admin API (messages in Russian: the page shows them). */

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const documentId = (message: string) => yup.string().trim().matches(DOCUMENT_ID, message);

const SEARCH = yup.object({ q: yup.string().trim().max(100, 'Не больше 100 символов').default('') }).noUnknown(true, UNKNOWN_FIELD);
const STUDENT_PARAMS = yup.object({ student: documentId('Неверный обучающийся').required('Не указан обучающийся') });
const FILL_YEAR = yup
  .object({ academicYear: documentId('Неверный учебный год').required('Укажите учебный год') })
  .noUnknown(true, UNKNOWN_FIELD);
const JOURNAL_PRINT = yup
  .object({
    period: documentId('Неверный учебный период').required('Укажите учебный период'),
    schoolClass: documentId('Неверный класс').required('Укажите класс'),
  })
  .noUnknown(true, UNKNOWN_FIELD);
const SUMMARY_PRINT = yup
  .object({
    schoolClass: documentId('Неверный класс').required('Укажите класс'),
    format: yup.string().oneOf(['pdf', 'xlsx'], 'Формат: pdf или xlsx').default('pdf'),
  })
  .noUnknown(true, UNKNOWN_FIELD);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISSUE_FILE = yup
  .object({
    issuedOn: yup.string().trim().matches(DATE, 'Дата выдачи в виде ГГГГ-ММ-ДД').required('Укажите дату выдачи'),
    applicationNumber: yup.string().trim().max(50, 'Не больше 50 символов').required('Укажите номер заявления родителей'),
    orderNumber: yup.string().trim().max(50, 'Не больше 50 символов').required('Укажите номер приказа о выбытии'),
    issuedTo: yup.string().trim().max(200, 'Не больше 200 символов').required('Укажите, кому выдано личное дело'),
  })
  .noUnknown(true, UNKNOWN_FIELD);
const BLANK_LIST_PAGE = yup.object(pagination);
const CLASS_CARDS = yup.object({ schoolClass: documentId('Неверный класс').required('Укажите класс') }).noUnknown(true, UNKNOWN_FIELD);

const PROGRESS_CERTIFICATE = yup
  .object({
    requesterKind: yup
      .string()
      .oneOf(['guardian', 'pupil'], 'Кто обратился: guardian (законный представитель) или pupil (обучающийся)')
      .required('Укажите, кто обратился'),
    guardian: documentId('Неверный законный представитель'),
    form: yup.string().oneOf(['oral', 'written'], 'Форма обращения: oral (устно) или written (письменно)').default('oral'),
  })
  .noUnknown(true, UNKNOWN_FIELD);
const REQUEST_PARAMS = yup.object({ request: documentId('Неверное обращение').required('Не указано обращение') });

export const validateProgressCertificate = validateYupSchema(PROGRESS_CERTIFICATE) as (
  body: unknown,
) => Promise<{ requesterKind: 'guardian' | 'pupil'; guardian?: string; form: 'oral' | 'written' }>;
export const validateRequestParams = (params: unknown) =>
  validateYupSchema(REQUEST_PARAMS, { strict: false })({ request: (params as { request?: unknown } | null)?.request }) as Promise<{
    request: string;
  }>;
export const validateIssueFile = validateYupSchema(ISSUE_FILE) as (
  body: unknown,
) => Promise<{ issuedOn: string; applicationNumber: string; orderNumber: string; issuedTo: string }>;
export const validateClassCards = validateYupSchema(CLASS_CARDS, { strict: false }) as (query: unknown) => Promise<{ schoolClass: string }>;
/** The page of the register of blanks asked for (query strings cast to numbers; absent or empty: the service's default). */
export const validateBlankListPage = (query: { page?: unknown; pageSize?: unknown }) =>
  validateYupSchema(BLANK_LIST_PAGE, { strict: false })({
    page: query.page === '' ? undefined : query.page,
    pageSize: query.pageSize === '' ? undefined : query.pageSize,
  }) as Promise<{ page?: number; pageSize?: number }>;
export const validateSearch = validateYupSchema(SEARCH, { strict: false }) as (query: unknown) => Promise<{ q: string }>;
/** Route parameters: the router adds its own, so only `student` is read. */
export const validateStudentParams = (params: unknown) =>
  validateYupSchema(STUDENT_PARAMS, { strict: false })({ student: (params as { student?: unknown } | null)?.student }) as Promise<{
    student: string;
  }>;
export const validateFillYear = validateYupSchema(FILL_YEAR) as (body: unknown) => Promise<{ academicYear: string }>;
export const validateJournalPrint = validateYupSchema(JOURNAL_PRINT, { strict: false }) as (
  query: unknown,
) => Promise<{ period: string; schoolClass: string }>;
export const validateSummaryPrint = validateYupSchema(SUMMARY_PRINT, { strict: false }) as (
  query: unknown,
) => Promise<{ schoolClass: string; format: 'pdf' | 'xlsx' }>;
