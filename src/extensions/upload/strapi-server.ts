import { errors } from '@strapi/utils';

/**
 * The school's addition to the upload plugin: `POST /api/upload` refuses a `fileInfo` that is not
 * JSON with a 400. The plugin parses it with a bare `JSON.parse`, so a malformed one was a 500.
 */

type Ctx = { request: { body?: unknown } };
type Action = (this: Controller, ctx: Ctx, next?: () => Promise<unknown>) => Promise<unknown>;
type Controller = Record<string, Action>;
type ControllerEntry = Controller | ((deps: { strapi: unknown }) => Controller);

interface UploadPlugin {
  controllers: Record<string, ControllerEntry>;
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const refuseMalformedFileInfo = (body: unknown): void => {
  const fileInfo = body && typeof body === 'object' ? (body as { fileInfo?: unknown }).fileInfo : undefined;
  const texts = (Array.isArray(fileInfo) ? fileInfo : [fileInfo]).filter((item): item is string => typeof item === 'string');
  if (texts.every(isJson)) return;
  const message = 'fileInfo: ожидается JSON, например {"name": "скан.pdf", "caption": "Приказ № 12"}';
  throw new errors.ValidationError(message, { errors: [{ path: ['fileInfo'], message, name: 'ValidationError' }] });
};

export default (plugin: UploadPlugin): UploadPlugin => {
  const entry = plugin.controllers['content-api'];
  const wrap = (controller: Controller): Controller => {
    const original = controller.upload;
    if (typeof original !== 'function') return controller;
    return {
      ...controller,
      // `this` stays the controller: the plugin's action calls its siblings through it.
      async upload(this: Controller, ctx, next) {
        refuseMalformedFileInfo(ctx.request.body);
        return original.call(this, ctx, next);
      },
    };
  };
  plugin.controllers['content-api'] = typeof entry === 'function' ? (deps) => wrap(entry(deps)) : wrap(entry);
  return plugin;
};
