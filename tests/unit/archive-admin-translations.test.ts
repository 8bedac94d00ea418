import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

/**
 * The admin panel of the records-archive plugin: en.json and ru.json have the same keys, and every
 * message id the admin source uses (`t('key', …)`, `msg('key', …)`, `getTranslation('key')`) is in ru.json.
 */

const ADMIN_SRC = path.resolve(__dirname, '../../src/plugins/records-archive/admin/src');

const readJson = (file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(ADMIN_SRC, 'translations', file), 'utf8')) as Record<string, string>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });

const USED_ID = /\b(?:t|msg|getTranslation)\(\s*'([^']+)'/g;

const usedIds = (): Map<string, string> => {
  const ids = new Map<string, string>();
  for (const file of sourceFiles(ADMIN_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(USED_ID)) ids.set(match[1], path.relative(ADMIN_SRC, file));
  }
  return ids;
};

describe('records-archive admin translations', () => {
  const en = readJson('en.json');
  const ru = readJson('ru.json');

  it('has the same keys in en.json and ru.json', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('has no empty texts and no keys prefixed with the plugin id', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ru)]) {
      expect(key.startsWith('records-archive.')).toBe(false);
      expect(value.trim()).not.toBe('');
    }
  });

  it('finds the message ids in the admin source', () => {
    expect(usedIds().size).toBeGreaterThan(50);
  });

  it('has every message id used in the admin source in ru.json', () => {
    const missing = [...usedIds()].filter(([id]) => !(id in ru)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(ru)) expect([key, placeholders(en[key] ?? '')]).toEqual([key, placeholders(ru[key])]);
  });
});
