import { ConfigError, loadConfig } from '#server/config.ts';
import { RestoreRefused, restoreBackup } from '#server/features/backups/restore.service.ts';

/**
 * `npm run db:restore -- <backup file or name>`: restores a backup over the configured database,
 * with the server stopped. Checks the checksum and schema first; keeps the replaced database aside.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('Uso: npm run db:restore -- <arquivo do backup ou nome em BACKUP_DIR>');
    process.exit(2);
  }
  try {
    const config = loadConfig();
    const { manifest, replacedBy } = await restoreBackup(config, target);
    console.info(`Restaurado: ${manifest.name} (de ${manifest.createdAt}, esquema ${manifest.schemaVersion}).`);
    if (replacedBy) console.info(`O banco anterior foi guardado como ${replacedBy}.`);
    console.info('Inicie o servidor: ele atualiza o esquema se o backup for de uma versão anterior.');
  } catch (error) {
    if (error instanceof RestoreRefused || error instanceof ConfigError) {
      console.error(`Restauração recusada: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
