// Reads XML-style answer tags ("<answer>763</answer>", "<final_answer>…</final_answer>") as answer marker lines.

// An answer tag and its content; the closing tag must name the same element.
const ANSWER_TAG = /<\s*((?:final[_\s-]?)?answer)\s*>([\s\S]*?)<\s*\/\s*\1\s*>/gi;

/**
 * `text` with every answer tag rewritten as an "Answer:" marker on its own line, so a tagged
 * answer has the same priority as an answer line in every scorer: a one-line content becomes
 * "Answer: x", a multi-line one "Answer:" followed by its lines. Text without tags is unchanged.
 */
export function answerTagsAsMarkers(text: string): string {
  if (!/<\s*(?:final[_\s-]?)?answer\s*>/i.test(text)) return text;
  return text.replace(ANSWER_TAG, (_all, _name: string, content: string) => {
    const lines = content
      .trim()
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    if (lines.length === 0) return '';
    return lines.length === 1 ? `\nAnswer: ${lines[0] ?? ''}\n` : `\nAnswer:\n${lines.join('\n')}\n\n`;
  });
}
