// What a peer's published grading rule gives for one reply: the answer it read, and its verdict.

/** One reply to grade, as the agreement table holds it. */
export interface PeerRow {
  dataset: string;
  expected: string;
  reply: string;
}

/** A peer rule's reading of one reply: the text it extracted (null when it found none) and its verdict. */
export interface PeerVerdict {
  read: string | null;
  correct: boolean;
}

/** A published grading rule re-implemented from its source. */
export interface PeerRule {
  /** Short name printed in the table. */
  name: string;
  /** The source file and commit it was ported from. */
  source: string;
  grade(row: PeerRow): PeerVerdict;
}
