// Events table: the filters of `dyad events`, a page at a time; a header sorts the page, a row opens its article.
import { get } from "../api.js";
import { fill, h, message } from "../dom.js";
import { actorsLabel } from "../format.js";

const FILTERS = [
  ["actor", "actor"],
  ["source", "source"],
  ["target", "target"],
  ["dyad", "dyad A:B"],
  ["root", "root"],
  ["code", "code"],
  ["quad", "quad 1-4"],
  ["since", "since"],
  ["until", "until"],
  ["modality", "modality"],
  ["place", "place"],
  ["text", "words"],
];

const COLUMNS = [
  ["date", (e) => e.date],
  ["source", (e) => actorsLabel(e.source)],
  ["event", (e) => `${e.code} ${e.name}`],
  ["target", (e) => actorsLabel(e.target)],
  ["modality", (e) => e.modality],
  ["Goldstein", (e) => e.goldstein],
  ["place", (e) => e.place?.name ?? ""],
  ["trigger", (e) => e.evidence.trigger],
];

const PAGE = 50;

export async function eventsView(root, { params }) {
  const form = h(
    "form",
    { class: "filters", id: "events-form" },
    FILTERS.map(([name, label]) =>
      h("label", {}, `${label} `, h("input", { name, value: params.get(name) ?? "", size: 9 })),
    ),
    h(
      "label",
      {},
      h("input", { type: "checkbox", name: "directed", checked: params.get("directed") === "true" }),
      " directed",
    ),
    h("button", { type: "submit" }, "Filter"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) q.set(key, key === "directed" ? "true" : value);
    location.hash = `#/events?${q}`;
  });
  const table = h("div", { id: "events-table" });
  fill(root, h("h1", {}, "Events"), form, table);

  const filter = Object.fromEntries(FILTERS.map(([name]) => [name, params.get(name) ?? ""]));
  filter.directed = params.get("directed") === "true";
  const cursors = [null];
  let sort = { column: 0, desc: false };
  let page;

  const render = () => {
    if (page.items.length === 0) {
      fill(table, message("No events match."));
      return;
    }
    const [, key] = COLUMNS[sort.column];
    const rows = [...page.items].sort((x, y) => {
      const a = key(x);
      const b = key(y);
      const c = typeof a === "number" ? a - b : String(a).localeCompare(String(b));
      return sort.desc ? -c : c;
    });
    const head = h(
      "tr",
      {},
      COLUMNS.map(([label], i) =>
        h(
          "th",
          {
            class: i === sort.column ? (sort.desc ? "sorted desc" : "sorted") : "",
            onclick: () => {
              sort = { column: i, desc: i === sort.column ? !sort.desc : false };
              render();
            },
          },
          label,
        ),
      ),
    );
    const body = rows.map((e) =>
      h(
        "tr",
        {
          class: "row",
          dataset: { article: e.article.id, gid: e.gid },
          onclick: () => {
            location.hash = `#/article/${encodeURIComponent(e.article.id)}?event=${encodeURIComponent(e.id)}`;
          },
        },
        COLUMNS.map(([, cell]) => h("td", {}, cell(e))),
      ),
    );
    const pager = h(
      "div",
      { class: "pager" },
      h("button", { disabled: cursors.length < 2, onclick: () => load(cursors.length - 2) }, "‹ previous"),
      ` page ${cursors.length} `,
      h("button", { disabled: !page.next, onclick: () => load(cursors.length, page.next) }, "next ›"),
    );
    fill(table, h("table", { class: "events" }, h("thead", {}, head), h("tbody", {}, body)), pager);
  };

  async function load(index, cursor) {
    if (cursor !== undefined) cursors.push(cursor);
    else cursors.length = index + 1;
    page = await get("events", { ...filter, limit: PAGE, cursor: cursors[cursors.length - 1] });
    render();
  }
  await load(0);
}
