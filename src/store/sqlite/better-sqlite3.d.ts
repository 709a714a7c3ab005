// The part of better-sqlite3's API that Dyad uses (the package ships no types, and @types is not installed).
declare module "better-sqlite3" {
  namespace Database {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
      iterate(...params: unknown[]): IterableIterator<unknown>;
      pluck(on?: boolean): this;
    }
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }
    type Transaction<A extends unknown[], R> = ((...args: A) => R) & {
      immediate(...args: A): R;
      deferred(...args: A): R;
      exclusive(...args: A): R;
    };
    interface Database {
      readonly name: string;
      readonly open: boolean;
      readonly inTransaction: boolean;
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(sql: string, options?: { simple?: boolean }): unknown;
      transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
      close(): this;
    }
  }
  interface DatabaseConstructor {
    /** A file name, or a database file's bytes to open in memory. */
    new (filename: string | Uint8Array, options?: Database.Options): Database.Database;
  }
  const Database: DatabaseConstructor;
  export = Database;
}
