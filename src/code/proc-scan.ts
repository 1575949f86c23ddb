// Reads /proc for the processes and threads of one uid: to kill a throwaway uid's leftovers, and to size RLIMIT_NPROC for a normal user.
import { readdir, readFile } from 'node:fs/promises';

// Asynchronous: a few hundred status files take 10-30 ms on a loaded machine, too long to block runs in flight.
async function statuses(uid: number): Promise<string[]> {
  const entries = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
  const read = await Promise.all(entries.map((entry) => readFile(`/proc/${entry}/status`, 'utf8').catch(() => ''))); // '' when gone meanwhile
  return read.filter((status) => Number(status.match(/^Uid:\s+(\d+)/m)?.[1] ?? -1) === uid);
}

/** The pids of every live process running as `uid`; a zombie is already dead and holds only its pid until reaped. */
export async function processesOf(uid: number): Promise<number[]> {
  return (await statuses(uid)).filter((status) => !/^State:\s+Z/m.test(status)).map((status) => Number(status.match(/^Pid:\s+(\d+)/m)?.[1]));
}

/** Threads (what RLIMIT_NPROC counts) of every process of `uid`, zombies included. */
export async function tasksOf(uid: number): Promise<number> {
  return (await statuses(uid)).reduce((sum, status) => sum + Number(status.match(/^Threads:\s+(\d+)/m)?.[1] ?? 1), 0);
}
