/**
 * The document service accepts relations in many shapes: `5`, `"docId"`, `{ id }`, `{ documentId }`,
 * arrays of those, and `{ connect, disconnect, set }`. These helpers read what a write asks for,
 * the same way Strapi's own `mapRelation` does, so that our rules see the relation the write makes.
 */

export type RecordRef = { id: number } | { documentId: string };

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));

const toRef = (value: unknown): RecordRef | null => {
  if (value === null || value === undefined) return null;
  if (isNumeric(value)) return { id: Number(value) };
  if (typeof value === 'string' && value.length > 0) return { documentId: value };
  if (typeof value === 'object') {
    const object = value as { id?: unknown; documentId?: unknown };
    if (typeof object.documentId === 'string' && object.documentId) return { documentId: object.documentId };
    if (isNumeric(object.id)) return { id: Number(object.id) };
  }
  return null;
};

const toRefs = (value: unknown): RecordRef[] =>
  (Array.isArray(value) ? value : [value]).map(toRef).filter((ref): ref is RecordRef => ref !== null);

const sameRef = (a: RecordRef, b: { id: number; documentId?: string }): boolean =>
  'id' in a ? a.id === b.id : a.documentId === b.documentId;

interface RelationOps {
  set?: unknown;
  connect?: unknown;
  disconnect?: unknown;
}

const isOps = (value: unknown): value is RelationOps =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && ('set' in value || 'connect' in value || 'disconnect' in value);

/**
 * For a to-one relation: `undefined` when the write leaves it as it is, `null` when it clears it,
 * or the reference it points to afterwards.
 */
export const readToOneInput = (input: unknown, current: { id: number; documentId?: string } | null): RecordRef | null | undefined => {
  if (input === undefined) return undefined;
  if (input === null) return null;
  if (isOps(input)) {
    if (input.set !== undefined) return toRefs(input.set).at(-1) ?? null;
    const connect = toRefs(input.connect);
    if (connect.length > 0) return connect.at(-1) ?? null;
    const disconnect = toRefs(input.disconnect);
    if (current && disconnect.some((ref) => sameRef(ref, current))) return null;
    return undefined;
  }
  if (Array.isArray(input)) return toRefs(input).at(-1) ?? null;
  return toRef(input) ?? null;
};

/**
 * For a to-many relation: `undefined` when left as it is, else the full list of references after the
 * write (current ones minus `disconnect`, plus `connect`; or exactly `set`).
 */
export const readToManyInput = (input: unknown, current: Array<{ id: number; documentId?: string }>): RecordRef[] | undefined => {
  if (input === undefined) return undefined;
  if (input === null) return [];
  if (!isOps(input)) return toRefs(input);
  if (input.set !== undefined) return toRefs(input.set);
  const connect = toRefs(input.connect);
  const disconnect = toRefs(input.disconnect);
  if (connect.length === 0 && disconnect.length === 0) return undefined;
  const kept: RecordRef[] = current.filter((item) => !disconnect.some((ref) => sameRef(ref, item))).map((item) => ({ id: item.id }));
  return [...kept, ...connect];
};
