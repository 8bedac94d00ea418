import { winston, formats } from '@strapi/logger';

/** Strapi's console logger, with the level from LOG_LEVEL (tests run with `error`). */
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: winston.format.combine(
        formats.levelFilter(process.env.LOG_LEVEL ?? 'http'),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }),
      ),
    }),
  ],
};
