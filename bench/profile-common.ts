/**
 * What the two profilers (bench/profile-node.ts, bench/browser/profile.ts) share: their command
 * line (<workload> <step> [--quick] [--runs N] [--top N]) and the self-time table of a CPU profile.
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/**
 * The workload, the step and a numeric option reader, from process.argv.
 *
 * @example const { id, step, option } = profileArgs('bench/profile-node.ts'); option('--runs', 3)
 */
export function profileArgs(script: string): { id: string; step: string; quick: boolean; option: (name: string, dflt: number) => number } {
  const args = process.argv.slice(2);
  const [id, step] = args.filter((a) => !a.startsWith('-') && !/^\d+$/.test(a));
  if (!id || !step) throw new Error(`usage: npx tsx ${script} <workload> <step> [--quick] [--runs N] [--top N]`);
  const option = (name: string, dflt: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
  return { id, step, quick: args.includes('--quick'), option };
}

/**
 * Self samples per function, largest first, as lines ('  46.4 %  name  file:line').
 *
 * @example selfTime(profile.nodes, profile.samples, 25)[0] // ' 46.4 %  wasm-function[323]  ort.wasm:1'
 */
export function selfTime(nodes: ProfileNode[], samples: number[], top: number): string[] {
  const count = new Map<number, number>();
  for (const s of samples) count.set(s, (count.get(s) ?? 0) + 1);
  const byName = new Map<string, number>();
  for (const n of nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (count.get(n.id) ?? 0));
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `${((100 * c) / samples.length).toFixed(1).padStart(5)} %  ${k}`);
}
