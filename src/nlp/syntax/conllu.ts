// CoNLL-U reading and writing: the treebank format the parser trains on and `dyad parse` prints.

/** One sentence of syntactic words (multiword-token ranges and empty nodes are left out). */
export interface ConlluSentence {
  /** The "# text = ..." comment, or the words joined by spaces. */
  text: string;
  form: string[];
  lemma: string[];
  upos: string[];
  xpos: string[];
  /** 0-based index of the head word, -1 for the root. */
  head: number[];
  deprel: string[];
}

/**
 * Reads the sentences of a CoNLL-U file. Lines whose ID is a range ("1-2", a multiword token) or a decimal
 * ("8.1", an empty node of the enhanced graph) are skipped: the basic tree is over the other words only.
 */
export function readConllu(text: string, origin = "CoNLL-U"): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let current: ConlluSentence | null = null;
  let comment = "";
  const lines = text.split(/\r?\n/);
  const finish = () => {
    if (current?.form.length) {
      if (!current.text) current.text = current.form.join(" ");
      out.push(current);
    }
    current = null;
    comment = "";
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === "") {
      finish();
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^#\s*text\s*=\s*(.*)$/.exec(line);
      if (m) comment = m[1];
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new Error(`${origin}: line ${n + 1}: expected 10 tab-separated columns`);
    const id = cols[0];
    if (id.includes("-") || id.includes(".")) continue;
    if (!current) current = { text: comment, form: [], lemma: [], upos: [], xpos: [], head: [], deprel: [] };
    const s: ConlluSentence = current;
    if (Number(id) !== s.form.length + 1)
      throw new Error(`${origin}: line ${n + 1}: word ID ${id} out of order`);
    s.form.push(cols[1]);
    s.lemma.push(cols[2]);
    s.upos.push(cols[3]);
    s.xpos.push(cols[4]);
    const head = cols[6] === "_" ? 0 : Number(cols[6]);
    if (!Number.isInteger(head)) throw new Error(`${origin}: line ${n + 1}: bad HEAD '${cols[6]}'`);
    s.head.push(head - 1);
    s.deprel.push(cols[7]);
  }
  finish();
  return out;
}

/** One sentence as CoNLL-U lines (no trailing blank line); FEATS, DEPS and MISC are "_". */
export function writeConllu(s: ConlluSentence, comments: string[] = []): string {
  const lines = [...comments.map((c) => `# ${c}`)];
  for (let i = 0; i < s.form.length; i++) {
    lines.push(
      [
        i + 1,
        s.form[i],
        s.lemma[i] || "_",
        s.upos[i] || "_",
        s.xpos[i] || "_",
        "_",
        s.head[i] + 1,
        s.deprel[i] || "_",
        "_",
        "_",
      ].join("\t"),
    );
  }
  return lines.join("\n");
}
