export const PLUGIN_ID = 'records-archive';

export const RETENTION_RULE_UID = 'plugin::records-archive.retention-rule';
