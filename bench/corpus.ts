// The benchmark corpus: realistic dated articles made by recombining the sentence patterns of the
// example corpus (examples/) with varied actors, places and dates. Deterministic for a seed, and
// self-contained (it does not read data/), so the corpus stays fixed while the knowledge base grows.
import type { Article } from "../src/core/types.js";

export interface CorpusOptions {
  articles: number;
  /** The same seed always gives the same corpus. */
  seed?: number;
}

export const DEFAULT_SEED = 7;

interface Leader {
  title: string;
  name: string;
  surname: string;
  pronoun: "his" | "her";
}

interface Nation {
  /** As it stands in a sentence ("the United States"). */
  name: string;
  demonym: string;
  capital: string;
  cities: string[];
  leaders: Leader[];
}

/** A leader; the short name defaults to the last word ("Xi" and "Lula" are given). */
function leader(title: string, name: string, short?: string, pronoun: "his" | "her" = "his"): Leader {
  const parts = name.split(" ");
  return { title, name, surname: short ?? parts[parts.length - 1], pronoun };
}

// Office-holders who stayed in office through the corpus dates (2023-07 to 2024-06).
const NATIONS: readonly Nation[] = [
  {
    name: "Turkey",
    demonym: "Turkish",
    capital: "Ankara",
    cities: ["Istanbul", "Izmir"],
    leaders: [leader("President", "Recep Tayyip Erdogan")],
  },
  {
    name: "Azerbaijan",
    demonym: "Azerbaijani",
    capital: "Baku",
    cities: ["Ganja"],
    leaders: [leader("President", "Ilham Aliyev")],
  },
  {
    name: "Russia",
    demonym: "Russian",
    capital: "Moscow",
    cities: ["St Petersburg", "Kazan", "Sochi"],
    leaders: [leader("President", "Vladimir Putin"), leader("Foreign Minister", "Sergei Lavrov")],
  },
  {
    name: "Ukraine",
    demonym: "Ukrainian",
    capital: "Kyiv",
    cities: ["Kharkiv", "Odesa", "Lviv"],
    leaders: [leader("President", "Volodymyr Zelensky")],
  },
  {
    name: "China",
    demonym: "Chinese",
    capital: "Beijing",
    cities: ["Shanghai", "Guangzhou"],
    leaders: [leader("President", "Xi Jinping", "Xi"), leader("Foreign Minister", "Wang Yi")],
  },
  {
    name: "India",
    demonym: "Indian",
    capital: "New Delhi",
    cities: ["Mumbai", "Kolkata"],
    leaders: [leader("Prime Minister", "Narendra Modi")],
  },
  {
    name: "Israel",
    demonym: "Israeli",
    capital: "Jerusalem",
    cities: ["Tel Aviv", "Haifa"],
    leaders: [leader("Prime Minister", "Benjamin Netanyahu")],
  },
  {
    name: "Egypt",
    demonym: "Egyptian",
    capital: "Cairo",
    cities: ["Alexandria", "Sharm el-Sheikh"],
    leaders: [leader("President", "Abdel Fattah el-Sisi", "Sisi")],
  },
  {
    name: "Qatar",
    demonym: "Qatari",
    capital: "Doha",
    cities: ["Doha"],
    leaders: [leader("Emir", "Tamim bin Hamad Al Thani", "Sheikh Tamim")],
  },
  {
    name: "Iran",
    demonym: "Iranian",
    capital: "Tehran",
    cities: ["Isfahan", "Mashhad", "Tabriz"],
    leaders: [leader("Supreme Leader", "Ali Khamenei")],
  },
  {
    name: "Kenya",
    demonym: "Kenyan",
    capital: "Nairobi",
    cities: ["Mombasa", "Kisumu"],
    leaders: [leader("President", "William Ruto")],
  },
  {
    name: "Ethiopia",
    demonym: "Ethiopian",
    capital: "Addis Ababa",
    cities: ["Mekelle", "Bahir Dar"],
    leaders: [leader("Prime Minister", "Abiy Ahmed", "Abiy")],
  },
  {
    name: "Nigeria",
    demonym: "Nigerian",
    capital: "Abuja",
    cities: ["Lagos", "Kano"],
    leaders: [leader("President", "Bola Tinubu")],
  },
  {
    name: "South Africa",
    demonym: "South African",
    capital: "Pretoria",
    cities: ["Johannesburg", "Cape Town"],
    leaders: [leader("President", "Cyril Ramaphosa")],
  },
  {
    name: "France",
    demonym: "French",
    capital: "Paris",
    cities: ["Marseille", "Lyon"],
    leaders: [leader("President", "Emmanuel Macron")],
  },
  {
    name: "Germany",
    demonym: "German",
    capital: "Berlin",
    cities: ["Munich", "Hamburg"],
    leaders: [leader("Chancellor", "Olaf Scholz")],
  },
  {
    name: "Brazil",
    demonym: "Brazilian",
    capital: "Brasilia",
    cities: ["Sao Paulo", "Rio de Janeiro"],
    leaders: [leader("President", "Luiz Inacio Lula da Silva", "Lula")],
  },
  {
    name: "the United States",
    demonym: "American",
    capital: "Washington",
    cities: ["New York", "Chicago"],
    leaders: [leader("President", "Joe Biden"), leader("Secretary of State", "Antony Blinken")],
  },
  {
    name: "Japan",
    demonym: "Japanese",
    capital: "Tokyo",
    cities: ["Osaka", "Hiroshima"],
    leaders: [leader("Prime Minister", "Fumio Kishida")],
  },
  {
    name: "South Korea",
    demonym: "South Korean",
    capital: "Seoul",
    cities: ["Busan", "Incheon"],
    leaders: [leader("President", "Yoon Suk Yeol", "Yoon")],
  },
  {
    name: "North Korea",
    demonym: "North Korean",
    capital: "Pyongyang",
    cities: ["Wonsan"],
    leaders: [leader("leader", "Kim Jong Un", "Kim")],
  },
  {
    name: "Saudi Arabia",
    demonym: "Saudi",
    capital: "Riyadh",
    cities: ["Jeddah"],
    leaders: [leader("Crown Prince", "Mohammed bin Salman", "Prince Mohammed")],
  },
  {
    name: "Venezuela",
    demonym: "Venezuelan",
    capital: "Caracas",
    cities: ["Maracaibo"],
    leaders: [leader("President", "Nicolas Maduro")],
  },
  {
    name: "Spain",
    demonym: "Spanish",
    capital: "Madrid",
    cities: ["Barcelona", "Seville"],
    leaders: [leader("Prime Minister", "Pedro Sanchez")],
  },
  {
    name: "Mexico",
    demonym: "Mexican",
    capital: "Mexico City",
    cities: ["Guadalajara", "Monterrey"],
    leaders: [leader("President", "Andres Manuel Lopez Obrador", "Lopez Obrador")],
  },
  {
    name: "Italy",
    demonym: "Italian",
    capital: "Rome",
    cities: ["Milan", "Naples"],
    leaders: [leader("Prime Minister", "Giorgia Meloni", undefined, "her")],
  },
  {
    name: "Sudan",
    demonym: "Sudanese",
    capital: "Khartoum",
    cities: ["Port Sudan", "El Fasher"],
    leaders: [leader("army chief", "Abdel Fattah al-Burhan", "Burhan")],
  },
  {
    name: "Yemen",
    demonym: "Yemeni",
    capital: "Sanaa",
    cities: ["Aden", "Hodeidah"],
    leaders: [leader("President", "Rashad al-Alimi", "Alimi")],
  },
];

