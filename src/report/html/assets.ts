// KaTeX's script and style sheet for embedding, its fonts inlined as data URLs. Read once, from node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** KaTeX as embedded text; `fonts` says whether the fonts could be inlined. */
export interface KatexAssets {
  script: string;
  style: string;
  fonts: boolean;
}

let cached: KatexAssets | null | undefined;

/**
 * KaTeX's minified script and CSS, with each @font-face reduced to its woff2 file as a data URL
 * (about 350 KB); null when KaTeX is not installed, and the page then shows LaTeX as text.
 */
export function katexAssets(): KatexAssets | null {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('katex/dist/katex.min.js'));
    const script = readFileSync(join(dist, 'katex.min.js'), 'utf8');
    let fonts = true;
    const css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(/src:url\((fonts\/[^)]+\.woff2)\)[^;}]*/g, (_, file: string) => {
      try {
        return `src:url(data:font/woff2;base64,${readFileSync(join(dist, file)).toString('base64')}) format("woff2")`;
      } catch {
        fonts = false;
        return 'src:local("KaTeX")';
      }
    });
    cached = { script, style: css, fonts };
  } catch {
    cached = null;
  }
  return cached;
}
