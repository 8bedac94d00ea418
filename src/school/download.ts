import type { Context } from 'koa';

/**
 * A file as a download that no cache keeps (pupils' personal data): the Russian name as RFC 6266
 * `filename*=UTF-8''…`, an ASCII `filename` for old clients, and the content type (PDF unless told).
 */
export const sendDownload = (
  ctx: Context,
  body: Buffer,
  { fileName, asciiName, type = 'application/pdf' }: { fileName: string; asciiName: string; type?: string },
): void => {
  ctx.set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = type;
  ctx.body = body;
};
