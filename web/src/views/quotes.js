// Quotes: search by speaker, subject and words.
import { get } from "../api.js";
import { fill, h, message } from "../dom.js";

const FIELDS = [
  ["speaker", "speaker"],
  ["about", "about"],
  ["text", "words"],
  ["since", "since"],
  ["until", "until"],
];

export async function quotesView(root, { params }) {
  const form = h(
    "form",
    { class: "filters", id: "quotes-form" },
    FIELDS.map(([name, label]) =>
      h("label", {}, `${label} `, h("input", { name, value: params.get(name) ?? "", size: 12 })),
    ),
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) q.set(key, value);
    location.hash = `#/quotes?${q}`;
  });
  const list = h("div", { id: "quotes-list" });
  fill(root, h("h1", {}, "Quotes"), form, list);
  const query = Object.fromEntries(FIELDS.map(([name]) => [name, params.get(name) ?? ""]));
  const page = await get("quotes", { ...query, limit: 100 });
  if (page.items.length === 0) {
    fill(list, message("No quotes match."));
    return;
  }
  fill(
    list,
    h(
      "ul",
      { class: "quotes" },
      page.items.map((q) =>
        h(
          "li",
          {},
          h("a", { href: `#/article/${encodeURIComponent(q.article.id)}` }, q.article.date),
          " ",
          h("b", {}, q.speaker ? `${q.speaker.name} (${q.speaker.code})` : "unknown speaker"),
          ` ${q.cue} (${q.kind}): `,
          h("q", {}, q.text),
        ),
      ),
    ),
    page.next ? message("Showing the first 100 quotes: narrow the search to see others.") : null,
  );
}
