import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAdmin } from '#tests/helpers/factories.ts';
import { type Config, loadConfig } from '#server/config.ts';
import { type Db, createDb } from '#server/db/database.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { holdServerLock } from '#server/lib/server-lock.ts';
import { sha256OfFile } from './backup-files';
import { createBackup } from './backup.service';
import { RestoreRefused, restoreBackup } from './restore.service';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-restore-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function configFor(database: Config['database'], dataDir: string): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
    database,
    backups: { dir: path.join(dataDir, 'backups'), daily: false, keep: 14 },
  };
}

const userCount = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A copy of a backup under another (valid) name, with a manifest changed by `edit` and the file by `mangle`. */
async function forged(
  config: Config,
  name: string,
  suffix: string,
  edit: (m: Record<string, unknown>) => void,
  mangle?: (bytes: Buffer) => Buffer,
): Promise<string> {
  const source = path.join(config.backups.dir, name);
  const target = path.join(config.backups.dir, name.replace(/-[0-9a-f]{6}\./, `-${suffix}.`));
  const bytes = mangle ? mangle(fs.readFileSync(source)) : fs.readFileSync(source);
  fs.writeFileSync(target, bytes);
  const manifest = JSON.parse(fs.readFileSync(`${source}.json`, 'utf8')) as Record<string, unknown>;
  manifest.name = path.basename(target);
  edit(manifest);
  fs.writeFileSync(`${target}.json`, JSON.stringify(manifest));
  return target;
}

describe('npm run db:restore on SQLite', () => {
  it('refuses while the server runs, and any file that is not a whole, known backup; then restores and keeps the old database aside', async () => {
    const dataDir = path.join(root, 'sqlite');
    const config = configFor({ kind: 'sqlite', file: path.join(dataDir, 'medconnect.sqlite') }, dataDir);
    const db = createDb(config.database);
    await migrateToLatest(db);
    await createAdmin(db, { name: 'Admin Antes' });
    const backup = await createBackup(db, config, 'cli', null);
    await createAdmin(db, { name: 'Admin Depois' });
    expect(await userCount(db)).toBe(2);
    await db.destroy();

    const release = holdServerLock(dataDir);
    await expect(restoreBackup(config, backup.name)).rejects.toThrow(/O servidor está rodando/);
    release();

    const flipped = await forged(
      config,
      backup.name,
      'aaaaaa',
      () => undefined,
      (b) => {
        b[b.length - 100] = b[b.length - 100]! ^ 0xff;
        return b;
      },
    );
    await expect(restoreBackup(config, flipped)).rejects.toThrow(/SHA-256 do arquivo não confere/);

    const foreignFile = path.join(config.backups.dir, backup.name.replace(/-[0-9a-f]{6}\./, '-bbbbbb.'));
    fs.writeFileSync(foreignFile, Buffer.from('isto não é um banco de dados'.repeat(100)));
    fs.writeFileSync(`${foreignFile}.json`, JSON.stringify({ ...backup, name: path.basename(foreignFile), sha256: await sha256OfFile(foreignFile) }));
    await expect(restoreBackup(config, foreignFile)).rejects.toThrow(/não é um banco SQLite íntegro/);

    const newer = await forged(config, backup.name, 'cccccc', (m) => {
      m.schemaVersion = '2099-01-01T00-00-from-the-future';
    });
    await expect(restoreBackup(config, newer)).rejects.toThrow(/esta versão do MedConnect não conhece/);
    const otherKind = await forged(config, backup.name, 'dddddd', (m) => {
      m.kind = 'postgres';
    });
    await expect(restoreBackup(config, otherKind)).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup(config, path.join(root, 'nada.sqlite'))).rejects.toThrow(/Arquivo não encontrado/);

    // Nothing was touched by the refusals.
    const still = createDb(config.database);
    expect(await userCount(still)).toBe(2);
    await still.destroy();

    const { replacedBy } = await restoreBackup(config, backup.name);
    const restored = createDb(config.database);
    expect((await restored.selectFrom('users').select('name').execute()).map((u) => u.name)).toEqual(['Admin Antes']);
    await restored.destroy();
    const aside = createDb({ kind: 'sqlite', file: replacedBy! });
    expect(await userCount(aside)).toBe(2);
    await aside.destroy();
  });
});

const template = inject('dbTemplate');

describe.runIf(template.kind === 'postgres')('npm run db:restore on PostgreSQL', () => {
  it('refuses while a MedConnect connection is open; restores into a fresh database and keeps the old one renamed', async () => {
    if (template.kind !== 'postgres') return;
    const name = `mc_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const maintenance = new pg.Client({ connectionString: template.url });
    await maintenance.connect();
    await maintenance.query(`create database ${name} template ${template.name}`);
    const url = new URL(template.url);
    url.pathname = `/${name}`;
    const dataDir = path.join(root, 'pg');
    const config = configFor({ kind: 'postgres', url: url.toString() }, dataDir);
    let aside: string | null = null;
    try {
      const db = createDb(config.database);
      await createAdmin(db, { name: 'Admin Antes' });
      const backup = await createBackup(db, config, 'cli', null);
      await createAdmin(db, { name: 'Admin Depois' });
      await expect(restoreBackup(config, backup.name)).rejects.toThrow(/conexões do MedConnect abertas/);
      await db.destroy();

      aside = (await restoreBackup(config, backup.name)).replacedBy;
      const restored = createDb(config.database);
      expect((await restored.selectFrom('users').select('name').execute()).map((u) => u.name)).toEqual(['Admin Antes']);
      await restored.destroy();
      const old = await maintenance.query('select 1 from pg_database where datname = $1', [aside]);
      expect(old.rowCount).toBe(1);
    } finally {
      await maintenance.query(`drop database if exists ${name} with (force)`);
      if (aside) await maintenance.query(`drop database if exists "${aside}" with (force)`);
      await maintenance.end();
    }
  });
});
