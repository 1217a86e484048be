import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, buildServer } from '#scripts/build-server.ts';

/**
 * `npm start` runs the server compiled by scripts/build-server.ts, not through tsx as every other
 * test does: this builds it as `npm run build` would and starts it as `npm start` does.
 */
describe('the compiled server that npm start runs', () => {
  it('is started by package.json with the flags the benchmarks use', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`npm run build && node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.mjs`);
    expect(pkg.scripts.build).toContain('scripts/build-server.ts');
  });

  it('migrates, creates the first admin, answers, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-compiled-'));
    // Inside the repository, so the bundle's package imports resolve from node_modules.
    fs.mkdirSync('dist', { recursive: true });
    const outDir = fs.mkdtempSync(path.join('dist', 'test-server-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      const entry = await buildServer('src/server/main.ts', path.join(outDir, 'main.mjs'));
      child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
          ADMIN_PASSWORD: 'senha-de-teste-123',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const running = child;
      const exited = new Promise<number | null>((resolve) => running.on('exit', resolve));
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (d: Buffer) => {
          out += d.toString();
          // The first admin's lines come after the address, maybe in a later chunk.
          const match = /MedConnect is running at (http:\/\/localhost:\d+)/.exec(out);
          if (match && out.includes('First admin created')) resolve(match[1]!);
        };
        running.stdout?.on('data', onData);
        running.stderr?.on('data', onData);
        void exited.then((code) => reject(new Error(`exited (${code}) before listening:\n${out}`)));
      });
      expect(out).toContain('First admin created');

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const me = await fetch(`${url}/api/auth/me`);
      expect(me.status).toBe(401);
      expect(((await me.json()) as { error: { code: string } }).error.code).toBeTruthy();

      running.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
