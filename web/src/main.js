// The dashboard: one view at a time, chosen by the URL's hash (#/dyad, #/events, #/article/ID, ...).
import "./style.css";
import { get } from "./api.js";
import { fill, message } from "./dom.js";
import { actorsView } from "./views/actors.js";
import { articleView } from "./views/article.js";
import { dyadView } from "./views/dyad.js";
import { eventsView } from "./views/events.js";
import { mapView } from "./views/map.js";
import { quotesView } from "./views/quotes.js";

const VIEWS = {
  dyad: dyadView,
  events: eventsView,
  article: articleView,
  actors: actorsView,
  map: mapView,
  quotes: quotesView,
};

/** "#/events?actor=IRN" -> { name: "events", arg: undefined, params }. */
function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  return {
    name: VIEWS[name] ? name : "dyad",
    arg: rest.length ? decodeURIComponent(rest.join("/")) : undefined,
    params: new URLSearchParams(query),
  };
}

async function show() {
  const root = document.getElementById("view");
  const { name, arg, params } = route();
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.view === name);
  }
  root.dataset.view = name;
  root.dataset.ready = "false";
  fill(root, message("Loading…"));
  try {
    await VIEWS[name](root, { arg, params });
  } catch (e) {
    fill(root, message(e instanceof Error ? e.message : String(e), "error"));
  }
  root.dataset.ready = "true";
}

async function counts() {
  const c = await get("counts");
  fill(document.getElementById("counts"), `${c.articles} articles · ${c.events} events · ${c.quotes} quotes`);
}

window.addEventListener("hashchange", show);
show();
counts().catch(() => {});
