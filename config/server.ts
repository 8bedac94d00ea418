import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy (README «Scaling out»): trust its X-Forwarded-For / X-Forwarded-Proto, so
  // that client addresses (auth rate limit, logs) and https (secure cookies) are the real ones.
  proxy: { koa: env.bool('BEHIND_PROXY', false) },
  app: {
    keys: env.array('APP_KEYS', []),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_MESSAGE', true) },
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});

export default config;
