// A Doc as the components after the NLP step see it: read, parsed and split into clauses, for tests of a
// single component (the syntax model is loaded once per test file).
import type { Article, Doc } from "../../src/core/types.js";
import { createClausesComponent } from "../../src/nlp/clauses/index.js";
import { getNlp } from "../../src/nlp/index.js";
import { createSyntaxComponent, loadSyntaxModel } from "../../src/nlp/syntax/index.js";

const syntax = createSyntaxComponent({ model: loadSyntaxModel() });
const clauses = createClausesComponent();

export function readParsed(article: Article): Doc {
  return clauses.run(syntax.run(getNlp().read(article), undefined), undefined);
}
