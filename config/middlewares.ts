import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'global::must-change-password',
  'strapi::session',
  'strapi::favicon',
  'global::private-uploads',
  'strapi::public',
];

export default config;
