/**
 * The part of better-sqlite3's API the backup code uses (the package ships no type declarations).
 * https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md
 */
declare module 'better-sqlite3' {
  interface Statement {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
    run(...params: unknown[]): { changes: number };
  }

  interface BackupProgress {
    totalPages: number;
    remainingPages: number;
  }

  interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    timeout?: number;
  }

  class Database {
    constructor(filename: string, options?: Options);
    prepare(sql: string): Statement;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    backup(destination: string, options?: { progress?: (progress: BackupProgress) => number | undefined }): Promise<BackupProgress>;
    close(): void;
  }

  export = Database;
}
