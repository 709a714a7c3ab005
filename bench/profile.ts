// Reading a V8 CPU profile (node --cpu-prof): where the time went, by function and by source folder.
// `npm run bench -- --cpu-prof` prints this for the stages probe, so that nobody needs another tool to
// decide what to make faster next.

/** The parts of the .cpuprofile format (Chrome DevTools protocol, Profiler.Profile) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  /** Microseconds between samples. */
  timeDeltas: number[];
}

export interface HotSpot {
  /** A function ("name file:line") or a source folder. */
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  folders: HotSpot[];
}

/** A location inside the project or a package, without the machine's paths: "src/code/coder.js:450". */
function where(url: string): string {
  // The bench measures a compiled copy under bench/out/<build>/: name the file as it is in the project.
  const path = url.replace(/^file:\/\//, "").replace(/^.*\/bench\/out\/[^/]+\//, "/");
  const inPackage = /node_modules\/(.*)$/.exec(path);
  if (inPackage) return inPackage[1];
  const inProject = /\/((?:src|bench)\/.*)$/.exec(path);
  return inProject ? inProject[1] : path;
}

/** Self time per function and per folder (a package counts as one folder), the largest first. */
export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const folders = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? where(url) : "";
    const name = file
      ? `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`
      : functionName || "(native)";
    functions.set(name, (functions.get(name) ?? 0) + us);
    const folder = !file
      ? name
      : url.includes("node_modules/")
        ? (/^(@[^/]+\/[^/]+|[^/]+)/.exec(file)?.[1] ?? file)
        : file.replace(/\/[^/]*$/, "");
    folders.set(folder, (folders.get(folder) ?? 0) + us);
  });
  const rank = (m: Map<string, number>): HotSpot[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: total > 0 ? us / total : 0 }));
  return { totalMs: total / 1000, functions: rank(functions), folders: rank(folders) };
}

export function renderProfile(summary: ProfileSummary, title: string): string {
  const table = (spots: HotSpot[]) =>
    spots
      .map((s) => {
        // A regular expression is named by its source, which can run to pages.
        const name = s.name.length > 100 ? `${s.name.slice(0, 99)}…` : s.name;
        return `${s.selfMs.toFixed(0).padStart(8)} ms ${(s.share * 100).toFixed(1).padStart(5)}%  ${name}`;
      })
      .join("\n");
  return (
    `\n${title} (${summary.totalMs.toFixed(0)} ms sampled), self time by folder:\n${table(summary.folders)}\n` +
    `\nby function:\n${table(summary.functions)}\n`
  );
}
