import { ConfigError, loadConfig } from '#server/config.ts';
import { createDb } from '#server/db/database.ts';
import { createBackup } from '#server/features/backups/backup.service.ts';

/**
 * `npm run db:backup`: a verified backup of the configured database into BACKUP_DIR, safe while
 * the server runs. Prints where it went and its checksum; exits 1 when it could not be made.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const db = createDb(config.database);
  try {
    const made = await createBackup(db, config, 'cli', null);
    console.info(`Backup verificado: ${config.backups.dir}/${made.name}`);
    console.info(`${made.sizeBytes} bytes, SHA-256 ${made.sha256}, esquema ${made.schemaVersion}`);
    console.info(
      Object.entries(made.counts)
        .map(([table, n]) => `${table}: ${n}`)
        .join(', '),
    );
  } catch (error) {
    console.error(`Não foi possível fazer o backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

void main();
