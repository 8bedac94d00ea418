import { validateYupSchema, yup } from '@strapi/utils';
import type { CarrierInput, CarrierQuery, CertificateReturnInput, CheckInput } from '../../services/paper-archive';
import { idParams, pagination, UNKNOWN_FIELD } from './keeping';

/** Request schemas of the paper archive's admin API (messages in Russian: the page shows them). */

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCHOOL_YEAR = /^\d{4}\/\d{4}$/;

const date = (message: string) => yup.string().matches(DATE, message);
const text = (max: number) => yup.string().trim().max(max, `Не больше ${max} символов`);

/** Strict on keys, casting on values: for query strings. */
const casting = <TSchema extends yup.AnyObjectSchema>(schema: TSchema) => {
  const keys = yup.object(Object.fromEntries(Object.keys(schema.fields).map((key) => [key, yup.mixed()]))).noUnknown(true, UNKNOWN_FIELD);
  const validateKeys = validateYupSchema(keys);
  const validateValues = validateYupSchema(schema, { strict: false });
  return async (input: unknown): Promise<yup.InferType<TSchema>> => {
    await validateKeys(input ?? {});
    return validateValues(input ?? {});
  };
};

const CARRIER_STATES = ['in-storage', 'handed-over', 'destroyed', 'missing'];

const LIST_CARRIERS = yup.object({
  ...pagination,
  year: yup.string().matches(SCHOOL_YEAR, 'Учебный год в виде «2025/2026»'),
  recordType: text(60),
  state: yup.string().oneOf(CARRIER_STATES, 'Неизвестное состояние единицы хранения'),
  place: text(200),
});

const carrierFields = {
  recordType: text(60),
  title: text(300),
  schoolYear: yup.string().matches(SCHOOL_YEAR, 'Учебный год в виде «2025/2026»'),
  schoolClass: yup.string().matches(DOCUMENT_ID, 'Неверный идентификатор класса').nullable(),
  student: yup.string().matches(DOCUMENT_ID, 'Неверный идентификатор обучающегося').nullable(),
  caseIndex: text(20).nullable(),
  storagePlace: text(200).nullable(),
  custodian: text(200).nullable(),
  closedOn: date('Дата закрытия дела в формате ГГГГ-ММ-ДД').nullable(),
  sheets: yup.number().integer('Число листов — целое число').min(1, 'Число листов — от 1').max(100000).nullable(),
  // «Уничтожено» ставится только исполненным актом.
  state: yup.string().oneOf(['in-storage', 'handed-over', 'missing'], 'Состояние «уничтожено» ставится только актом об уничтожении'),
  note: text(2000).nullable(),
};

const CREATE_CARRIER = yup
  .object({
    ...carrierFields,
    recordType: carrierFields.recordType.required('Укажите вид документа (правило срока хранения)'),
    title: carrierFields.title.required('Укажите заголовок дела'),
    schoolYear: carrierFields.schoolYear.required('Укажите учебный год'),
  })
  .noUnknown(true, UNKNOWN_FIELD)
  .required();

const UPDATE_CARRIER = yup.object(carrierFields).noUnknown(true, UNKNOWN_FIELD).required();

const REGISTER_JOURNALS = yup
  .object({ academicYear: yup.string().matches(DOCUMENT_ID, 'Неверный идентификатор учебного года').required('Укажите учебный год') })
  .noUnknown(true, UNKNOWN_FIELD)
  .required();

const NOMENCLATURE = yup.object({
  year: yup.string().matches(SCHOOL_YEAR, 'Учебный год в виде «2025/2026»').required('Укажите учебный год'),
});

const LIST_CHECKS = yup.object({ ...pagination });

const commission = yup
  .array()
  .of(text(300).required('Укажите члена комиссии'))
  .min(1, 'Укажите членов комиссии')
  .max(20, 'Не больше 20 членов комиссии');

