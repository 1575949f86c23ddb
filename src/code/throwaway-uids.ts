// Throwaway uids for programs when thinkbench runs as root, since root ignores RLIMIT_NPROC.
// One per program running at once, as the limit counts per uid; offset by pid so two runs do not share.

const UID_BASE = 1_000_000_000 + (process.pid % 1_000_000) * 1000;

/** The throwaway uids this process may hand out, [first, last]. */
export const THROWAWAY_UIDS: readonly [number, number] = [UID_BASE, UID_BASE + 999];

const uidsInUse = new Set<number>();
let lastUid = THROWAWAY_UIDS[1];

/** The next free throwaway uid, round the range: a uid is reused as late as possible, long after what it ran has died. */
export function takeUid(): number {
  let uid = lastUid;
  do uid = uid >= THROWAWAY_UIDS[1] ? THROWAWAY_UIDS[0] : uid + 1;
  while (uidsInUse.has(uid) && uid !== lastUid);
  lastUid = uid;
  uidsInUse.add(uid);
  return uid;
}

/** Hands a uid back once nothing of its program runs any more. */
export function releaseUid(uid: number): void {
  uidsInUse.delete(uid);
}
