import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  ADMIN_LAYOUTS,
  ADMIN_LAYOUTS_VERSION,
  COMPONENT_LAYOUTS,
  PLUGIN_LAYOUTS,
  SYSTEM_LABELS,
  mainFieldOf,
  type TypeLayout,
} from './layouts';

/**
 * Writes `layouts.ts` into the content manager's configuration (core store keys
 * `plugin_content_manager_configuration_content_types::<uid>`) at bootstrap, idempotently.
 *
 * Whose configuration wins: ours is written for a type when its stored configuration is still
 * Strapi's generated default (every field label equals the attribute name) or is exactly what an
 * earlier version of ours wrote (a fingerprint of what we wrote is kept in the core store, key
 * `school_records_admin_layouts`, with the version of `layouts.ts`). Once someone changes a type's
 * layout in *Content Manager → Configure the view*, that type is left alone, and the log says so.
 * Fields added to a schema later do not count as a user change.
 */

const MARKER_KEY = 'admin_layouts';
const MAX_ROW = 12;

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface LayoutCell {
  name: string;
  size: number;
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: LayoutCell[][] };
}

interface ContentManagerModel {
  uid: string;
  attributes: Record<string, { type: string; targetModel?: string }>;
}

interface Written {
  /** The attributes of the type when we wrote it: later fields do not count as changes. */
  fields: string[];
  fingerprint: string;
  /** 2: `id` counted by its labels only. Written before it (none): `id` counted whole. */
  scheme?: 2;
}

interface Marker {
  version: number;
  written: Record<string, Written>;
  /** Types (and components) left as changed by hand at this version: settled until the next one. */
  kept?: string[];
}

export interface ApplyReport {
  applied: string[];
  /** Types whose configuration was changed by hand and was therefore left as it is. */
  keptUserChanges: string[];
}

const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
};

/**
 * The metadata of a field as the fingerprint sees it. Of `id` only its labels: the content manager
 * itself turns sorting and searching by a component's `id` off at every boot, which is no one's change.
 */
const watchedMetadata = (field: string, meta: Metadata | undefined, wholeId: boolean): unknown =>
  field === 'id' && meta && !wholeId
    ? { edit: { label: meta.edit?.label ?? null }, list: { label: meta.list?.label ?? null } }
    : (meta ?? null);

/**
 * What of a stored configuration we own: our settings, and metadata and layout of the given fields.
 * `wholeId` reads a fingerprint written before scheme 2.
 */
export const fingerprintOf = (config: Configuration, fields: string[], { wholeId = false } = {}): string => {
  const known = new Set(fields);
  const owned = {
    settings: ['mainField', 'defaultSortBy', 'defaultSortOrder', 'pageSize'].map((key) => config.settings?.[key] ?? null),
    metadatas: fields.map((field) => watchedMetadata(field, config.metadatas?.[field], wholeId)),
    list: (config.layouts?.list ?? []).filter((field) => known.has(field)),
    edit: (config.layouts?.edit ?? []).map((row) => row.filter((cell) => known.has(cell.name))).filter((row) => row.length > 0),
  };
  return createHash('sha256').update(stableJson(owned)).digest('hex');
};

/**
 * The fields whose metadata we write and watch. Not `documentId`: the content manager answers a
 * fixed metadata for it and drops the stored one when the view is saved.
 */
const ownedFields = (model: ContentManagerModel): string[] => Object.keys(model.attributes).filter((name) => name !== 'documentId');

/** Strapi's generated configuration labels every field with its attribute name. */
export const isGeneratedDefault = (config: Configuration, model: ContentManagerModel): boolean =>
  Object.keys(model.attributes).every((name) => {
    const meta = config.metadatas?.[name];
    return !meta || ((meta.edit?.label ?? name) === name && (meta.list?.label ?? name) === name);
  });

const labelOf = (layout: TypeLayout, name: string): string => layout.labels[name] ?? SYSTEM_LABELS[name] ?? name;

/** The edit rows of `layout`, limited to the fields the content manager shows, plus any it shows that we left out. */
const editRows = (layout: TypeLayout, current: Configuration): LayoutCell[][] => {
  const shown = new Map<string, number>();
  for (const row of current.layouts?.edit ?? []) for (const cell of row) shown.set(cell.name, cell.size);
  const rows: LayoutCell[][] = layout.edit
    .map((row) => row.filter(([name]) => shown.has(name)).map(([name, size]): LayoutCell => ({ name, size })))
    .filter((row) => row.length > 0);
  const placed = new Set(rows.flat().map((cell) => cell.name));
  let tail: LayoutCell[] = [];
  for (const [name, size] of shown) {
    if (placed.has(name)) continue;
    if (tail.reduce((sum, cell) => sum + cell.size, 0) + size > MAX_ROW) {
      rows.push(tail);
      tail = [];
    }
    tail.push({ name, size });
  }
  if (tail.length > 0) rows.push(tail);
  return rows;
};

