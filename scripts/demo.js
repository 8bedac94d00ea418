#!/usr/bin/env node
'use strict';
/**
 * The one-command demo (`npm ci && npm run demo`):
 *   1. creates .env with fresh secrets if there is none, and the upload and database folders;
 *   2. builds the admin panel (`strapi build`; skip with --skip-build);
 *   3. fills the database with the demo school (scripts/seed.js; --students, --seed, --reset pass through);
 *   4. starts Strapi (`strapi start`) and, once it answers on /_health, prints where to log in.
 * Ctrl+C stops the server.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { ensureEnv } = require('./ensure-env');

const APP_DIR = path.resolve(__dirname, '..');
const IS_WINDOWS = process.platform === 'win32';
const NPX = IS_WINDOWS ? 'npx.cmd' : 'npx';
const HEALTH_TIMEOUT_MS = 180000;

/** Values from .env (without touching process.env; the real environment wins, as in Strapi). */
const readEnvFile = (file) => {
  const values = {};
  if (!fs.existsSync(file)) return values;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]] = value;
  }
  return values;
};

const run = (command, args) => {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: APP_DIR, stdio: 'inherit', env: process.env, shell: IS_WINDOWS });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
};

const healthy = (port) =>
  new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });

const box = (lines) => {
  const width = Math.max(...lines.map((line) => line.length));
  const border = '─'.repeat(width + 2);
  return [`┌${border}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${border}┘`].join('\n');
};

const main = () => {
  const args = process.argv.slice(2);
  const skipBuild = args.includes('--skip-build');
  const seedArgs = args.filter((arg) => arg !== '--skip-build');
  process.env.STRAPI_TELEMETRY_DISABLED = process.env.STRAPI_TELEMETRY_DISABLED || 'true';

  const env = ensureEnv(APP_DIR);
  if (env.created) console.log(`Created ${path.relative(APP_DIR, env.file)} with new secrets.`);
  fs.mkdirSync(path.join(APP_DIR, 'public', 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  const settings = { ...readEnvFile(env.file), ...process.env };
  const port = Number(settings.PORT || 1337);
  const adminEmail = settings.ADMIN_EMAIL || 'admin@school.local';
  const adminPassword = settings.ADMIN_PASSWORD || 'Admin-2025!';
  const demoPassword = settings.DEMO_PASSWORD || 'Demo-2025!';

  if (!skipBuild) run(NPX, ['strapi', 'build']);
  run(process.execPath, [path.join(__dirname, 'seed.js'), ...seedArgs]);

  console.log('\n> npx strapi start');
  // On POSIX the server runs in its own process group: npx → sh → node do not pass signals on, so
  // SIGINT/SIGTERM are forwarded to the whole group (and Ctrl+C reaches the server only once).
  const server = spawn(NPX, ['strapi', 'start'], {
    cwd: APP_DIR,
    stdio: 'inherit',
    env: process.env,
    shell: IS_WINDOWS,
    detached: !IS_WINDOWS,
  });
  const running = () => server.exitCode === null && server.signalCode === null;
  const forward = (signal) => {
    if (!running()) return;
    try {
      if (IS_WINDOWS) server.kill(signal);
      else process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      forward(signal);
    });
  }
  process.on('exit', () => forward('SIGTERM'));
  server.on('error', (error) => {
    console.error(`Could not start Strapi: ${error.message}`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => process.exit(code ?? (stopping || signal ? 0 : 1)));

  const started = Date.now();
  const poll = async () => {
    if (server.exitCode !== null || stopping) return;
    if (await healthy(port)) {
      const base = `http://localhost:${port}`;
      console.log(
        `\n${box([
          'Демо-школа запущена',
          '',
          `Админ-панель: ${base}/admin`,
          `  логин:  ${adminEmail}`,
          `  пароль: ${adminPassword}  (если администратора создал seed)`,
          `  учитель: teacher1@school.local, завуч: deputy@school.local,`,
          `  архивариус: archivist@school.local, секретарь: secretary@school.local — пароль ${demoPassword}`,
          '',
          `REST API: ${base}/api`,
          `  вход:   POST ${base}/api/auth/local`,
          `          {"identifier": "teacher1", "password": "${demoPassword}"}`,
          '  учётки: teacher1, classteacher1, deputy, director,',
          '          secretary, archivist, methodologist',
          `  пароль: ${demoPassword}  (он же у сотрудников школы: ivanova.ma …)`,
          `  пример: GET ${base}/api/marks?filters[kind][$eq]=periodic`,
          '          с заголовком Authorization: Bearer <jwt>',
          '',
          'Остановить: Ctrl+C',
        ])}\n`,
      );
      return;
    }
    if (Date.now() - started > HEALTH_TIMEOUT_MS) {
      console.error(
        `\nStrapi does not answer on http://localhost:${port}/_health after ${HEALTH_TIMEOUT_MS / 1000} s; still waiting for the process.`,
      );
      return;
    }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 1000);
};

main();
