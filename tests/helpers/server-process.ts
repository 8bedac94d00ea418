import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';

const APP_DIR = path.resolve(__dirname, '../..');
const STRAPI_BIN = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/** A port nobody listens on right now: the kernel picks it, the probe gives it back. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** The last lines the server wrote, for failure messages. */
  output: () => string;
}

const running = new Set<ChildProcess>();

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Starts `strapi start` (the compiled dist/) as a child process on a loopback port and waits until
 * it answers on /_health. `env` adds to this process's environment (the tests' secrets, no cron,
 * no auth rate limit), e.g. the database to open.
 */
export const startServer = async (env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: APP_DIR,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: ServerProcess = { child, port, url: `http://127.0.0.1:${port}`, output: () => output };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited while starting:\n${output}`);
    const healthy = await fetch(`${server.url}/_health`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await killServer(server);
  throw new Error(`The server did not answer on /_health within ${timeoutMs} ms:\n${output}`);
};

/** kill -9: no shutdown hook, no flush, no goodbye. */
export const killServer = async (server: ServerProcess | undefined): Promise<void> => {
  if (!server) return;
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await exited(server.child);
};

/** A regular stop (SIGTERM), and kill -9 if it takes longer than a few seconds. */
export const stopServer = async (server: ServerProcess | undefined, graceMs = 5_000): Promise<void> => {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await exited(server.child);
  clearTimeout(timer);
};

/** For afterAll: kills every server this test file started and has not stopped yet. */
export const killAllServers = async (): Promise<void> => {
  await Promise.all(
    [...running].map(async (child) => {
      child.kill('SIGKILL');
      await exited(child);
    }),
  );
};
