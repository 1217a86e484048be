import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A file to download: its name, type and the body, streamed as it is written. */
export type Download = { fileName: string; contentType: string; body: Readable };

/** Sends a file as an attachment, the name in plain ASCII and in RFC 5987 form. */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.body);
}
