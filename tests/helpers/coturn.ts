import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { IN_CI } from './requirements';

export const TURNSERVER_PATH = process.env.TURNSERVER_PATH ?? '/usr/bin/turnserver';

/** True when coturn is installed; otherwise fails under CI or prints how to install it. */
export function coturnAvailable(): boolean {
  if (fs.existsSync(TURNSERVER_PATH) && spawnSync(TURNSERVER_PATH, ['--version']).status !== null) return true;
  const notice = `coturn not found at ${TURNSERVER_PATH}. Install it with: sudo apt-get install -y coturn`;
  if (IN_CI) throw new Error(notice);
  console.warn(`SKIPPING TURN relay test: ${notice}`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A private coturn on 127.0.0.1 using the TURN REST API scheme (use-auth-secret), as a clinic
 * would run it, with loopback peers allowed because both test browsers live on this machine.
 */
export async function startCoturn(): Promise<{ url: string; secret: string; stop: () => void }> {
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const minPort = 40_000 + Math.floor(Math.random() * 20_000);
  const proc: ChildProcess = spawn(
    TURNSERVER_PATH,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=medconnect.test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      `--min-port=${minPort}`,
      `--max-port=${minPort + 200}`,
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 5000;
  while (!/listener opened on|Total General servers/i.test(log)) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`coturn did not start:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `turn:127.0.0.1:${port}?transport=udp`, secret, stop: () => proc.kill('SIGTERM') };
}
