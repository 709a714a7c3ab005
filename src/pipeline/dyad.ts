// Assembles Dyad: knowledge, NLP and the ordered components, built once per process or worker thread.

import { createCoderComponent } from "../code/coder.js";
import { DyadError, toDyadError } from "../core/errors.js";
import type { Article, CodedArticle, Doc } from "../core/types.js";
import { createActorsComponent } from "../extract/actors/index.js";
import { createDatesComponent, eventDate } from "../extract/dates/index.js";
import { createPlacesComponent, eventPlace, loadGazetteer } from "../extract/places/index.js";
import { createQuotesComponent } from "../extract/quotes/index.js";
import type { DataDirs } from "../knowledge/files.js";
import { type Knowledge, loadKnowledge } from "../knowledge/index.js";
import { createClausesComponent } from "../nlp/clauses/index.js";
import { getNlp } from "../nlp/index.js";
import { createSyntaxComponent, loadSyntaxModel, type SyntaxModel } from "../nlp/syntax/index.js";
import { type Component, createPipeline, type Pipeline } from "./index.js";

/** Options for one run, carried to every component. */
export interface RunContext {
  knowledge: Knowledge;
}

export interface Dyad {
  knowledge: Knowledge;
  pipeline: Pipeline<RunContext>;
  /** Article -> Doc with every view filled. */
  analyse(article: Article): Doc;
  /** Article -> the output record. */
  code(article: Article): CodedArticle;
  /**
   * Several articles at once, component by component (Pipeline.runBatch): the same records as code, in
   * order; an article that fails gets its error in its place, converted as codeStream converts it.
   */
  codeMany(articles: readonly Article[]): CodedOrFailed[];
}

export type CodedOrFailed = { ok: true; record: CodedArticle } | { ok: false; error: DyadError };

export interface DyadOptions {
  dataDir?: DataDirs;
  knowledge?: Knowledge;
  /** The syntax model, when already loaded (a worker thread gets the calling thread's shared copy). */
  syntax?: SyntaxModel;
}

/**
 * The default order: syntax (tags and dependency parse), clauses (the clause layer every later component
 * reads), dates, places, actors (mentions and coreference), events, quotes.
 */
export function defaultComponents(
  knowledge: Knowledge,
  options: { dataDir?: DataDirs; syntax?: SyntaxModel } = {},
): Component<RunContext>[] {
  return [
    createSyntaxComponent<RunContext>({ model: options.syntax ?? loadSyntaxModel(options.dataDir) }),
    createClausesComponent<RunContext>(),
    createDatesComponent<RunContext>(),
    createPlacesComponent<RunContext>(loadGazetteer(options.dataDir)),
    createActorsComponent<RunContext>({ kb: knowledge.actors }),
    createCoderComponent<RunContext>({
      lexicon: knowledge.lexicon,
      ontology: knowledge.ontology,
      evaluative: knowledge.evaluative,
      discards: knowledge.discards,
      intent: knowledge.intent,
      refusal: knowledge.refusal,
      when: eventDate,
      where: eventPlace,
    }),
    createQuotesComponent<RunContext>(),
  ];
}

export function createDyad(options: DyadOptions = {}): Dyad {
  const knowledge = options.knowledge ?? loadKnowledge(options.dataDir);
  const nlp = getNlp();
  const pipeline = createPipeline<RunContext>(
    defaultComponents(knowledge, { dataDir: options.dataDir, syntax: options.syntax }),
  );
  const ctx: RunContext = { knowledge };
  const analyse = (article: Article): Doc => pipeline.run(nlp.read(article), ctx);
  return {
    knowledge,
    pipeline,
    analyse,
    code(article: Article): CodedArticle {
      return toRecord(analyse(article));
    },
    codeMany(articles: readonly Article[]): CodedOrFailed[] {
      const failure = (article: Article, e: unknown): CodedOrFailed => ({
        ok: false,
        error: toDyadError(e, "E_PIPELINE_RUN", article.origin ?? article.id),
      });
      // Read every article first, then run the components over the docs that could be read.
      const read: (Doc | CodedOrFailed)[] = articles.map((article) => {
        try {
          return nlp.read(article);
        } catch (e) {
          return failure(article, e);
        }
      });
      const docs = read.filter((d): d is Doc => !("ok" in d));
      const analysed = pipeline.runBatch(docs, ctx);
      let next = 0;
      return read.map((d, k) => {
        if ("ok" in d) return d;
        const doc = analysed[next++];
        if (doc instanceof DyadError) return failure(articles[k], doc);
        try {
          return { ok: true, record: toRecord(doc) };
        } catch (e) {
          return failure(articles[k], e);
        }
      });
    },
  };
}

export function toRecord(doc: Doc): CodedArticle {
  const a = doc.article;
  return {
    id: a.id,
    date: a.date,
    title: a.title ?? null,
    url: a.url ?? null,
    events: doc.events,
    quotes: doc.quotes,
    errors: doc.errors,
  };
}
