import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('an error nothing caught', () => {
  it('is logged as fatal and ends the process with status 1, for the supervisor to restart it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-crash-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/fixtures/crash-after-start.ts', 'src/server/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ADMIN_PASSWORD: 'senha-de-teste-123' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('MedConnect is running at') && !crashed) {
          crashed = true;
          child?.kill('SIGUSR2');
        }
      };
      let crashed = false;
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      const running = child;
      const code = await new Promise<number | null>((resolve) => running.on('exit', resolve));
      expect(out).toContain('MedConnect is running at');
      const fatal = out.split('\n').find((l) => l.includes('"level":60'));
      expect(fatal, out).toBeDefined();
      expect(fatal).toContain('boom: a bug nobody caught');
      expect(fatal).toContain('uncaught exception: exiting');
      expect(code).toBe(1);
    } finally {
      // A server that never crashed (or never started) must not outlive the test.
      if (child && child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
