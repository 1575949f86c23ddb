// The answer-marker patterns shared by the locator and the block reader: "Answer: x", "**Final Answer**", "答案：".

/**
 * "Answer: x", "**Final Answer:** x", "### Answer", "Answer - x", or the label in another language
 * ("Respuesta:", "Réponse :", "Antwort:", "答案：", "Ответ:") at the start of a line; group 1 is x.
 */
export const MARKER_LINE =
  /^\s*(?:#{1,6}\s*)?(?:>\s*)?(?:[-+*]\s+)?[*_]{0,3}\s*(?:(?:the|my|our)\s+)?(?:(?:final|correct|short)\s+)?(?:answer|respuesta(?:\s+final)?|r[ée]ponse(?:\s+finale)?|antwort|risposta(?:\s+finale)?|resposta(?:\s+final)?|答案|回答|解答|ответ)\s*[*_]{0,3}\s*(?:[:：]|[-–—](?=\s)|(?=$))[*_]{0,3}(.*)$/i;
/** "..., final answer: x" anywhere in a line; group 1 is x. */
export const INLINE_FINAL_MARKER = /\bfinal answer\s*[*_]{0,3}\s*[:：][*_]{0,3}(.*)$/i;
/** A closing pleasantry or rule that is not part of the answer: "Let me know if ...", "---". */
export const TRAILING_NOISE =
  /^(?:let me know|i hope|hope (?:this|that|it)|feel free|if you (?:have|need|want)|happy to help|good luck|cheers|note\b|p\.?s\b|-{3,}|\*{3,}|_{3,}|```)/i;
/** "the answer is x", "the final answer is: x", "the correct answer would be x": x follows the match. */
export const ANSWER_IS = /\b(?:the\s+)?(?:(?:final|correct|right)\s+)?answer\s+(?:is|would be|should be|will be|=)\s*[:：]?[ \t]*/gi;

/** Whether a line is an answer marker line (with or without its value). */
export function isMarkerLine(line: string): boolean {
  return MARKER_LINE.test(line) || INLINE_FINAL_MARKER.test(line);
}
