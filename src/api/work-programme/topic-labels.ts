import type { Core } from '@strapi/strapi';

/**
 * Russian labels of the thematic plan's fields in the content manager: `layouts.ts` describes record
 * types only, so the component is labelled here. A label changed by hand (any label other than the
 * attribute's own name, which is Strapi's default) is kept.
 */

export const PROGRAMME_TOPIC = 'school.programme-topic';
export const PROGRAMME_TOPIC_LABELS: Record<string, string> = { topic: 'Тема (раздел)', lessons: 'Уроков (часов)' };

interface ComponentsService {
  findComponent(uid: string): { uid: string } | undefined;
  findConfiguration(component: { uid: string }): Promise<{
    settings?: Record<string, unknown>;
    metadatas?: Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
    layouts?: Record<string, unknown>;
  }>;
  updateConfiguration(component: { uid: string }, configuration: Record<string, unknown>): Promise<unknown>;
}

export const labelProgrammeTopic = async (strapi: Core.Strapi): Promise<boolean> => {
  const service = strapi.plugin('content-manager')?.service('components') as ComponentsService | undefined;
  const component = service?.findComponent(PROGRAMME_TOPIC);
  if (!service || !component) return false;
  const current = await service.findConfiguration(component);
  const metadatas = { ...(current.metadatas ?? {}) };
  let changed = false;
  for (const [name, label] of Object.entries(PROGRAMME_TOPIC_LABELS)) {
    const meta = metadatas[name] ?? { edit: {}, list: {} };
    const generated = (value: unknown) => value === undefined || value === name;
    if (!generated(meta.edit?.label) && !generated(meta.list?.label)) continue;
    metadatas[name] = {
      edit: { ...meta.edit, ...(generated(meta.edit?.label) ? { label } : {}) },
      list: { ...meta.list, ...(generated(meta.list?.label) ? { label } : {}) },
    };
    changed = true;
  }
  if (!changed) return false;
  await service.updateConfiguration(component, {
    settings: { ...(current.settings ?? {}), mainField: 'topic' },
    metadatas,
    layouts: current.layouts ?? {},
  });
  return true;
};
