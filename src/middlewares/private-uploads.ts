import type { Core } from '@strapi/strapi';
import { fileOfUploadPath, isPrivateFile } from '../school/private-uploads';

/**
 * `global::private-uploads`, before `strapi::public`: the public URL of a private upload (a pupil's
 * admission documents, `src/school/private-uploads.ts`) answers 404 as if there were no such file;
 * every other static file is served as before.
 */
interface KoaLike {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: KoaLike, next: () => Promise<unknown>) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/uploads/')) {
      const file = await fileOfUploadPath(strapi, ctx.path);
      if (file && (await isPrivateFile(strapi, file.id))) {
        ctx.status = 404;
        ctx.body = 'Not Found';
        return undefined;
      }
    }
    return next();
  };
