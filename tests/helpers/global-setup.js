'use strict';
// Compiles the TypeScript app into dist/ once for the whole run; each test file then boots from dist.
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  require('./env');
  const { compileStrapi } = require('@strapi/strapi');
  const tmp = process.env.TEST_TMP_DIR;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(path.resolve(__dirname, '../../public/uploads'), { recursive: true });
  await compileStrapi({ appDir: path.resolve(__dirname, '../..'), ignoreDiagnostics: true });
};
