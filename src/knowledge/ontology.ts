// The CAMEO event ontology: codes, names, Goldstein weights, QuadClass and PLOVER type and mode.
import { DyadError } from "../core/errors.js";
import { parseTsv } from "./tsv.js";

export interface CameoCode {
  code: string;
  root: string;
  /** 1 for a root, 2 for a three-digit code, 3 for a four-digit code. */
  level: number;
  name: string;
  goldstein: number;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: number;
  plover: { type: string | null; mode: string | null; context: string | null };
  description: string;
}

export interface Ontology {
  readonly codes: readonly CameoCode[];
  get(code: string): CameoCode | undefined;
  /** Like get, but throws E_DATA naming the code: for codes that must exist (lexicon entries). */
  require(code: string, origin?: string): CameoCode;
}

/** Compiles data/cameo.tsv into an index by code. */
export function compileOntology(text: string, file = "data/cameo.tsv"): Ontology {
  const rows = parseTsv(text, file, ["code", "root", "name", "goldstein", "quad"]);
  const byCode = new Map<string, CameoCode>();
  for (const row of rows) {
    const where = `${file}:${row.line}`;
    const code = row.get("code");
    if (!/^\d{2,4}$/.test(code)) throw new DyadError("E_DATA", `bad CAMEO code '${code}'`, where);
    const root = row.get("root");
    if (!code.startsWith(root))
      throw new DyadError("E_DATA", `code ${code} is not under root ${root}`, where);
    const goldstein = Number(row.get("goldstein"));
    const quad = Number(row.get("quad"));
    if (!Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) {
      throw new DyadError("E_DATA", `Goldstein weight must be in [-10, 10]`, where);
    }
    if (![1, 2, 3, 4].includes(quad)) throw new DyadError("E_DATA", `QuadClass must be 1 to 4`, where);
    if (byCode.has(code)) throw new DyadError("E_DATA", `code ${code} appears twice`, where);
    byCode.set(code, {
      code,
      root,
      level: code.length === 2 ? 1 : code.length - 1,
      name: row.get("name"),
      goldstein,
      quad,
      plover: {
        type: row.get("plover_type") || null,
        mode: row.get("plover_mode") || null,
        context: row.get("plover_context") || null,
      },
      description: row.get("description"),
    });
  }
  const codes = [...byCode.values()];
  return {
    codes,
    get: (code) => byCode.get(code),
    require(code, origin) {
      const c = byCode.get(code);
      if (!c) throw new DyadError("E_DATA", `unknown CAMEO code '${code}'`, origin);
      return c;
    },
  };
}
