import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseLocalDate, type LocalDate } from '../calendar';
import { readToManyInput, readToOneInput, type RecordRef } from './relation-input';
import { primeSharedRead, readKey, sharedRead } from './shared-reads';
import { NOT_TEXT_MESSAGE, readTextInput } from './text-input';

/** A stored row as the query engine returns it: scalar columns plus whatever was populated. */
export interface StoredRecord {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

/** The id of a stored relation as the query engine returns it (`{ id, … }`), or null when empty. */
export const relationId = (value: unknown): number | null =>
  value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'number' ? (value as { id: number }).id : null;

export interface FieldIssue {
  path: string[];
  message: string;
  name: 'ValidationError';
}

/** Thrown as HTTP 400 with one message per field, the shape the admin panel shows beside inputs. */
export const recordValidationError = (issues: FieldIssue[]): errors.ValidationError =>
  new errors.ValidationError(issues.map((issue) => issue.message).join('; '), { errors: issues });

export type Populate = Record<string, true | { select?: readonly string[]; populate?: Populate }>;

const targetOfRelation = (strapi: Core.Strapi, uid: UID.ContentType, field: string): UID.Schema => {
  const attribute = strapi.getModel(uid).attributes[field] as { target?: UID.Schema };
  if (!attribute?.target) throw new Error(`${uid}.${field} is not a relation`);
  return attribute.target;
};

/** The key under which `RecordDraft.related` shares its read of a relation's record in a batch. */
const relatedReadKey = (target: UID.Schema, ref: RecordRef, populate: Populate): string => readKey('related', target, ref, populate);

/**
 * Reads in one query the records that new records of `uid` name in the to-one relation `field` (the
 * pupils of a lesson column of marks), so that each write's `related(field)` — with no populate — finds
 * its record among them instead of reading it alone. Only inside a `withSharedReads` scope
 * (src/school/records/shared-reads.ts); a name that finds nothing is left to `related` to refuse.
 */
export const preloadRelated = async (strapi: Core.Strapi, uid: UID.ContentType, field: string, inputs: unknown[]): Promise<void> => {
  const target = targetOfRelation(strapi, uid, field);
  const refs = inputs.map((input) => readToOneInput(input, null)).filter((ref): ref is RecordRef => !!ref);
  const ids = [...new Set(refs.filter((ref): ref is { id: number } => 'id' in ref).map((ref) => ref.id))];
  const documentIds = [...new Set(refs.filter((ref): ref is { documentId: string } => 'documentId' in ref).map((ref) => ref.documentId))];
  if (ids.length + documentIds.length === 0) return;
  const found = (await strapi.db.query(target).findMany({
    where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] },
    orderBy: { id: 'asc' },
  })) as StoredRecord[];
  for (const ref of refs) {
    const record = found.find((row) => ('id' in ref ? row.id === ref.id : row.documentId === ref.documentId));
    if (record) primeSharedRead(relatedReadKey(target, ref, {}), record);
  }
};

/**
 * One write (create, update or clone) as our rules see it: each field is what the record will hold
 * afterwards — the value in the write if present, else the stored one.
 */
export class RecordDraft {
  private readonly issues: FieldIssue[] = [];

  constructor(
    readonly strapi: Core.Strapi,
    readonly uid: UID.ContentType,
    readonly data: Record<string, unknown>,
    readonly existing: StoredRecord | null,
    readonly isNew: boolean,
  ) {}

  /** The scalar value the record will hold. */
  value<T = unknown>(field: string): T | null {
    if (field in this.data && this.data[field] !== undefined) return this.data[field] as T;
    return (this.existing?.[field] as T | undefined) ?? null;
  }

  /**
   * A text field the record will hold, trimmed; null when empty. A value that is not a string (a
   * number, a list, an object) refuses the write at once, rather than being stored as its `String()`.
   */
  text(field: string): string | null {
    const input = readTextInput(this.value(field));
    return input.ok ? input.text : this.fail(field, NOT_TEXT_MESSAGE);
  }