const GROUPS = [
  "Hamas",
  "Hezbollah",
  "the Houthis",
  "the Taliban",
  "the Rapid Support Forces",
  "al-Shabaab",
  "Islamic State",
];

const ORGS = [
  "the United Nations",
  "the European Union",
  "NATO",
  "the African Union",
  "ECOWAS",
  "the Arab League",
  "the World Health Organization",
];

const TOPICS = ["energy", "trade", "security", "defence", "water", "climate", "migration", "nuclear"];
const ISSUES = [
  "the war in Ukraine",
  "human rights abuses",
  "its nuclear programme",
  "election fraud",
  "the crackdown on protesters",
  "attacks on shipping",
];
const GRIEVANCES = ["a finance bill that raises taxes", "fuel prices", "the election result", "corruption"];
const CROWDS = ["Thousands of", "Hundreds of", "Tens of thousands of", "Dozens of"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The cast of one article: its lead countries, leaders, a group, an organisation and a city. */
interface Cast {
  a: Nation;
  b: Nation;
  c: Nation;
  la: Leader;
  lb: Leader;
  group: string;
  org: string;
  city: string;
  day: string;
  topic: string;
  issue: string;
  grievance: string;
  crowd: string;
}

type Template = (x: Cast) => string;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const full = (l: Leader, n: Nation): string => `${n.demonym} ${l.title} ${l.name}`;

// Opening sentences carry the news; follow-ups react, explain and quote.
const LEADS: readonly Template[] = [
  (x) => `${full(x.la, x.a)} visited ${x.b.capital} on ${x.day} and held talks with ${full(x.lb, x.b)}.`,
  (x) => `${cap(x.org)} imposed new sanctions on ${x.b.name} on ${x.day} over ${x.issue}.`,
  (x) =>
    `${cap(x.a.name)} and ${x.group} agreed to a ceasefire in ${x.city} on ${x.day} after months of talks mediated by ${x.b.name} and ${x.c.name}.`,
  (x) => `${x.crowd} protesters marched in ${x.a.capital} on ${x.day} against ${x.grievance}.`,
  (x) =>
    `${x.a.demonym} police arrested dozens of protesters in ${x.city} on ${x.day}, state media reported.`,
  (x) =>
    `${cap(x.a.name)} and ${x.b.name} launched air strikes on ${x.group} targets in ${x.c.name} on ${x.day} night.`,
  (x) => `The World Food Programme sent food aid to ${x.a.name} on ${x.day}, the agency said.`,
  (x) =>
    `${cap(x.a.name)} and ${x.b.name} exchanged prisoners in ${x.c.capital} on ${x.day} in the largest swap in years.`,
  (x) =>
    `${x.a.demonym} and ${x.b.demonym} troops clashed along the border on ${x.day}, military officials said.`,
  (x) =>
    `${cap(x.a.name)} warned ${x.b.name} on ${x.day} that provocations mean war, a day after its military began drills near the border.`,
  (x) => `${full(x.la, x.a)} praised ${x.b.name} for its support on ${x.day}.`,
  (x) =>
    `${cap(x.a.name)} expelled several ${x.b.demonym} diplomats on ${x.day}, the foreign ministry in ${x.a.capital} said.`,
  (x) =>
    `${cap(x.a.name)} and ${x.b.name} held indirect talks in ${x.c.capital} on ${x.day}, ${x.a.demonym} officials said.`,
  (x) =>
    `UN Secretary-General Antonio Guterres criticised ${x.a.name} on ${x.day} over attacks on peacekeepers.`,
  (x) =>
    `${cap(x.org)} called on ${x.a.name} and ${x.b.name} to resolve their border dispute through dialogue.`,
  (x) => `${cap(x.a.name)} fired ballistic missiles into the sea on ${x.day}, ${x.b.name}'s military said.`,
  (x) => `${cap(x.a.name)}, ${x.b.name} and ${x.c.name} formally recognised a Palestinian state on ${x.day}.`,
  (x) => `${full(x.la, x.a)} hosted ${full(x.lb, x.b)} at a summit in ${x.city} on ${x.day}.`,
  (x) =>
    `Soldiers in ${x.a.capital} detained the defence minister on ${x.day} and declared that they had seized power.`,
];

const FOLLOWS: readonly Template[] = [
  () => "The two leaders signed an agreement on energy cooperation, officials said.",
  (x) => `The two leaders signed an agreement on ${x.topic} cooperation, officials said.`,
  (x) => `“${cap(x.a.name)} and ${x.b.name} are close partners,” ${x.la.surname} told reporters.`,
  (x) => `${cap(x.b.name)} condemned the decision and threatened to retaliate.`,
  (x) =>
    `${full(x.la, x.a)} said the measures target companies that supply drones to the ${x.b.demonym} army.`,
  (x) => `Under the agreement, ${x.group} will release hostages and ${x.a.name} will free prisoners.`,
  () => "Police fired tear gas at demonstrators near parliament, witnesses said.",
  (x) => `${x.a.demonym} ${x.la.title} ${x.la.name} later withdrew the bill.`,
  (x) =>
    `Amnesty International criticised ${x.a.name} for the crackdown and urged the authorities to release the detainees.`,
  (x) => `${cap(x.group)} vowed to retaliate against ${x.a.demonym} and ${x.b.demonym} forces.`,
  (x) => `${cap(x.c.name)} condemned the strikes as a violation of ${x.a.name}'s sovereignty.`,
  (x) => `${cap(x.org)} appealed to ${x.group} to allow humanitarian access to ${x.city}.`,
  (x) =>
    `${cap(x.a.name)} released a ${x.b.demonym} journalist, and ${x.b.capital} freed ${x.a.demonym} nationals held in several countries.`,
  (x) => `${full(x.lb, x.b)} praised the allies who helped negotiate the deal.`,
  (x) =>
    `${cap(x.a.name)} accused ${x.b.name} of violating the ceasefire, while ${x.b.name} denied the claim.`,
  (x) => `${cap(x.b.name)}'s defence ministry condemned the exercises as a provocation.`,
  (x) => `${x.la.surname} met ${full(x.lb, x.b)} in ${x.city} on ${x.day}.`,
  (x) => `“${cap(x.b.name)} has always stood by ${x.a.name},” ${x.la.surname} said.`,
  (x) => `${cap(x.b.name)} said it would respond to the expulsions.`,
  (x) =>
    `${x.la.surname} said the talks were constructive and that the two sides would meet again next week.`,
  (x) => `${cap(x.a.name)} rejected the criticism and accused ${x.group} of using civilian sites as cover.`,
  (x) => `${full(x.la, x.a)} said ${x.la.pronoun} country had no intention of invading ${x.b.name}.`,
  (x) =>
    `${x.b.capital} condemned the launch and said it would strengthen its defence cooperation with ${x.c.capital}.`,
  (x) => `${cap(x.b.name)} recalled its ambassadors from the three countries in protest.`,
  (x) =>
    `${x.la.surname} and ${x.lb.surname} pledged to deepen cooperation between ${x.a.name} and ${x.b.name}.`,
  (x) =>
    `${cap(x.org)} threatened to impose sanctions on ${x.a.name} and demanded the release of the detainees.`,
  (x) => `The government of ${x.la.name} accused the opposition of plotting a coup.`,
  (x) => `${cap(x.c.name)} recognised the opposition candidate as the winner of the election on ${x.day}.`,
  (x) => `The talks in ${x.c.capital} focused on ${x.topic}, trade and the situation in ${x.city}.`,
  (x) => `${x.b.demonym} officials did not comment on the report.`,
  (x) => `Analysts said the move was likely to deepen tensions between ${x.a.name} and ${x.b.name}.`,
  (x) => `${cap(x.a.name)} has been under pressure from ${x.org} over ${x.issue} for months.`,
];

/** mulberry32: a small, fast, seedable generator (the same seed gives the same numbers everywhere). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_DAY = Date.UTC(2023, 6, 1);
const DAYS = 366;

/** Yields the corpus one article at a time, so a corpus of any size can be written without holding it. */
export function* iterateCorpus(options: CorpusOptions): Generator<Article> {
  const next = random(options.seed ?? DEFAULT_SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const width = String(Math.max(options.articles - 1, 0)).length;
  for (let n = 0; n < options.articles; n++) {
    const a = pick(NATIONS);
    let b = pick(NATIONS);
    while (b === a) b = pick(NATIONS);
    let c = pick(NATIONS);
    while (c === a || c === b) c = pick(NATIONS);
    const cast: Cast = {
      a,
      b,
      c,
      la: pick(a.leaders),
      lb: pick(b.leaders),
      group: pick(GROUPS),
      org: pick(ORGS),
      city: pick([...a.cities, ...b.cities]),
      day: pick(WEEKDAYS),
      topic: pick(TOPICS),
      issue: pick(ISSUES),
      grievance: pick(GRIEVANCES),
      crowd: pick(CROWDS),
    };
    const date = new Date(FIRST_DAY + Math.floor(next() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    // Wire stories run from a few sentences to a dozen or more, no sentence twice; paragraphs hold one or two sentences.
    const count = 4 + Math.floor(next() * 13);
    const paragraphs: string[] = [pick(LEADS)(cast)];
    let paragraph: string[] = [];
    const unused = [...FOLLOWS];
    for (let k = 1; k < count; k++) {
      const [template] = unused.splice(Math.floor(next() * unused.length), 1);
      paragraph.push(template(cast));
      if (paragraph.length === 2 || next() < 0.6) {
        paragraphs.push(paragraph.join(" "));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(" "));
    yield {
      id: `bench-${String(n).padStart(width, "0")}`,
      date,
      title: `${cap(a.name)} and ${b.name}`,
      text: paragraphs.join("\n\n"),
    };
  }
}

/** The whole corpus as an array. */
export function generateCorpus(options: CorpusOptions): Article[] {
  return [...iterateCorpus(options)];
}

/** One JSONL line per article, as `dyad code` and `dyad ingest` read them. */
export function toJsonl(article: Article): string {
  return `${JSON.stringify({ id: article.id, date: article.date, title: article.title, text: article.text })}\n`;
}
