'use strict';
// The browser tests run against dist/ as `strapi build` left it (server and admin panel): no
// recompilation here, which would race with the build. They take the checkout's test-run lock and
// boot the template database each browser test file copies (template-database.js).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { acquireRunLock } = require('./global-setup');

const APP_DIR = path.resolve(__dirname, '../..');

module.exports = async () => {
  require('./env');
  await acquireRunLock();
  const adminIndex = path.join(APP_DIR, 'dist/build/index.html');
  if (!fs.existsSync(adminIndex)) {
    throw new Error(`No built admin panel at ${adminIndex}: run the browser tests with \`npm run test:browser\`, which builds first`);
  }
  const tmp = process.env.TEST_TMP_DIR;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(path.join(APP_DIR, 'public/uploads'), { recursive: true });
  execFileSync(process.execPath, [path.join(__dirname, 'template-database.js')], { stdio: 'inherit' });
};
