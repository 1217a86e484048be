import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Config } from '#server/config.ts';
import { APP_NAME } from '#server/db/database.ts';
import { MIGRATION_NAMES } from '#server/db/migrate.ts';
import { runningServerPid } from '#server/lib/server-lock.ts';
import { type BackupManifest, backupManifestSchema, isBackupName, sha256OfFile } from './backup-files';
import { verifySqliteCopy } from './sqlite-backup';

const run = promisify(execFile);

/** A restore that must not go on, with the reason in plain words. */
export class RestoreRefused extends Error {}

/** The backup a name (in BACKUP_DIR) or a path points at, with its manifest, checked against the file. */
export async function checkBackup(config: Config, target: string): Promise<{ file: string; manifest: BackupManifest }> {
  const file = isBackupName(target) ? path.join(config.backups.dir, target) : path.resolve(target);
  if (!fs.existsSync(file)) throw new RestoreRefused(`Arquivo não encontrado: ${file}`);
  let manifest: BackupManifest;
  try {
    manifest = backupManifestSchema.parse(JSON.parse(await fs.promises.readFile(`${file}.json`, 'utf8')));
  } catch {
    throw new RestoreRefused(`Sem manifesto válido (${path.basename(file)}.json): este arquivo não é um backup do MedConnect.`);
  }
  if ((await sha256OfFile(file)) !== manifest.sha256)
    throw new RestoreRefused('O SHA-256 do arquivo não confere com o do manifesto: o backup está corrompido ou foi alterado.');
  if (manifest.kind !== config.database.kind) {
    throw new RestoreRefused(
      `Este backup é de ${manifest.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, e o banco configurado é ${config.database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}.`,
    );
  }
  if (!MIGRATION_NAMES.includes(manifest.schemaVersion)) {
    throw new RestoreRefused(
      `O backup tem o esquema ${manifest.schemaVersion}, que esta versão do MedConnect não conhece: atualize o MedConnect antes de restaurar.`,
    );
  }
  return { file, manifest };
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/**
 * Puts a backup in place of the configured database. Refuses while a server runs on it, and
 * before touching anything unless the file is whole (checksum, schema, integrity). The database
 * it replaces is kept aside (SQLite: renamed beside it; PostgreSQL: the database renamed), and
 * its name returned. The next start migrates the restored database if it is older.
 */
export async function restoreBackup(config: Config, target: string): Promise<{ manifest: BackupManifest; replacedBy: string | null }> {
  const { file, manifest } = await checkBackup(config, target);
  if (config.database.kind === 'sqlite') {
    const pid = runningServerPid(config.dataDir);
    if (pid !== null) throw new RestoreRefused(`O servidor está rodando (processo ${pid}) com este banco. Pare o servidor e rode a restauração de novo.`);
    try {
      verifySqliteCopy(file);
    } catch (error) {
      throw new RestoreRefused(`O arquivo não é um banco SQLite íntegro do MedConnect: ${(error as Error).message}`);
    }
    const live = config.database.file;
    let aside: string | null = null;
    if (fs.existsSync(live)) {
      aside = `${live}.replaced-${stamp()}`;
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(live + suffix)) await fs.promises.rename(live + suffix, aside + suffix);
      await fs.promises.rename(live, aside);
    }
    await fs.promises.mkdir(path.dirname(live), { recursive: true });
    await fs.promises.copyFile(file, `${live}.restoring`);
    await fs.promises.rename(`${live}.restoring`, live);
    return { manifest, replacedBy: aside };
  }
  return { manifest, replacedBy: await restorePostgres(config.database.url, file) };
}

/** pg_restore into a fresh database of the configured name; the old one is renamed aside, and put back if the restore fails. */
async function restorePostgres(url: string, file: string): Promise<string> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  try {
    const others = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = $2', [name, APP_NAME]);
    if (others.rows[0].n > 0)
      throw new RestoreRefused(`Há ${others.rows[0].n} conexões do MedConnect abertas neste banco: pare todos os servidores e rode a restauração de novo.`);
    const aside = `${name}_replaced_${stamp().replace(/-/g, '')}`.slice(0, 63);
    await client.query(`alter database ${ident(name)} rename to ${ident(aside)}`);
    await client.query(`create database ${ident(name)}`);
    try {
      await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file], { maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      await client.query(`drop database if exists ${ident(name)}`);
      await client.query(`alter database ${ident(aside)} rename to ${ident(name)}`);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new RestoreRefused('O programa pg_restore não está instalado. Instale o pacote postgresql-client.');
      throw new RestoreRefused(`O pg_restore falhou; o banco anterior foi mantido: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    }
    return aside;
  } finally {
    await client.end();
  }
}
