'use strict';
/**
 * Creates `.env` with fresh random secrets on first run. Nothing secret is committed: `.env` is
 * ignored by git, and an existing file is never overwritten.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const secret = () => crypto.randomBytes(24).toString('base64');

const ensureEnv = (appDir = path.resolve(__dirname, '..')) => {
  const file = path.join(appDir, '.env');
  if (fs.existsSync(file)) return { file, created: false };
  const lines = [
    '# Generated on first run by scripts/ensure-env.js. Keep it secret; do not commit.',
    'HOST=0.0.0.0',
    'PORT=1337',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'STRAPI_TELEMETRY_DISABLED=true',
    'DATABASE_CLIENT=sqlite',
    'DATABASE_FILENAME=.tmp/data.db',
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return { file, created: true };
};

module.exports = { ensureEnv };

if (require.main === module) {
  const { file, created } = ensureEnv();
  console.log(created ? `Created ${file} with new secrets.` : `${file} already exists; left as it is.`);
}
