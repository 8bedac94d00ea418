import { validateYupSchema, yup } from '@strapi/utils';
import { DISPOSABLE_TYPES, type DisposableType } from '../../disposition/record-kinds';
import type { ActInput, ActStatus } from '../../services/disposition';
import { idParams, pagination, UNKNOWN_FIELD } from './keeping';

const recordType = yup.string().oneOf([...DISPOSABLE_TYPES], 'Неизвестный вид записи');

const ACT_ITEM_SCHEMA = yup
  .object({
    recordType: recordType.required('Укажите вид записи'),
    documentId: yup.string().trim().max(64).required('Укажите запись'),
  })
  .noUnknown(true, UNKNOWN_FIELD);

const actFields = {
  date: yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, 'Дата акта в формате ГГГГ-ММ-ДД'),
  legalBasis: yup.string().max(4000).nullable(),
  notes: yup.string().max(4000).nullable(),
};

const CREATE_ACT_SCHEMA = yup
  .object({ ...actFields, items: yup.array().of(ACT_ITEM_SCHEMA).min(1, 'Выберите записи для акта').required('Выберите записи для акта') })
  .noUnknown(true, UNKNOWN_FIELD);

const UPDATE_ACT_SCHEMA = yup
  .object({ ...actFields, items: yup.array().of(ACT_ITEM_SCHEMA).min(1, 'Выберите записи для акта') })
  .noUnknown(true, UNKNOWN_FIELD);

const REJECT_ACT_SCHEMA = yup
  .object({ reason: yup.string().trim().min(3, 'Укажите причину отклонения').max(4000).required('Укажите причину отклонения') })
  .noUnknown(true, UNKNOWN_FIELD);

const LIST_ACTS_SCHEMA = yup
  .object({ ...pagination, state: yup.string().oneOf(['draft', 'approved', 'rejected', 'executed'], 'Неизвестное состояние акта') })
  .noUnknown(true, UNKNOWN_FIELD);

const PLACE_HOLD_SCHEMA = yup
  .object({
    recordType: recordType.required('Укажите вид записи'),
    documentId: yup.string().trim().max(64).required('Укажите запись'),
    reason: yup.string().trim().min(3, 'Укажите основание запрета').max(4000).required('Укажите основание запрета'),
  })
  .noUnknown(true, UNKNOWN_FIELD);

const LIFT_HOLD_SCHEMA = yup.object({ reason: yup.string().trim().max(4000).nullable() }).noUnknown(true, UNKNOWN_FIELD);

const LIST_HOLDS_SCHEMA = yup.object({ active: yup.boolean() }).noUnknown(true, UNKNOWN_FIELD);

// The schemas check the enumerations; the casts only give their values the narrower types.
export const validateCreateAct = validateYupSchema(CREATE_ACT_SCHEMA) as (body: unknown) => Promise<ActInput>;
export const validateUpdateAct = validateYupSchema(UPDATE_ACT_SCHEMA) as (body: unknown) => Promise<ActInput>;
export const validateRejectAct = validateYupSchema(REJECT_ACT_SCHEMA);
export const validateListActs = validateYupSchema(LIST_ACTS_SCHEMA, { strict: false }) as (
  query: unknown,
) => Promise<{ page?: number; pageSize?: number; state?: ActStatus }>;
export const validatePlaceHold = validateYupSchema(PLACE_HOLD_SCHEMA) as (
  body: unknown,
) => Promise<{ recordType: DisposableType; documentId: string; reason: string }>;
export const validateLiftHold = validateYupSchema(LIFT_HOLD_SCHEMA);
export const validateListHolds = validateYupSchema(LIST_HOLDS_SCHEMA, { strict: false });
export const validateIdParams = validateYupSchema(idParams, { strict: false });
