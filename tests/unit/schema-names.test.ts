import fs from 'fs';
import path from 'path';

/**
 * Strapi 5 reserves some attribute names for itself: the content manager overwrites a field called
 * `status` with the draft/published state, for instance. Every schema must stay clear of them.
 */
const RESERVED = [
  'id',
  'document_id',
  'documentId',
  'created_at',
  'updated_at',
  'published_at',
  'created_by',
  'updated_by',
  'entry_id',
  'status',
  'localizations',
  'meta',
  'locale',
  '__component',
  '__contentType',
];
const RESERVED_PREFIXES = ['strapi', '_strapi', '__strapi'];

const schemaFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : schemaFiles(full);
    return entry.name === 'schema.json' ? [full] : [];
  });

const schemas = schemaFiles(path.resolve(__dirname, '../../src'));

describe('content-type schemas', () => {
  it('are found', () => {
    expect(schemas.length).toBeGreaterThan(20);
  });

  it.each(schemas.map((file) => [path.relative(path.resolve(__dirname, '../..'), file), file]))(
    '%s uses no attribute name Strapi reserves',
    (_name, file) => {
      const { attributes } = JSON.parse(fs.readFileSync(file, 'utf8')) as { attributes: Record<string, unknown> };
      const clashes = Object.keys(attributes).filter(
        (name) => RESERVED.includes(name) || RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)),
      );
      expect(clashes).toEqual([]);
    },
  );
});
