// The matching rules of ../shared/gold/README.md: actor keys, source x target pairs, event and quote matches.
import type { Actor, Event, Modality, Quote } from "../core/types.js";
import { actorKey } from "../extract/actors/actor.js";
import type { GoldEvent, GoldQuote } from "./gold.js";

/** Modalities that are not current events: such predictions are neither right nor wrong. */
export const UNCOUNTED_MODALITIES: ReadonlySet<Modality> = new Set(["negated", "hypothetical", "historical"]);

/** Share of a gold quote's words a predicted quote must cover. */
export const QUOTE_COVERAGE = 0.6;

/** The key an actor is scored by (the same identity as the coder's): org, else country, else code prefix. */
export { actorKey };

/** "" and "---" (PETRARCH's unidentified actor) in gold data match any actor, or none. */
export function isWildcard(key: string): boolean {
  return key === "" || key === "---";
}

/** One source x target pair of a predicted event, at the level it is scored. */
export interface PredictedPair {
  /** Index of the event in the coded article's events. */
  eventIndex: number;
  event: Event;
  /** Actor keys; "" when that side of the event is empty. */
  source: string;
  target: string;
  /** The event's actors with that key (several when "Khamenei" and "Iran" both stand on one side). */
  sourceActors: Actor[];
  targetActors: Actor[];
}

/** The identity of a pair for the once-per-item rule: actors and code at the scored level. */
export function pairKey(pair: PredictedPair): string {
  return `${pair.source}|${pair.target}|${pair.event.root}|${pair.event.plover.type ?? ""}`;
}

function groupByKey(actors: readonly Actor[]): Map<string, Actor[]> {
  const groups = new Map<string, Actor[]>();
  if (actors.length === 0) groups.set("", []);
  for (const actor of actors) {
    const key = actorKey(actor);
    const group = groups.get(key);
    if (group) group.push(actor);
    else groups.set(key, [actor]);
  }
  return groups;
}

/**
 * Expands an event into its source x target pairs, each pair once (an empty side gives one pair with "").
 * Self-pairs (the same key on both sides) are dropped, beside other targets, unless `keepSelf` holds that
 * key or is "all".
 */
export function expandPairs(
  event: Event,
  eventIndex: number,
  keepSelf: ReadonlySet<string> | "all" = new Set(),
): PredictedPair[] {
  const pairs: PredictedPair[] = [];
  const targets = groupByKey(event.target);
  for (const [source, sourceActors] of groupByKey(event.source)) {
    for (const [target, targetActors] of targets) {
      const self = source !== "" && source === target;
      // A self-pair is noise beside other parties (a reciprocal "Iran and Pakistan met" gives IRN -> IRN),
      // but it is the event itself when the source's own state is the only target (domestic protest).
      if (self && targets.size > 1 && keepSelf !== "all" && !keepSelf.has(source)) continue;
      pairs.push({ eventIndex, event, source, target, sourceActors, targetActors });
    }
  }
  return pairs;
}

/** Self-pair keys the gold lists explicitly (USA -> USA protests): those predicted pairs are scored. */
export function selfPairKeys(events: readonly GoldEvent[]): Set<string> {
  return new Set(events.filter((e) => !isWildcard(e.source) && e.source === e.target).map((e) => e.source));
}

/**
 * Whether a side of a pair has the gold key. A gold "IGO" or "NGO" is CAMEO's actor type: it matches any
 * intergovernmental (or non-governmental) body, named or not, by the first three letters of its code
 * (IGOUNO, IGOEU, NGOAMN), as the PLOVER records write every such body.
 */
function sideMatches(key: string, actors: readonly Actor[], goldKey: string): boolean {
  if (isWildcard(goldKey) || key === goldKey) return true;
  return (goldKey === "IGO" || goldKey === "NGO") && actors.some((a) => a.code.startsWith(goldKey));
}

function sectorMatches(actors: readonly Actor[], sectors: readonly string[] | undefined): boolean {
  return sectors === undefined || actors.some((a) => a.sector !== null && sectors.includes(a.sector));
}

/** Whether the pair has the gold event's actors (and sectors and date, when the gold names them). */
export function actorsMatch(pair: PredictedPair, gold: GoldEvent): boolean {
  return (
    sideMatches(pair.source, pair.sourceActors, gold.source) &&
    sideMatches(pair.target, pair.targetActors, gold.target) &&
    sectorMatches(pair.sourceActors, gold.source_sector) &&
    sectorMatches(pair.targetActors, gold.target_sector) &&
    (gold.date === undefined || gold.date.includes(pair.event.date))
  );
}

/** Whether the pair's code is one the gold event accepts: root in `root`, PLOVER type in `plover`. */
export function codeMatches(pair: PredictedPair, gold: GoldEvent): boolean {
  const type = pair.event.plover.type;
  return (
    (gold.root === undefined || gold.root.includes(pair.event.root)) &&
    (gold.plover === undefined || (type !== null && (gold.plover as readonly string[]).includes(type)))
  );
}

export function pairMatches(pair: PredictedPair, gold: GoldEvent): boolean {
  return codeMatches(pair, gold) && actorsMatch(pair, gold);
}

/** Lower-case word tokens; apostrophes split words, so "Iran’s" and "Iran's" agree. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Share of the gold text's words (counted with repetition) that the predicted text holds. */
export function coverage(goldText: string, predictedText: string): number {
  const want = words(goldText);
  if (want.length === 0) return 0;
  const have = new Map<string, number>();
  for (const w of words(predictedText)) have.set(w, (have.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    }
  }
  return found / want.length;
}

/** A quote is found when the speaker's name contains the gold name's last word and the text covers 60%. */
export function quoteMatches(quote: Quote, gold: GoldQuote): boolean {
  const last = words(gold.name).at(-1);
  if (!quote.speaker || last === undefined) return false;
  return (
    words(quote.speaker.name).join(" ").includes(last) &&
    coverage(gold.text, quote.text) >= QUOTE_COVERAGE - 1e-12
  );
}
