import { validateYupSchema, yup } from '@strapi/utils';
import { UNKNOWN_FIELD } from './keeping';

const HISTORY_PARAMS_SCHEMA = yup
  .object({ documentId: yup.string().trim().max(64).required('Не указано правило') })
  .noUnknown(true, UNKNOWN_FIELD);

export const validateHistoryParams = validateYupSchema(HISTORY_PARAMS_SCHEMA);
