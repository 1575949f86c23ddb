// Shared fixtures for the hostile-program tests: the isolation levels to try, a listening socket, a host folder, leftover processes.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInterpreter } from '../../src/code/interpreters.js';
import { detectIsolation, reachableByOthers } from '../../src/code/isolation.js';
import { THROWAWAY_UIDS } from '../../src/code/throwaway-uids.js';
import type { CodeLanguage, Isolation } from '../../src/code/types.js';

/** A secret set in the test process: no program may see it. */
export const SECRET_NAME = 'THINKBENCH_TEST_SECRET_KEY';
export const SECRET_VALUE = 'sk-test-6c1f0e1d';

/** Every level this machine can run: process always, bubblewrap when the probe says so. */
export async function levels(): Promise<Isolation[]> {
  const detected = await detectIsolation();
  return detected.level === 'bubblewrap' ? ['bubblewrap', 'process'] : ['process'];
}

/** Whether a process-level program runs as a throwaway uid (as root, with an interpreter others can reach). */
export async function processLevelDropsUid(language: CodeLanguage): Promise<boolean> {
  const interpreter = await findInterpreter(language);
  return process.getuid?.() === 0 && reachableByOthers(interpreter.executable);
}

/** A TCP server on 127.0.0.1 that counts the connections it accepts. */
export async function listen(): Promise<{ server: Server; port: number; accepted: () => number }> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.on('error', () => {});
    socket.end('hello\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, accepted: () => count };
}

/** A fresh host folder outside any program's own, as the target of an escaping write. */
export const hostFolder = (): string => mkdtempSync(join(tmpdir(), 'thinkbench-outside-'));

/**
 * Live processes (zombies are dead, awaiting their reaper) under this test process's throwaway uids,
 * once they have had up to `graceMs` to die: a pid namespace's leftovers are killed as it ends, but
 * dying takes a moment on a loaded machine. A contained program leaves none.
 */
export async function leftoverProcesses(graceMs = 3000): Promise<number[]> {
  const deadline = performance.now() + graceMs;
  for (;;) {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        const uid = Number(status.match(/^Uid:\s+(\d+)/m)?.[1]);
        if (uid >= THROWAWAY_UIDS[0] && uid <= THROWAWAY_UIDS[1] && !/^State:\s+Z/m.test(status)) pids.push(Number(entry));
      } catch {} // gone meanwhile
    }
    if (pids.length === 0 || performance.now() > deadline) return pids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
