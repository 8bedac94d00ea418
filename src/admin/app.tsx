import type { StrapiApp } from '@strapi/strapi/admin';
import { addSchoolSettingsLink } from './school-settings';
import en from './translations/en';
import ru from './translations/ru';

/**
 * Strapi keeps the chosen language in localStorage under this key and falls back to English when
 * it is absent (`StrapiApp.render`); a user's own choice (profile → interface language) is saved
 * there and in their account (`preferedLanguage`), which wins after login.
 */
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
const DEFAULT_LANGUAGE = 'ru';

/** Russian unless this browser has a language chosen already: the login page too. */
const defaultToRussian = (): void => {
  try {
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) window.localStorage.setItem(LANGUAGE_STORAGE_KEY, DEFAULT_LANGUAGE);
  } catch {
    // Storage disabled (private mode policies): Strapi then shows English, nothing to do.
  }
};

/**
 * The admin panel of the school: Russian by default (English stays available in the profile),
 * our own Russian texts, the school settings page, and Strapi's online notifications off because
 * school servers often have no internet access.
 */
export default {
  config: {
    locales: ['ru'],
    translations: { ru, en },
    notifications: { releases: false },
    tutorials: false,
  },
  register(_app: StrapiApp) {
    // Runs before the first render, which reads the stored language.
    defaultToRussian();
  },
  bootstrap(app: StrapiApp) {
    addSchoolSettingsLink(app);
  },
};
