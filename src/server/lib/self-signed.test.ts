import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { createTestDatabase } from '#tests/helpers/test-db.ts';
import { selfSignedCertificate } from './self-signed';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-tls-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function get(url: string): Promise<{ status: number; body: string; hsts: string | undefined }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, hsts: res.headers['strict-transport-security'] as string | undefined }));
      })
      .on('error', reject);
  });
}

describe('LAN trial over HTTPS', () => {
  it('creates a self-signed certificate once, keeps it, and serves HTTPS with it', async () => {
    const first = await selfSignedCertificate(dir);
    expect(first.cert).toContain('BEGIN CERTIFICATE');
    expect(fs.statSync(path.join(dir, 'tls', 'key.pem')).mode & 0o077).toBe(0);
    expect((await selfSignedCertificate(dir)).cert).toBe(first.cert);

    const { db, database, drop } = await createTestDatabase();
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HTTPS: '1', DATA_DIR: dir }), database };
    const app = await buildApp(config, { db, logger: false, https: first });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      expect(url.startsWith('https://')).toBe(true);
      const res = await get(`${url}/healthz`);
      expect(res).toMatchObject({ status: 200, body: '{"status":"ok"}' });
      expect(res.hsts).toBeDefined();
    } finally {
      await app.close();
      await drop();
    }
  });
});
