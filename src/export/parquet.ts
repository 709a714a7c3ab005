// Parquet through DuckDB: rows are appended to a table of an in-memory database, then COPY ... TO parquet.
import { DuckDBInstance } from "@duckdb/node-api";
import { DyadError } from "../core/errors.js";
import type { ColumnType } from "./record.js";

export interface ParquetColumn {
  name: string;
  type: ColumnType;
}

const SQL_TYPE: Record<ColumnType, string> = {
  bigint: "BIGINT",
  integer: "INTEGER",
  double: "DOUBLE",
  varchar: "VARCHAR",
  // Staged as text, cast to DATE when the file is written.
  date: "VARCHAR",
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Writes the rows to a zstd-compressed Parquet file and returns how many were written. */
export async function writeParquet(
  file: string,
  columns: readonly ParquetColumn[],
  rows: AsyncIterable<Record<string, string | number | null>>,
): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  let count = 0;
  try {
    await connection.run(
      `CREATE TABLE rows (${columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(", ")})`,
    );
    const appender = await connection.createAppender("rows");
    for await (const row of rows) {
      for (const c of columns) {
        const v = row[c.name];
        if (v === null || v === undefined) appender.appendNull();
        else if (c.type === "bigint") appender.appendBigInt(BigInt(v));
        else if (c.type === "integer") appender.appendInteger(Number(v));
        else if (c.type === "double") appender.appendDouble(Number(v));
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
      count++;
    }
    appender.flushSync();
    appender.closeSync();
    const select = columns
      .map((c) =>
        c.type === "date"
          ? `CAST(${quoteIdent(c.name)} AS DATE) AS ${quoteIdent(c.name)}`
          : quoteIdent(c.name),
      )
      .join(", ");
    await connection.run(
      `COPY (SELECT ${select} FROM rows) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return count;
  } catch (e) {
    throw new DyadError("E_EXPORT", e instanceof Error ? e.message : String(e), file, { cause: e });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Reads a Parquet file back with DuckDB: its row count and column names (for tests and checks). */
/** What inspectParquet reads back: the row count and the column names. */
export interface ParquetSummary {
  rows: number;
  columns: string[];
}

export async function inspectParquet(file: string): Promise<ParquetSummary> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const count = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet(${quoteLiteral(file)})`,
    );
    const described = await connection.runAndReadAll(
      `DESCRIBE SELECT * FROM read_parquet(${quoteLiteral(file)})`,
    );
    const n = count.getRowObjectsJS()[0]?.n;
    return {
      rows: Number(n),
      columns: described.getRowObjectsJS().map((r) => String(r.column_name)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
