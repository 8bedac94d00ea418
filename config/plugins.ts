import type { Core } from '@strapi/strapi';
import { documentEveryContentApiRoute } from '../src/documentation/every-content-api-route';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      ratelimit: { enabled: env.bool('AUTH_RATELIMIT_ENABLED', true) },
      register: { allowedFields: [] },
    },
  },
  upload: {
    config: {
      provider: 'local',
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
    },
  },
  documentation: {
    // At every start outside production the plugin rewrites the OpenAPI file under src/extensions/
    // (50–250 ms); parallel test workers would all rewrite the same file, so in tests the plugin is
    // on only for the tests that ask for it (DOCUMENTATION_IN_TESTS=true, tests/api/openapi.test.ts).
    enabled: env('NODE_ENV') !== 'test' || env.bool('DOCUMENTATION_IN_TESTS', false),
    config: {
      info: {
        title: 'school-records API',
        version: '1.0.0',
        description:
          'REST API индивидуального учёта результатов освоения обучающимися образовательных программ: ' +
          'Положение (без входа), списки классов и предметов, журналы, отметки, посещаемость, электронный дневник. ' +
          'Вход: `Authorization: Bearer <API-токен или JWT из POST /auth/local>`. Персональные данные обучающихся ' +
          '(152-ФЗ) доступны только токену, которому администратор явно выдал эти действия.',
      },
      // Servers stay empty: the plugin then names `${server.url or host:port}/api` itself.
      'x-strapi-config': {
        plugins: ['users-permissions', 'upload'],
        mutateDocumentation: documentEveryContentApiRoute,
      },
    },
  },
  // E-mail notifications (src/notifications/): SMTP from env; without SMTP_HOST letters are queued, not sent.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 25),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS', '') } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      },
      settings: { defaultFrom: env('SMTP_FROM', 'school-records@localhost'), defaultReplyTo: env('SMTP_FROM', 'school-records@localhost') },
    },
  },
  'records-archive': {
    enabled: true,
    resolve: './src/plugins/records-archive',
  },
});

export default config;
