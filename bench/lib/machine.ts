import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export type Machine = { cpu: string; cores: number; memoryGb: number; node: string; platform: string; loadAverage: number[] };

/** What the figures were measured on; load average shows how busy the shared machine was. */
export function describeMachine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}
