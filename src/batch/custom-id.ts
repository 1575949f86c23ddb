// custom_id for one (case, sample) pair: `<caseId>#<sampleIndex>`, the case id percent-encoded so any id round-trips.

/** The custom_id naming sample `sampleIndex` of case `caseId`. */
export function customIdFor(caseId: string, sampleIndex: number): string {
  // encodeURIComponent turns '#' and '%' into escapes, so the last '#' always ends the id.
  return `${encodeURIComponent(caseId)}#${sampleIndex}`;
}

/** The case id and sample index a custom_id names, or null when it is not one of ours. */
export function parseCustomId(customId: string): { caseId: string; sampleIndex: number } | null {
  const hash = customId.lastIndexOf('#');
  if (hash < 0) return null;
  const index = customId.slice(hash + 1);
  if (!/^\d+$/.test(index)) return null;
  try {
    return { caseId: decodeURIComponent(customId.slice(0, hash)), sampleIndex: Number(index) };
  } catch {
    return null; // a broken escape: not written by customIdFor
  }
}
