/**
 * A CPU limit per bench process, as a container's CPU limit gives each replica of a deployment: the
 * kernel's CFS quota, through a control group of the process's own (cgroup v2's `cpu.max`, or v1's
 * `cpu.cfs_quota_us` where the cpu controller is mounted on its own). On a 2-core machine that also
 * runs the generator, the stand-in and PostgreSQL, unlimited bot processes only compete for the same
 * cores; limited ones each get a fixed share, so whether capacity grows with replicas can be seen.
 *
 * Needs root (or a delegated cgroup); where the kernel does not let us, `cpuQuotas` returns null and
 * the caller runs unlimited, saying so.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Short periods keep a throttled process's pauses short (a 100 ms period can stall it 75 ms at a quarter core). */
const PERIOD_US = 20_000;

interface Layout {
  root: string;
  limit(dir: string, quotaUs: number): void;
}

const V2: Layout = {
  root: '/sys/fs/cgroup',
  limit: (dir, quotaUs) => writeFileSync(join(dir, 'cpu.max'), `${quotaUs} ${PERIOD_US}`),
};

const V1: Layout = {
  root: '/sys/fs/cgroup/cpu',
  limit: (dir, quotaUs) => {
    writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
    writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quotaUs));
  },
};

function layout(): Layout | null {
  const controllers = join(V2.root, 'cgroup.subtree_control');
  if (existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('cpu')) return V2;
  if (existsSync(join(V1.root, 'cpu.cfs_quota_us'))) return V1;
  return null;
}

export interface CpuQuotas {
  /** Cores each placed process may use. */
  cores: number;
  /** Moves a running process (all its threads) into a group of its own, limited to `cores`. */
  place(pid: number): void;
  /** Removes the groups; call once their processes have exited. */
  release(): void;
}

/** Per-process CPU limits of `cores` each, or null where this machine does not allow them. */
export function cpuQuotas(cores: number): CpuQuotas | null {
  const found = layout();
  if (!found || !(cores > 0)) return null;
  const groups: string[] = [];
  try {
    const probe = join(found.root, `mentorship-bench-probe-${process.pid}`);
    mkdirSync(probe);
    rmdirSync(probe);
  } catch {
    return null;
  }
  return {
    cores,
    place: (pid) => {
      const dir = join(found.root, `mentorship-bench-${process.pid}-${groups.length}`);
      mkdirSync(dir);
      groups.push(dir);
      found.limit(dir, Math.round(cores * PERIOD_US));
      writeFileSync(join(dir, 'cgroup.procs'), String(pid));
    },
    release: () => {
      for (const dir of groups.splice(0)) {
        try {
          rmdirSync(dir);
        } catch {
          // Still holding a process that has not exited: the kernel keeps the group until it does.
        }
      }
    },
  };
}
