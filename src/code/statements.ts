// Public statements (CAMEO 010): a known actor who speaks publicly, when no more specific event (appeal,
// demand, praise, criticism, threat, intent...) already codes the speaker's speech. The coder
// calls this per sentence, after its patterns and reported-speech rules, so that the statement is made with
// the same date, place and evidence as every other event and is written to doc.events by the one writer.
import type { Actor, Doc, Event, Mention } from "../core/types.js";
import { actorKey, actorsOf } from "../extract/actors/actor.js";
import type { SentenceAnalysis } from "./clauses.js";
import { actorMentions } from "./clauses.js";
import { dropSelf, known } from "./roles.js";

/** "Make statement, not specified below" (data/cameo.tsv): the speech itself, with no PLOVER type. */
export const STATEMENT_CODE = "010";

/** Sectors of agents who speak for a state or a public body ("officials", "the army", "prosecutors"). */
const OFFICIAL_SECTORS = new Set(["GOV", "MIL", "JUD", "LEG", "COP", "OPP", "PTY"]);

/**
 * A person or an official speaks in public; a state named as a speaker ("Washington said", "Israel said")
 * mostly introduces a claim about another actor, which coders score as that claim (an accusation, an
 * intent) or not at all, and medics, traders or residents quoted as sources of a report make no statement
 * of a state. Measured on the gold sets: statements by states and bodies lowered F1 on up-gsr.
 */
function publicSpeaker(doc: Doc, m: Mention): boolean {
  const r = m.referent;
  if (!r) return false;
  // A pronoun speaks as what it stands for: the kind of a named mention of its entity.
  const named =
    m.kind === "pronoun" && m.entity !== null
      ? doc.mentions.find((x) => x.entity === m.entity && x.kind !== "pronoun")
      : m;
  const kind = named?.kind;
  return kind === "person" || (kind === "agent" && r.sector !== null && OFFICIAL_SECTORS.has(r.sector));
}

const SUBJECT_PRONOUNS = new Set(["i", "we", "he", "she", "it", "they"]);

export interface Statement {
  /** The token of the speech verb: the event's trigger. */
  verb: number;
  speaker: Actor[];
  /** The first actor named in what was said that is not the speaker; empty when none is named. */
  target: Actor[];
}

/**
 * The statements of one sentence: one per speaker, from the speech verbs whose complement the coder reads
 * as the speaker's claim (data of src/knowledge/speech.ts, role "events": said, stated, told, noted...; verbs
 * that are events of their own, "warned", "denied", "vowed", are not statements). `events` are the
 * article's events so far, this sentence's included: a speaker who is already the source of one (010 is
 * the statement "not specified below"; measured: later bare statements of a speaker already coded more
 * specifically, as in the reference article, are not what coders code), or whose speech verb is already an
 * event's trigger, has that event instead: "Iran said Pakistan must withdraw" is a demand, not a demand and
 * a statement. A speech verb inside another's reported speech is itself only reported and gives none.
 */
export function statementsOf(
  doc: Doc,
  speech: SentenceAnalysis["speech"],
  events: readonly Event[],
  inComplement: (token: number) => boolean,
): Statement[] {
  const tokens = doc.tokens;
  const sourceKeys = new Set(events.flatMap((e) => e.source.map(actorKey)));
  const triggers = new Set(events.map((e) => e.evidence.start));
  const spoken = new Set<string>();
  const out: Statement[] = [];
  for (const sp of speech) {
    if (!sp.subject || inComplement(sp.verb)) continue;
    // "X said A is ... and noted that ...": a subject read inside another speech's complement is a word of
    // what was said, not the speaker of the second verb.
    if (
      speech.some(
        (o) =>
          o !== sp &&
          sp.subject !== null &&
          sp.subject.tokenStart >= o.complementStart &&
          sp.subject.tokenStart < o.complementEnd,
      )
    )
      continue;
    if (triggers.has(tokens[sp.verb].start)) continue;
    if (!publicSpeaker(doc, sp.subject)) continue;
    const speaker = actorsOf(doc, sp.subject);
    if (!known(speaker)) continue;
    const keys = speaker.map(actorKey);
    if (keys.some((k) => sourceKeys.has(k) || spoken.has(k))) continue;
    // "X said it would ...", "she said she hoped ...": the speaker announcing its own act or wish is an
    // intent or a refusal (03, 12) when the coder reads it, and no bare statement when it does not.
    let v = sp.complementStart;
    while (v < sp.complementEnd && tokens[v].pos !== "VERB" && tokens[v].pos !== "AUX") v++;
    const first = actorMentions(doc, sp.complementStart, v)[0];
    if (first && actorsOf(doc, first).some((a) => keys.includes(actorKey(a)))) continue;
    // A subject pronoun coreference left unresolved there ("said Wednesday she hoped") is the speaker too.
    if (!first && tokens.slice(sp.complementStart, v).some((t) => SUBJECT_PRONOUNS.has(t.lower))) continue;
    // "Israel released the mayor, officials said": a speaker named after the news it reports is its
    // source, not a party making a statement.
    if (sp.complementEnd <= sp.verb) {
      const from = tokens[sp.complementStart].start;
      const to = tokens[sp.complementEnd - 1].end;
      if (events.some((e) => e.evidence.start >= from && e.evidence.start < to)) continue;
    }
    for (const k of keys) spoken.add(k);
    let target: Actor[] = [];
    for (const m of actorMentions(doc, sp.complementStart, sp.complementEnd)) {
      const others = dropSelf(actorsOf(doc, m), speaker, false);
      if (others.length > 0 && known(others)) {
        target = others;
        break;
      }
    }
    out.push({ verb: sp.verb, speaker, target });
  }
  return out;
}
