import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { configurePlainZodMessages } from '#shared/zod-messages.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import type { ApiError as Body } from '#shared/schemas/common.ts';
import { AppError } from '#server/errors.ts';

// Fastify's own 4xx errors, in the words a person understands.
const KNOWN: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Os dados enviados não estão num formato válido.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'Os dados enviados estão vazios.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Os dados enviados são grandes demais.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Formato de envio não aceito.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_body', message: 'Os dados enviados estão incompletos.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'image_too_large', message: 'A foto pode ter no máximo 5 MB.' },
  FST_FILES_LIMIT: { status: 400, code: 'too_many_files', message: 'Envie uma foto por vez.' },
  FST_PARTS_LIMIT: { status: 400, code: 'invalid_upload', message: 'Envie só a foto, sem outros campos.' },
  FST_FIELDS_LIMIT: { status: 400, code: 'invalid_upload', message: 'Envie só a foto, sem outros campos.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, code: 'invalid_upload', message: 'Envie a foto como arquivo.' },
};

/** One error shape for every failure; 5xx details stay in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  // Zod's own messages (for fields whose schema names none) in plain Portuguese, like the forms'.
  configurePlainZodMessages();
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    let status = 500;
    let body: Body = { error: { code: 'internal_error', message: 'Algo deu errado do nosso lado. Tente de novo em instantes.' } };

    if (error instanceof AppError) {
      status = error.status;
      body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const key = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
        fields[key] ??= v.message ?? 'Valor inválido.';
      }
      body = { error: { code: 'validation_error', message: 'Confira os campos destacados.', fields } };
    } else if ('code' in error && typeof error.code === 'string' && KNOWN[error.code]) {
      const known = KNOWN[error.code]!;
      status = known.status;
      body = { error: { code: known.code, message: known.message } };
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: { code: 'bad_request', message: 'Não foi possível entender o pedido.' } };
    }

    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request refused');
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({ error: { code: 'not_found', message: 'Página ou recurso não encontrado.' } });
  });
}
