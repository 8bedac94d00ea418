import { AsyncLocalStorage } from 'async_hooks';

/**
 * Archive procedures: the only ways to close a study period, and to change a record of a closed
 * (archived) period. Code that runs inside `runArchiveProcedure` carries what it is, the reason and
 * who authorised it; the period lock lets corrections through and the audit trail records them.
 */
export type ArchiveProcedureKind = 'period-closing' | 'correction';

export interface ArchiveProcedure {
  kind: ArchiveProcedureKind;
  reason: string;
  /** Who authorised it, e.g. «Заместитель директора Иванова М.А., служебная записка № 12». */
  authorisedBy: string;
}

/**
 * One store per process, even when this module is loaded twice (from dist/ by Strapi and from src/
 * by a test or a script): the key lives on the global registry of symbols.
 */
const STORAGE_KEY = Symbol.for('school-records.archive-procedure');
const registry = globalThis as unknown as Record<symbol, AsyncLocalStorage<ArchiveProcedure> | undefined>;
const procedureStorage = (registry[STORAGE_KEY] ??= new AsyncLocalStorage<ArchiveProcedure>());

export const runArchiveProcedure = <T>(procedure: ArchiveProcedure, work: () => Promise<T>): Promise<T> => {
  if (!procedure.reason?.trim() || !procedure.authorisedBy?.trim()) {
    return Promise.reject(new Error('An archive procedure needs a reason and the person who authorised it'));
  }
  return procedureStorage.run(procedure, work);
};

/** The archive procedure the current write belongs to, if any. */
export const currentArchiveProcedure = (): ArchiveProcedure | null => procedureStorage.getStore() ?? null;
