'use strict';
// Compiles the TypeScript app into dist/ once for the whole run and boots the template database that
// each test file copies (template-database.js); each test file then boots from dist.
// Several jest runs in one checkout (developers running files side by side) would rewrite dist/ under
// each other's feet, so a run holds a lock on the checkout from compile to teardown.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const LOCK_DIR = path.resolve(__dirname, '../../.tmp/test-run.lock');

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const acquireRunLock = async () => {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (let waited = 0; ; waited += 1) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8').trim() || 0);
      if (holder && !isAlive(holder)) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) console.log(`\nWaiting for another test run in this checkout (pid ${holder}) to finish…`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
};

module.exports = async () => {
  require('./env');
  await acquireRunLock();
  const { compileStrapi } = require('@strapi/strapi');
  const tmp = process.env.TEST_TMP_DIR;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(path.resolve(__dirname, '../../public/uploads'), { recursive: true });
  await compileStrapi({ appDir: path.resolve(__dirname, '../..'), ignoreDiagnostics: true });
  execFileSync(process.execPath, [path.join(__dirname, 'template-database.js')], { stdio: 'inherit' });
};

module.exports.LOCK_DIR = LOCK_DIR;
module.exports.acquireRunLock = acquireRunLock;
