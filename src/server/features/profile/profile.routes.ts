import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meSchema } from '#shared/schemas/auth.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import { AppError, badRequest } from '#server/errors.ts';
import { actorOf } from '#server/plugins/actor.ts';
import { MAX_PHOTO_BYTES } from './image';
import { readPhoto, removeOwnPhoto, setOwnPhoto, updateOwnProfile } from './profile.service';

/** The caller's own profile and photo; other people's photos. */
export async function profileRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = { access: 'update:profile:own' } as const;

  // The body's shape depends on the caller's role, so the service validates it against that role's schema.
  r.patch('/api/me/profile', { config: own, schema: { body: z.record(z.string(), z.unknown()), response: { 200: meSchema } } }, async (req) =>
    updateOwnProfile(app.db, actorOf(req), req.body),
  );

  r.put('/api/me/photo', { config: own, schema: { response: { 200: meSchema } } }, async (req) => {
    if (!req.isMultipart()) throw badRequest('invalid_upload', 'Envie a foto como arquivo.');
    let data: Buffer;
    try {
      const file = await req.file();
      if (!file) throw badRequest('invalid_upload', 'Escolha uma foto para enviar.');
      data = await file.toBuffer();
      // The parser can end a too-large file without raising its limit error (when the limit falls
      // on the last chunk): the stream's flag is what tells.
      if (file.file.truncated) throw new AppError('image_too_large', 413, 'A foto pode ter no máximo 5 MB.');
    } catch (error) {
      // The multipart parser reports a malformed body (no boundary, cut short) as a plain Error: the sender's fault.
      if (error instanceof Error && !(error instanceof AppError) && !('statusCode' in error)) {
        throw badRequest('invalid_upload', 'O envio da foto chegou incompleto ou malformado. Tente de novo.');
      }
      throw error;
    }
    return setOwnPhoto(app.db, actorOf(req), data);
  });

  r.delete('/api/me/photo', { config: own, schema: { response: { 200: meSchema } } }, async (req) => removeOwnPhoto(app.db, actorOf(req)));

  r.get('/api/users/:id/photo', { config: { access: 'read:photo:related' }, schema: { params: idParamSchema } }, async (req, reply) => {
    const photo = await readPhoto(app.db, actorOf(req).user, req.params.id);
    // Like every /api answer, Cache-Control: no-store: a face is personal data on a shared computer.
    return reply.type(photo.mime).send(Buffer.from(photo.data));
  });
}
