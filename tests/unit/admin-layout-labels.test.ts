import fs from 'fs';
import path from 'path';
import { fingerprintOf } from '../../src/admin-layouts/apply-layouts';
import { ADMIN_LAYOUTS, COMPONENT_LAYOUTS, mainFieldOf } from '../../src/admin-layouts/layouts';

/** Every record type under src/api is described in the admin layouts, each field with a Russian label. */
const API_DIR = path.resolve(__dirname, '../../src/api');

interface Schema {
  info: { singularName: string; displayName: string };
  attributes: Record<string, { type: string; target?: string }>;
}

const schemas: Array<{ uid: string; schema: Schema }> = fs.readdirSync(API_DIR).flatMap((api) => {
  const typesDir = path.join(API_DIR, api, 'content-types');
  if (!fs.existsSync(typesDir)) return [];
  return fs.readdirSync(typesDir).map((type) => ({
    uid: `api::${api}.${type}`,
    schema: JSON.parse(fs.readFileSync(path.join(typesDir, type, 'schema.json'), 'utf8')) as Schema,
  }));
});

const CYRILLIC = /[А-Яа-яЁё]/;

describe('admin layouts data', () => {
  it('covers every record type of src/api and nothing else', () => {
    expect(schemas.length).toBeGreaterThan(10);
    expect(Object.keys(ADMIN_LAYOUTS).sort()).toEqual(schemas.map(({ uid }) => uid).sort());
  });

  it.each(schemas.map(({ uid, schema }) => [uid, schema] as const))('%s: Russian names of the type and of every field', (uid, schema) => {
    expect(schema.info.displayName).toMatch(CYRILLIC);
    const layout = ADMIN_LAYOUTS[uid];
    const unlabelled = Object.keys(schema.attributes).filter((name) => !CYRILLIC.test(layout.labels[name] ?? ''));
    expect(unlabelled).toEqual([]);
    expect(Object.keys(layout.labels).filter((name) => !(name in schema.attributes))).toEqual([]);
  });

  it.each(schemas.map(({ uid, schema }) => [uid, schema] as const))(
    '%s: columns, sort, main field and edit rows name real fields',
    (uid, schema) => {
      const layout = ADMIN_LAYOUTS[uid];
      const names = Object.keys(schema.attributes);
      const listable = (name: string) =>
        names.includes(name) && !['json', 'richtext', 'password', 'blocks', 'dynamiczone'].includes(schema.attributes[name].type);
      expect(layout.list.filter((name) => !listable(name))).toEqual([]);
      expect(listable(layout.defaultSort.field)).toBe(true);
      expect(listable(layout.mainField) && schema.attributes[layout.mainField].type !== 'relation').toBe(true);
      const placed = layout.edit.flat().map(([name]) => name);
      expect(placed.filter((name) => !names.includes(name))).toEqual([]);
      expect(new Set(placed).size).toBe(placed.length);
      // Every field the content manager shows has its place in the edit form (none is only appended at the end).
      const shown = names.filter((name) => (schema.attributes[name] as { visible?: boolean }).visible !== false);
      expect(shown.filter((name) => !placed.includes(name))).toEqual([]);
      for (const row of layout.edit) expect(row.reduce((sum, [, size]) => sum + size, 0)).toBeLessThanOrEqual(12);
      for (const [name, size] of layout.edit.flat()) if (['json', 'richtext'].includes(schema.attributes[name].type)) expect(size).toBe(12);
    },
  );

  it('labels every field of every component under src/components in Russian and places it in the form', () => {
    const componentsDir = path.resolve(__dirname, '../../src/components');
    const components = fs.readdirSync(componentsDir).flatMap((category) =>
      fs.readdirSync(path.join(componentsDir, category)).map((file) => ({
        uid: `${category}.${file.replace(/\.json$/, '')}`,
        schema: JSON.parse(fs.readFileSync(path.join(componentsDir, category, file), 'utf8')) as Schema,
      })),
    );
    expect(Object.keys(COMPONENT_LAYOUTS).sort()).toEqual(components.map(({ uid }) => uid).sort());
    for (const { uid, schema } of components) {
      const layout = COMPONENT_LAYOUTS[uid];
      const names = Object.keys(schema.attributes);
      expect(names.filter((name) => !CYRILLIC.test(layout.labels[name] ?? ''))).toEqual([]);
      expect(names.filter((name) => !layout.edit.flat().some(([placed]) => placed === name))).toEqual([]);
      expect([layout.mainField, ...layout.list].filter((name) => !names.includes(name))).toEqual([]);
    }
  });

  it('names every relation target by a field of its own', () => {
    expect(mainFieldOf('api::student.student')).toBe('fullName');
    expect(mainFieldOf('api::journal.journal')).toBe('title');
    expect(mainFieldOf('api::lesson.lesson')).toBe('date');
    const targets = schemas.flatMap(({ schema }) =>
      Object.values(schema.attributes).flatMap((attribute) => (attribute.target ? [attribute.target] : [])),
    );
    expect(targets.filter((target) => mainFieldOf(target) === 'id')).toEqual([]);
  });
});

describe('admin layouts fingerprint (what counts as a change made by hand)', () => {
  const configuration = () => ({
    settings: { mainField: 'topic', defaultSortBy: 'topic', defaultSortOrder: 'ASC', pageSize: 10 },
    metadatas: {
      id: { edit: {}, list: { label: 'ID', searchable: true, sortable: true } },
      topic: { edit: { label: 'Тема', visible: true }, list: { label: 'Тема', searchable: true, sortable: true } },
    },
    layouts: { list: ['topic'], edit: [[{ name: 'topic', size: 12 }]] },
  });
  const fields = ['id', 'topic'];

  it("does not count the content manager's own boot-time switch-off of sorting and searching by a component's id", () => {
    const restarted = configuration();
    restarted.metadatas.id.list = { label: 'ID', searchable: false, sortable: false };
    expect(fingerprintOf(restarted, fields)).toBe(fingerprintOf(configuration(), fields));
  });

  it('still reads a fingerprint written before scheme 2, which counted the whole metadata of id', () => {
    const restarted = configuration();
    restarted.metadatas.id.list = { label: 'ID', searchable: false, sortable: false };
    expect(fingerprintOf(configuration(), fields, { wholeId: true })).not.toBe(fingerprintOf(restarted, fields, { wholeId: true }));
    expect(fingerprintOf(configuration(), fields, { wholeId: true })).not.toBe(fingerprintOf(configuration(), fields));
  });

  it('counts a relabelled id, a field made unsortable and a changed list as changes', () => {
    const relabelled = configuration();
    relabelled.metadatas.id.list.label = 'Номер';
    const unsortable = configuration();
    unsortable.metadatas.topic.list.sortable = false;
    const shorterList = configuration();
    shorterList.layouts.list = [];
    for (const changed of [relabelled, unsortable, shorterList])
      expect(fingerprintOf(changed, fields)).not.toBe(fingerprintOf(configuration(), fields));
  });
});
