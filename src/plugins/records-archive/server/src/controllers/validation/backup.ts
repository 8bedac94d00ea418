import { validateYupSchema, yup } from '@strapi/utils';
import type { BackupStatus } from '../../services/backup';
import { idParams, pagination, UNKNOWN_FIELD } from './keeping';

const CREATE_BACKUP_SCHEMA = yup
  .object({ kind: yup.string().oneOf(['manual'], 'Вручную создаётся только ручная копия') })
  .noUnknown(true, UNKNOWN_FIELD);

const LIST_BACKUPS_SCHEMA = yup
  .object({ ...pagination, state: yup.string().oneOf(['complete', 'failed', 'rotated'], 'Неизвестное состояние копии') })
  .noUnknown(true, UNKNOWN_FIELD);

const DOWNLOAD_PARAMS_SCHEMA = idParams.shape({
  file: yup
    .string()
    .matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Неверное имя файла')
    .required(),
});

export const validateCreateBackup = validateYupSchema(CREATE_BACKUP_SCHEMA);
export const validateListBackups = validateYupSchema(LIST_BACKUPS_SCHEMA, { strict: false }) as (
  query: unknown,
) => Promise<{ page?: number; pageSize?: number; state?: BackupStatus }>;
export const validateBackupParams = validateYupSchema(idParams, { strict: false });
export const validateDownloadParams = validateYupSchema(DOWNLOAD_PARAMS_SCHEMA, { strict: false });
