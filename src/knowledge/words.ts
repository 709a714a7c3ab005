// The open-class word lists the analyses read (speech verbs, office titles, honorifics, locative words,
// modals, ...), compiled from data/lexicon/ (data/README.md, "Word lists"). Each list is written once there:
// the copies that used to live in several modules had drifted apart.
import { DyadError } from "../core/errors.js";
import { ROLES, type Role } from "./actors.js";
import { type DataFile, readDataFile } from "./files.js";
import { list, parseTsv } from "./tsv.js";

/** Every list of data/lexicon/words.tsv: a list the file lacks, or a name it has that is not here, is an error. */
export const WORD_LISTS = [
  "honorific",
  "group-head",
  "group-word",
  "place-noun",
  "locative",
  "place-context",
  "place-type",
  "relative-position",
  "passing-head",
  "border",
  "date-lead",
  "date-preposition",
  "future-adjective",
  "future-before-to",
  "negator",
  "future-modal",
  "hypothetical-modal",
  "conditional",
  "intent-verb",
  "aspectual-verb",
  "ready",
  "negating-verb",
  "refusing-verb",
  "express-cue",
  "praise-cue",
  "labelling-verb",
  "abstract-target",
] as const;
export type WordList = (typeof WORD_LISTS)[number];

/** What a speech verb does (data/lexicon/speech.tsv). */
export const SPEECH_ROLES = ["quote", "bare", "events"] as const;
export type SpeechRole = (typeof SPEECH_ROLES)[number];

export interface Lexicon {
  words: Readonly<Record<WordList, ReadonlySet<string>>>;
  /** Speech verbs (lemmas) by role. */
  speech: Readonly<Record<SpeechRole, ReadonlySet<string>>>;
  /** Office titles ("prime minister") and the roles that hold them, likeliest first. */
  offices: ReadonlyMap<string, readonly Role[]>;
}

const LOWER_WORD = /^[a-z'’-]+( [a-z'’-]+)*$/;

function word(value: string, where: string): string {
  if (!LOWER_WORD.test(value)) throw new DyadError("E_DATA", `'${value}' is not a lower-case word`, where);
  return value;
}

function compileWords(file: DataFile): Record<WordList, ReadonlySet<string>> {
  const known = new Set<string>(WORD_LISTS);
  const sets = new Map<WordList, Set<string>>();
  for (const row of parseTsv(file.text, file.name, ["list", "word"])) {
    const where = `${file.name}:${row.line}`;
    const name = row.get("list");
    if (!known.has(name)) throw new DyadError("E_DATA", `unknown word list '${name}'`, where);
    const set = sets.get(name as WordList) ?? new Set<string>();
    const w = word(row.get("word"), where);
    if (set.has(w)) throw new DyadError("E_DATA", `'${w}' twice in the list '${name}'`, where);
    set.add(w);
    sets.set(name as WordList, set);
  }
  const missing = WORD_LISTS.filter((n) => !sets.has(n));
  if (missing.length)
    throw new DyadError("E_DATA", `no word of the list(s) ${missing.join(", ")}`, file.name);
  return Object.fromEntries(sets) as unknown as Record<WordList, ReadonlySet<string>>;
}

function compileSpeech(file: DataFile): Record<SpeechRole, ReadonlySet<string>> {
  const out: Record<SpeechRole, Set<string>> = { quote: new Set(), bare: new Set(), events: new Set() };
  const seen = new Set<string>();
  for (const row of parseTsv(file.text, file.name, ["verb", "roles"])) {
    const where = `${file.name}:${row.line}`;
    const verb = word(row.get("verb"), where);
    if (seen.has(verb)) throw new DyadError("E_DATA", `the verb '${verb}' twice`, where);
    seen.add(verb);
    for (const role of list(row.get("roles"))) {
      if (!(SPEECH_ROLES as readonly string[]).includes(role))
        throw new DyadError("E_DATA", `unknown speech role '${role}' (${SPEECH_ROLES.join(", ")})`, where);
      out[role as SpeechRole].add(verb);
    }
  }
  return out;
}

function compileOffices(file: DataFile): Map<string, readonly Role[]> {
  const out = new Map<string, readonly Role[]>();
  for (const row of parseTsv(file.text, file.name, ["title", "roles"])) {
    const where = `${file.name}:${row.line}`;
    const title = word(row.get("title"), where);
    if (out.has(title)) throw new DyadError("E_DATA", `the title '${title}' twice`, where);
    const roles = list(row.get("roles"));
    for (const role of roles)
      if (!(ROLES as readonly string[]).includes(role))
        throw new DyadError("E_DATA", `unknown role '${role}'`, where);
    out.set(title, roles as Role[]);
  }
  return out;
}

/** Compiles the three files of data/lexicon/, with errors that name the file and line. */
export function compileLexicon(files: { words: DataFile; speech: DataFile; offices: DataFile }): Lexicon {
  return {
    words: compileWords(files.words),
    speech: compileSpeech(files.speech),
    offices: compileOffices(files.offices),
  };
}

/** The bundled lexicon, read from data/lexicon/ once per process (and worker thread); never changed. */
export const LEXICON: Lexicon = compileLexicon({
  words: readDataFile("lexicon/words.tsv"),
  speech: readDataFile("lexicon/speech.tsv"),
  offices: readDataFile("lexicon/offices.tsv"),
});

/** One word list of the bundled lexicon. */
export function words(name: WordList): ReadonlySet<string> {
  return LEXICON.words[name];
}