const CREATE_CHECK = yup
  .object({
    date: date('Дата проверки в формате ГГГГ-ММ-ДД'),
    commission: commission.required('Укажите членов комиссии'),
    scope: yup.string().oneOf(['all', 'storage-place'], 'Проверка всего архива (all) или одного места хранения (storage-place)'),
    storagePlace: text(200).nullable(),
    notes: text(4000).nullable(),
  })
  .noUnknown(true, UNKNOWN_FIELD)
  .required();

const FINDING = yup
  .object({
    documentId: yup.string().matches(DOCUMENT_ID, 'Неверный идентификатор единицы хранения').required('Укажите единицу хранения'),
    finding: yup
      .string()
      .oneOf(['present', 'missing', 'damaged'], 'Результат: в наличии, отсутствует или повреждено')
      .nullable()
      .defined('Укажите результат'),
    note: text(1000).nullable(),
  })
  .noUnknown(true, UNKNOWN_FIELD);

const UPDATE_CHECK = yup
  .object({
    date: date('Дата проверки в формате ГГГГ-ММ-ДД'),
    commission,
    scope: yup.string(),
    storagePlace: yup.string().nullable(),
    notes: text(4000).nullable(),
    findings: yup.array().of(FINDING).max(10000),
  })
  .noUnknown(true, UNKNOWN_FIELD)
  .required();

/** Checked untrimmed (a strict `trim()` refuses in English); the service trims and names a blank field in Russian. */
const untrimmed = (max: number) => yup.string().max(max, `Не больше ${max} символов`);

/** The hand-back of a stored аттестат (R50): the day, who took it and against which document. */
const CERTIFICATE_RETURN = yup
  .object({
    returnedOn: date('Дата возврата в формате ГГГГ-ММ-ДД').required('Укажите дату возврата аттестата'),
    receivedBy: untrimmed(200).required('Укажите фамилию, имя и отчество получившего аттестат'),
    receiverKind: yup
      .string()
      .oneOf(
        ['pupil', 'parent', 'representative'],
        'Получатель: обучающийся (pupil), родитель (parent) или законный представитель (representative)',
      )
      .required('Укажите, кто получил аттестат: обучающийся, родитель или законный представитель'),
    receiverDocument: untrimmed(200).nullable(),
    note: untrimmed(1000).nullable(),
  })
  .noUnknown(true, UNKNOWN_FIELD)
  .required();

const CARRIER_PARAMS = yup
  .object({
    carrier: yup
      .number()
      .integer('Неверный номер единицы хранения')
      .positive('Неверный номер единицы хранения')
      .required('Не указана единица хранения'),
  })
  .noUnknown(true, UNKNOWN_FIELD);

const EMPTY = yup.object({}).noUnknown(true, UNKNOWN_FIELD);

// The schemas check the enumerations; the casts only give their values the narrower types.
export const validateListCarriers = casting(LIST_CARRIERS) as (query: unknown) => Promise<CarrierQuery>;
export const validateCreateCarrier = validateYupSchema(CREATE_CARRIER) as (body: unknown) => Promise<CarrierInput>;
export const validateUpdateCarrier = validateYupSchema(UPDATE_CARRIER) as (body: unknown) => Promise<CarrierInput>;
export const validateRegisterJournals = validateYupSchema(REGISTER_JOURNALS);
export const validateNomenclature = casting(NOMENCLATURE);
export const validateListChecks = casting(LIST_CHECKS);
export const validateCreateCheck = validateYupSchema(CREATE_CHECK) as (body: unknown) => Promise<CheckInput>;
export const validateUpdateCheck = validateYupSchema(UPDATE_CHECK) as (body: unknown) => Promise<CheckInput>;
export const validateEmpty = validateYupSchema(EMPTY);
export const validateCertificateReturn = validateYupSchema(CERTIFICATE_RETURN) as (body: unknown) => Promise<CertificateReturnInput>;
export const validateCarrierParams = validateYupSchema(CARRIER_PARAMS, { strict: false });
export const validateIdParams = validateYupSchema(idParams, { strict: false });
