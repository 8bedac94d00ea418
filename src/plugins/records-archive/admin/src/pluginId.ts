export const PLUGIN_ID = 'records-archive';

/** A translation key of the plugin: the flat keys of translations/*.json are prefixed with the plugin id at registration. */
export const getTranslation = (id: string): string => `${PLUGIN_ID}.${id}`;
