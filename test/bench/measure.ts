/** Timings of one case in milliseconds: wall clock, and CPU time of the calling thread. */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * Warm timing of an async job: `warm` untimed runs (jobs n…n+warm-1), then `n` timed ones
 * (jobs 0…n-1). The thread's CPU time is recorded too: on a busy machine it shows what the
 * job costs when wall time also counts waiting for a core (it does not count other processes,
 * such as Chromium's, nor V8's helper threads).
 */
export async function sample(n: number, warm: number, job: (i: number) => Promise<unknown>): Promise<Samples> {
  for (let i = 0; i < warm; i++) await job(n + i);
  const out: Samples = { wall: [], cpu: [] };
  for (let i = 0; i < n; i++) {
    const cpu = process.threadCpuUsage();
    const start = performance.now();
    await job(i);
    out.wall.push(performance.now() - start);
    const used = process.threadCpuUsage(cpu);
    out.cpu.push((used.user + used.system) / 1000);
  }
  return out;
}

/** Median, 95th percentile (nearest rank) and minimum of some timings. */
export function stats(times: number[]): { median: number; p95: number; min: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2, p95: at(0.95), min: s[0]! };
}
