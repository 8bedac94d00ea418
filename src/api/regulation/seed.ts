import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

const REGULATION = 'api::regulation.regulation';

/** The demo text: the Markdown of seed regulation 003 with its approval data in a front matter. */
export const DEMO_REGULATION_FILE = path.join('scripts', 'demo-data', 'regulation.md');

const FIELDS = new Set([
  'title',
  'editionNumber',
  'pedagogicalCouncilProtocol',
  'parentsCouncilProtocol',
  'pupilsCouncilProtocol',
  'directorOrderNumber',
  'directorOrderDate',
  'effectiveDate',
]);

/** Splits `---\nkey: value\n---\nbody` into the fields and the Markdown body. */
export const parseRegulationFile = (source: string): { fields: Record<string, string | number>; body: string } => {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('The regulation file must start with a front matter (---) holding its title and approval data');
  const fields: Record<string, string | number> = {};
  for (const line of match[1].split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator < 0) continue;
    const key = line.slice(0, separator).trim();
    const value = line.slice(separator + 1).trim();
    if (!FIELDS.has(key)) throw new Error(`Unknown field «${key}» in the regulation's front matter`);
    fields[key] = key === 'editionNumber' ? Number(value) : value;
  }
  return { fields, body: match[2].trim() + '\n' };
};

/**
 * Creates edition 1 of the regulation, in force, from `scripts/demo-data/regulation.md` when the
 * school has no regulation yet (idempotent). Goes through the document service, so the record rules
 * check it like any other edition. Returns whether it created one.
 */
export const seedDemoRegulation = async (
  strapi: Core.Strapi,
  file = path.join(strapi.dirs.app.root, DEMO_REGULATION_FILE),
): Promise<boolean> => {
  if ((await strapi.db.query(REGULATION).count({})) > 0) return false;
  const { fields, body } = parseRegulationFile(fs.readFileSync(file, 'utf8'));
  await strapi.documents(REGULATION).create({ data: { ...fields, body, state: 'current' } } as never);
  return true;
};
