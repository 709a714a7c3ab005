// PETRARCH's unit-test records (PETR.UnitTest.records.xml): reading them and scoring Dyad's events
// against their expected codings, as PETRARCH's own validation does (source code, target code, event code).
import { DyadError } from "../core/errors.js";
import type { CodedArticle } from "../core/types.js";

export interface SuiteEvent {
  source: string;
  target: string;
  code: string;
}

export interface SuiteRecord {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  category: string;
  text: string;
  expected: SuiteEvent[];
  /** `noevents` or an error the record expects (`sentencediscard`, `storydiscard`, ...): no event either way. */
  expectsNone: string | null;
  /** `<Config>` switches in force for the record (PETRARCH's options; Dyad has no equivalent and ignores them). */
  config: Record<string, string>;
  line: number;
}

export interface Suite {
  /** The dictionaries named in `<Environment>`, by kind. */
  files: { verbs?: string; actors?: string; agents?: string; discards?: string };
  records: SuiteRecord[];
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3]) : null;
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Reads the records file; a record without id, date or text is an error naming the file and line. */
export function parseSuite(xml: string, file: string): Suite {
  const files: Suite["files"] = {};
  const env = /<Environment>([\s\S]*?)<\/Environment>/.exec(xml);
  if (env) {
    const tag = (name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(env[1]);
    files.verbs = tag("Verbfile")?.[1];
    files.actors = tag("Actorfile")?.[1];
    files.agents = tag("Agentfile")?.[1];
    files.discards = tag("Discardfile")?.[1];
  }
  const records: SuiteRecord[] = [];
  const config: Record<string, string> = {};
  // Comments hold examples of tags: they are blanked (keeping line numbers) before reading.
  const body = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const re = /<Config\s+([^>]*)>|<Sentence\s+([^>]*)>([\s\S]*?)<\/Sentence>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1] !== undefined) {
      const option = attr(m[1], "option");
      const value = attr(m[1], "value");
      if (option && value !== null) config[option] = value;
      continue;
    }
    const line = lineAt(body, m.index);
    const where = `${file}:${line}`;
    const attrs = m[2];
    const id = attr(attrs, "id");
    const rawDate = attr(attrs, "date");
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(m[3])?.[1].replace(/\s+/g, " ").trim();
    if (!id || !rawDate || !/^\d{8}$/.test(rawDate) || !text) {
      throw new DyadError("E_DATA", "a <Sentence> needs an id, a date YYYYMMDD and a <Text>", where);
    }
    const expected: SuiteEvent[] = [];
    let expectsNone: string | null = null;
    for (const e of m[3].matchAll(/<EventCoding\s*([^>]*)>/g)) {
      const a = e[1];
      if (attr(a, "noevents")) expectsNone = "noevents";
      const error = attr(a, "error");
      if (error) expectsNone = error;
      const code = attr(a, "eventcode");
      if (code) {
        expected.push({ source: attr(a, "sourcecode") ?? "", target: attr(a, "targetcode") ?? "", code });
      }
    }
    records.push({
      id,
      date: `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6)}`,
      category: attr(attrs, "category") ?? "",
      text,
      expected,
      expectsNone,
      config: { ...config },
      line,
    });
  }
  return { files, records };
}

/** Dyad's events as PETRARCH codings: one per source and target of different codes. */
export function codingsOf(record: CodedArticle): SuiteEvent[] {
  const out = new Map<string, SuiteEvent>();
  for (const e of record.events) {
    for (const s of e.source) {
      for (const t of e.target) {
        if (s.code === t.code) continue;
        const ev = { source: s.code, target: t.code, code: e.code };
        out.set(key(ev), ev);
      }
    }
  }
  return [...out.values()];
}

function key(e: SuiteEvent): string {
  return `${e.source}|${e.target}|${e.code}`;
}

/** Why a record is not fully right. */
export type FailureKind =
  | "no event coded"
  | "events where none are expected"
  | "right dyad, wrong code"
  | "right code, wrong actors"
  | "some events right, some missed or extra"
  | "wrong events";

export interface RecordResult {
  record: SuiteRecord;
  predicted: SuiteEvent[];
  right: number;
  ok: boolean;
  failure: FailureKind | null;
}

export function scoreRecord(record: SuiteRecord, predicted: SuiteEvent[]): RecordResult {
  const expected = new Set(record.expected.map(key));
  const got = new Set(predicted.map(key));
  const right = [...got].filter((k) => expected.has(k)).length;
  const ok = right === expected.size && got.size === expected.size;
  let failure: FailureKind | null = null;
  if (!ok) {
    if (got.size === 0) failure = "no event coded";
    else if (expected.size === 0) failure = "events where none are expected";
    else if (right > 0) failure = "some events right, some missed or extra";
    else {
      const pairs = new Set(record.expected.map((e) => `${e.source}|${e.target}`));
      const codes = new Set(record.expected.map((e) => e.code));
      if (predicted.some((p) => pairs.has(`${p.source}|${p.target}`))) failure = "right dyad, wrong code";
      else if (predicted.some((p) => codes.has(p.code))) failure = "right code, wrong actors";
      else failure = "wrong events";
    }
  }
  return { record, predicted, right, ok, failure };
}

export interface SuiteScore {
  records: number;
  recordsRight: number;
  expected: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
  byFailure: Map<FailureKind, RecordResult[]>;
  byCategory: Map<string, { records: number; right: number }>;
}

export function scoreSuite(results: readonly RecordResult[]): SuiteScore {
  let expected = 0;
  let predicted = 0;
  let right = 0;
  const byFailure = new Map<FailureKind, RecordResult[]>();
  const byCategory = new Map<string, { records: number; right: number }>();
  for (const r of results) {
    expected += new Set(r.record.expected.map(key)).size;
    predicted += r.predicted.length;
    right += r.right;
    const c = byCategory.get(r.record.category) ?? { records: 0, right: 0 };
    c.records++;
    if (r.ok) c.right++;
    byCategory.set(r.record.category, c);
    if (r.failure) byFailure.set(r.failure, [...(byFailure.get(r.failure) ?? []), r]);
  }
  const precision = predicted ? right / predicted : 0;
  const recall = expected ? right / expected : 0;
  return {
    records: results.length,
    recordsRight: results.filter((r) => r.ok).length,
    expected,
    predicted,
    right,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    byFailure,
    byCategory,
  };
}
