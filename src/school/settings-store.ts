import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getConfiguredSchoolSettings, getSchoolSettings, setStoredSchoolSettings, type SchoolSettings } from './settings';
import { checkSettingsChange, SETTINGS_KEYS } from './settings-validation';

/** Core-store entry (`school_records_school_settings`) holding what was saved on the settings page. */
const STORE_KEY = 'school_settings';

const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'school_records' });

const readOverrides = async (strapi: Core.Strapi): Promise<Partial<SchoolSettings>> => {
  const value = (await store(strapi).get({ key: STORE_KEY })) as Partial<SchoolSettings> | null;
  return value && typeof value === 'object' ? value : {};
};

/** Loads the saved settings into memory, so that `getSchoolSettings` stays synchronous. */
export const loadStoredSchoolSettings = async (strapi: Core.Strapi): Promise<void> => {
  const overrides = await readOverrides(strapi);
  // A stored value that no longer passes validation (e.g. a removed time zone) is ignored, not fatal.
  const { set, issues } = checkSettingsChange(overrides);
  for (const issue of issues) strapi.log.warn(`School settings: ignoring the stored ${issue.path.join('.')}: ${issue.message}`);
  const valid = Object.fromEntries(
    Object.entries(set).filter(([key]) => !issues.some((issue) => issue.path[0] === key)),
  ) as Partial<SchoolSettings>;
  setStoredSchoolSettings(strapi, valid);
};

export interface SchoolSettingsView {
  settings: SchoolSettings;
  /** The values of `config/school.ts`. */
  defaults: SchoolSettings;
  /** Keys whose value was saved on the settings page. */
  overridden: string[];
}

export const viewSchoolSettings = async (strapi: Core.Strapi): Promise<SchoolSettingsView> => {
  const overrides = await readOverrides(strapi);
  return {
    settings: getSchoolSettings(strapi),
    defaults: getConfiguredSchoolSettings(strapi),
    overridden: SETTINGS_KEYS.filter((key) => key in overrides),
  };
};

/**
 * Validates and saves a change of the settings (HTTP 400 with one Russian message per field when
 * it does not hold), then refreshes the in-memory settings of this instance.
 */
export const saveSchoolSettings = async (strapi: Core.Strapi, input: unknown): Promise<SchoolSettingsView> => {
  const change = checkSettingsChange(input);
  if (change.issues.length > 0)
    throw new errors.ValidationError(change.issues.map((issue) => issue.message).join('; '), { errors: change.issues });
  const current = await readOverrides(strapi);
  const next: Partial<SchoolSettings> = { ...current, ...change.set };
  if (change.set.workTypeWeights) next.workTypeWeights = { ...(current.workTypeWeights ?? {}), ...change.set.workTypeWeights };
  if (change.set.analytics)
    next.analytics = {
      ...(current.analytics ?? {}),
      ...change.set.analytics,
      riskWeights: { ...(current.analytics?.riskWeights ?? {}), ...(change.set.analytics.riskWeights ?? {}) },
    } as SchoolSettings['analytics'];
  for (const key of change.reset) delete next[key];
  await store(strapi).set({ key: STORE_KEY, value: next });
  setStoredSchoolSettings(strapi, next);
  return viewSchoolSettings(strapi);
};