/** Our configuration of one type, on top of the stored one (other settings and metadata keys kept). */
export const buildConfiguration = (model: ContentManagerModel, current: Configuration, layout: TypeLayout): Configuration => {
  const metadatas: Record<string, Metadata> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (name === 'documentId') {
      if (current.metadatas?.[name]) metadatas[name] = current.metadatas[name];
      continue;
    }
    const base = current.metadatas?.[name] ?? { edit: {}, list: {} };
    const label = labelOf(layout, name);
    const edit: Record<string, unknown> = { ...base.edit, label };
    if (attribute.type === 'relation' && attribute.targetModel) edit.mainField = mainFieldOf(attribute.targetModel);
    metadatas[name] = { edit: name === 'id' ? base.edit : edit, list: { ...base.list, label } };
  }
  return {
    settings: {
      ...current.settings,
      mainField: layout.mainField,
      defaultSortBy: layout.defaultSort.field,
      defaultSortOrder: layout.defaultSort.order,
      ...(layout.pageSize ? { pageSize: layout.pageSize } : {}),
    },
    metadatas,
    layouts: { list: layout.list.filter((name) => name in model.attributes), edit: editRows(layout, current) },
  };
};

const contentTypesService = (strapi: Core.Strapi) =>
  strapi.plugin('content-manager').service('content-types') as {
    findContentType(uid: string): ContentManagerModel | undefined;
    findConfiguration(model: ContentManagerModel): Promise<Configuration>;
    updateConfiguration(model: ContentManagerModel, configuration: Configuration): Promise<Configuration>;
  };

const componentsService = (strapi: Core.Strapi) =>
  strapi.plugin('content-manager').service('components') as {
    findComponent(uid: string): ContentManagerModel | undefined;
    findConfiguration(model: ContentManagerModel): Promise<Configuration>;
    updateConfiguration(model: ContentManagerModel, configuration: Configuration): Promise<Configuration>;
  };

/** Applies `layouts.ts` where the stored configuration is Strapi's default or our own earlier write. */
export const applyAdminLayouts = async (strapi: Core.Strapi, { force = false } = {}): Promise<ApplyReport> => {
  const store = strapi.store({ type: 'core', name: 'school_records' });
  const marker = ((await store.get({ key: MARKER_KEY })) as Marker | null) ?? { version: 0, written: {} };
  const report: ApplyReport = { applied: [], keptUserChanges: [] };
  const layouts = [
    ...Object.entries({ ...ADMIN_LAYOUTS, ...PLUGIN_LAYOUTS }).map(([uid, layout]) => ({
      uid,
      layout,
      service: contentTypesService(strapi),
    })),
    ...Object.entries(COMPONENT_LAYOUTS).map(([uid, layout]) => ({ uid, layout, service: componentsService(strapi) })),
  ];
  const settled = (uid: string) => uid in marker.written || (marker.kept ?? []).includes(uid);
  if (!force && marker.version === ADMIN_LAYOUTS_VERSION && layouts.every(({ uid }) => settled(uid))) return report;

  const written: Record<string, Written> = { ...marker.written };
  for (const { uid, layout, service } of layouts) {
    const model = 'findContentType' in service ? service.findContentType(uid) : service.findComponent(uid);
    if (!model) continue;
    const current = await service.findConfiguration(model);
    const previous = written[uid];
    const ours =
      previous !== undefined && fingerprintOf(current, previous.fields, { wholeId: previous.scheme !== 2 }) === previous.fingerprint;
    if (!force && !ours && !isGeneratedDefault(current, model)) {
      report.keptUserChanges.push(uid);
      continue;
    }
    const stored = await service.updateConfiguration(model, buildConfiguration(model, current, layout));
    const fields = ownedFields(model);
    written[uid] = { fields, fingerprint: fingerprintOf(stored, fields), scheme: 2 };
    report.applied.push(uid);
  }
  await store.set({
    key: MARKER_KEY,
    value: { version: ADMIN_LAYOUTS_VERSION, written, kept: report.keptUserChanges } satisfies Marker,
  });
  if (report.applied.length > 0)
    strapi.log.info(`Admin layouts v${ADMIN_LAYOUTS_VERSION} applied to ${report.applied.length} record types`);
  if (report.keptUserChanges.length > 0)
    strapi.log.info(`Admin layouts: kept the hand-made configuration of ${report.keptUserChanges.join(', ')}`);
  return report;
};
