import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { backupListSchema, backupNameParamSchema, backupSchema } from '#shared/schemas/backups.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { createBackup, deleteBackup, downloadBackup, listBackups } from './backup.service';

/** The admin's "Backups": list, make one now, download, delete. */
export async function backupsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: 'manage:backups:any' } as const;
  const who = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    return { id: actor.user.id, name: actor.user.name, ip: actor.ip };
  };

  r.get('/api/backups', { config: admin, schema: { response: { 200: backupListSchema } } }, async () => ({
    items: await listBackups(app.config),
    daily: app.config.backups.daily,
    keep: app.config.backups.keep,
  }));
  r.post('/api/backups', { config: admin, schema: { response: { 201: backupSchema } } }, async (req, reply) => {
    const made = await createBackup(app.db, app.config, 'manual', who(req));
    reply.status(201);
    return made;
  });
  // No automatic HEAD: it would run the handler and audit a download that never happens.
  r.get('/api/backups/:name/download', { exposeHeadRoute: false, config: admin, schema: { params: backupNameParamSchema } }, async (req, reply) => {
    const { file, manifest } = await downloadBackup(app.db, app.config, req.params.name, who(req));
    reply.header('content-type', 'application/octet-stream');
    reply.header('content-length', String(manifest.sizeBytes));
    reply.header('content-disposition', `attachment; filename="${manifest.name}"`);
    reply.header('x-backup-sha256', manifest.sha256);
    return reply.send(fs.createReadStream(file));
  });
  r.delete('/api/backups/:name', { config: admin, schema: { params: backupNameParamSchema } }, async (req, reply) => {
    await deleteBackup(app.db, app.config, req.params.name, who(req));
    return reply.status(204).send();
  });
}
