import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reads shared by the writes of one batch (`POST /api/marks/batch`, src/api/mark/services/mark-batch.ts).
 * A lesson column of 30 marks asks the record rules the same questions 30 times — the journal with its
 * class, subject, year and pupil list, the lesson, the study period of its date, «does this teacher teach
 * the journal», «is the period closed». Inside `withSharedReads` each such read is made once and its
 * answer reused; outside it every read goes to the database as before.
 *
 * Valid only while nothing is written inside the scope: the batch judges all its marks first, then writes.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `judge` with its reads shared (the same key answers from the first read). */
export const withSharedReads = <T>(judge: () => Promise<T>): Promise<T> => scope.run(new Map(), judge);

/** The read under `key`: made once inside a `withSharedReads` scope, every time outside one. */
export const sharedRead = <T>(key: string, read: () => Promise<T>): Promise<T> => {
  const reads = scope.getStore();
  if (!reads) return read();
  let answer = reads.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    reads.set(key, answer);
  }
  return answer;
};

/**
 * Gives the read under `key` its answer in advance (records read together for the whole batch, such as
 * the pupils of a lesson column); no effect outside a `withSharedReads` scope or when already read.
 */
export const primeSharedRead = (key: string, answer: unknown): void => {
  const reads = scope.getStore();
  if (reads && !reads.has(key)) reads.set(key, Promise.resolve(answer));
};

/** A key of a read from its parts (the query's uid, where and populate). */
export const readKey = (...parts: unknown[]): string => JSON.stringify(parts);