  /**
   * An optional local date (ГГГГ-ММ-ДД) the record will hold; null when empty. A value that is not
   * a calendar day refuses the write at once, naming the field: «Укажите <label> в формате ГГГГ-ММ-ДД».
   */
  localDate(field: string, label: string): LocalDate | null {
    const given = this.value(field);
    if (given === null || given === '') return null;
    return parseLocalDate(given) ?? this.fail(field, `Укажите ${label} в формате ГГГГ-ММ-ДД`);
  }

  /** Whether this write sets the field (on create every field counts as set). */
  writes(field: string): boolean {
    return this.isNew || (field in this.data && this.data[field] !== undefined);
  }

  private targetOf(field: string): UID.Schema {
    return targetOfRelation(this.strapi, this.uid, field);
  }

  /** The record a to-one relation will point to, loaded with `populate`; null when empty. */
  async related(field: string, populate: Populate = {}): Promise<StoredRecord | null> {
    const current = (this.existing?.[field] as StoredRecord | null | undefined) ?? null;
    const input = readToOneInput(this.data[field], current);
    const ref: RecordRef | null = input === undefined ? (current ? { id: current.id } : null) : input;
    if (!ref) return null;
    const target = this.targetOf(field);
    const found = (await sharedRead(relatedReadKey(target, ref, populate), () =>
      this.strapi.db.query(target).findOne({ where: ref, populate }),
    )) as StoredRecord | null;
    if (!found) this.fail(field, 'Связанная запись не найдена');
    return found;
  }

  /**
   * An optional to-one relation: like `related`, but a value that names no record (a filter object
   * such as `{ id: { $gt: 0 } }`, `true`) is refused with `message` rather than read as «none».
   */
  async optionalRelated(field: string, message: string, populate: Populate = {}): Promise<StoredRecord | null> {
    const input = this.data[field];
    const namesNothing =
      typeof input === 'boolean' ||
      (typeof input === 'object' &&
        input !== null &&
        !Array.isArray(input) &&
        !['set', 'connect', 'disconnect'].some((key) => key in input) &&
        readToOneInput(input, null) === null);
    if (namesNothing) this.fail(field, message);
    return this.related(field, populate);
  }

  /** The records a to-many relation will hold after the write. */
  async relatedMany(field: string): Promise<StoredRecord[]> {
    const current = (this.existing?.[field] as StoredRecord[] | undefined) ?? [];
    const refs = readToManyInput(this.data[field], current) ?? current.map((item) => ({ id: item.id }));
    if (refs.length === 0) return [];
    const ids = refs.filter((ref): ref is { id: number } => 'id' in ref).map((ref) => ref.id);
    const documentIds = refs.filter((ref): ref is { documentId: string } => 'documentId' in ref).map((ref) => ref.documentId);
    const found = (await this.strapi.db.query(this.targetOf(field)).findMany({
      where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] },
    })) as StoredRecord[];
    if (found.length < new Set([...ids, ...documentIds]).size) this.fail(field, 'Часть связанных записей не найдена');
    return found;
  }

  /** Records a problem with a field; the write is refused at `check()` (or at once by `fail`). */
  report(field: string, message: string): void {
    this.reportAt([field], message);
  }

  /** A refusal of a field inside a component or list, e.g. `['admissionDocuments', '0', 'file']`. */
  reportAt(path: string[], message: string): void {
    this.issues.push({ path, message, name: 'ValidationError' });
  }

  /** Refuses the write now: later rules depend on this field. */
  fail(field: string, message: string): never {
    this.report(field, message);
    throw recordValidationError(this.issues);
  }

  /** A required relation: refuses the write at once when it is empty. */
  async require(field: string, message: string, populate: Populate = {}): Promise<StoredRecord> {
    const found = await this.related(field, populate);
    return found ?? this.fail(field, message);
  }

  /** Refuses the write if any problem was reported. */
  check(): void {
    if (this.issues.length > 0) throw recordValidationError(this.issues);
  }

  /** A filter that leaves this very record out of duplicate searches. */
  notSelf(): Record<string, unknown> {
    return this.existing && !this.isNew ? { id: { $ne: this.existing.id } } : {};
  }
}
