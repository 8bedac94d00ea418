import { validateYupSchema, yup } from '@strapi/utils';
import type { PackageKind, PackageStatus } from '../../services/archive-package';
import type { FixityCheckRow } from '../../services/fixity';
import type { ClosingRunRow } from '../../services/period-closing';
import { pagination } from './keeping';

/**
 * Request schemas of the archive's admin API: packages, period closing, year archiving, integrity
 * checks. Unknown fields are a 400 everywhere (yup strips them instead when it casts, so query
 * strings are checked for unknown keys strictly first, then validated with casting).
 */

const UNKNOWN = 'Неизвестное поле: ${unknown}';
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

const documentId = (message: string) => yup.string().matches(DOCUMENT_ID, message);

const notBlank = (schema: yup.StringSchema) =>
  schema.test('not-blank', 'Поле не может быть пустым', (value) => !value || value.trim() !== '');

const authority = notBlank(
  yup
    .string()
    .required('Укажите, кто разрешил: должность, ФИО и документ (например, приказ или служебная записка)')
    .min(3, 'Слишком коротко: укажите должность, ФИО и документ')
    .max(300, 'Не больше 300 символов'),
);

/** Strict on keys, casting on values: for query strings. */
const casting = <TSchema extends yup.AnyObjectSchema>(schema: TSchema) => {
  const keys = yup.object(Object.fromEntries(Object.keys(schema.fields).map((key) => [key, yup.mixed()]))).noUnknown(true, UNKNOWN);
  const validateKeys = validateYupSchema(keys);
  const validateValues = validateYupSchema(schema, { strict: false });
  return async (input: unknown): Promise<yup.InferType<TSchema>> => {
    await validateKeys(input ?? {});
    return validateValues(input ?? {});
  };
};

const DOCUMENT_PARAMS = yup.object({ documentId: documentId('Неверный идентификатор записи').required() });

const LIST_PACKAGES = yup.object({
  ...pagination,
  studyPeriod: documentId('Неверный идентификатор периода'),
  academicYear: documentId('Неверный идентификатор учебного года'),
  schoolClass: documentId('Неверный идентификатор класса'),
  state: yup.mixed<PackageStatus>().oneOf(['building', 'complete', 'failed', 'superseded', 'destroyed'], 'Неизвестное состояние пакета'),
  kind: yup.mixed<PackageKind>().oneOf(['period-journal', 'summary-sheet'], 'Неизвестный вид пакета'),
});

const DOWNLOAD = yup.object({
  file: yup
    .string()
    .matches(/^(data\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Неверное имя файла пакета')
    .max(200),
});

const LIST_FIXITY = yup.object({
  ...pagination,
  state: yup.mixed<FixityCheckRow['state']>().oneOf(['running', 'passed', 'repaired', 'failed'], 'Неизвестный итог проверки'),
});

const LIST_RUNS = yup.object({
  ...pagination,
  studyPeriod: documentId('Неверный идентификатор периода'),
  kind: yup.mixed<ClosingRunRow['kind']>().oneOf(['period-closing', 'closing-warning', 'school-year-archive'], 'Неизвестный вид записи'),
  state: yup.mixed<ClosingRunRow['state']>().oneOf(['running', 'complete', 'failed', 'warning'], 'Неизвестное состояние'),
});

const CLOSE_PERIOD = yup
  .object({ authorisedBy: authority, reason: notBlank(yup.string().max(1000, 'Не больше 1000 символов')) })
  .noUnknown(true, UNKNOWN)
  .required();

const ARCHIVE_YEAR = yup.object({ authorisedBy: authority }).noUnknown(true, UNKNOWN).required();

const RUN_FIXITY = yup.object({}).noUnknown(true, UNKNOWN);

const validateDocumentId = validateYupSchema(DOCUMENT_PARAMS);
/** Route parameters: the router adds its own (the matched prefix), so only `documentId` is read. */
export const validateDocumentParams = (params: unknown) =>
  validateDocumentId({ documentId: (params as { documentId?: unknown } | null)?.documentId });
export const validateListPackages = casting(LIST_PACKAGES);
export const validateDownload = casting(DOWNLOAD);
export const validateListFixity = casting(LIST_FIXITY);
export const validateListRuns = casting(LIST_RUNS);
export const validateClosePeriod = validateYupSchema(CLOSE_PERIOD);
export const validateArchiveYear = validateYupSchema(ARCHIVE_YEAR);
export const validateRunFixity = validateYupSchema(RUN_FIXITY);
