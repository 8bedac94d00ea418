'use strict';
// Every test process runs with throw-away secrets, no cron, no auth rate limit and a quiet logger.
const path = require('path');

Object.assign(process.env, {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
  CRON_ENABLED: 'false',
  AUTH_RATELIMIT_ENABLED: 'false',
  STARTUP_MESSAGE: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL || 'error',
  DATABASE_CLIENT: process.env.DATABASE_CLIENT || 'sqlite',
});
process.env.TEST_TMP_DIR = path.resolve(__dirname, '../../.tmp/test');
// The database every API test file starts from a copy of (see template-database.js).
process.env.TEST_TEMPLATE_DATABASE =
  process.env.DATABASE_CLIENT === 'postgres' ? 'test_template' : path.join(process.env.TEST_TMP_DIR, 'template.db');
