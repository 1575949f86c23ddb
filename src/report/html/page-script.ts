// The page script as one string: each installer's compiled source, called in order on one shared object.
import { boot } from './page/boot.js';
import { installComparison } from './page/comparison.js';
import { installDetail } from './page/detail.js';
import { installDom } from './page/dom.js';
import { installHeader } from './page/header.js';
import { installPlots } from './page/plots.js';
import { installRichText } from './page/rich-text.js';
import { installSamples } from './page/samples.js';
import { installTable } from './page/table.js';
import { installUnpack } from './page/unpack.js';

const INSTALLERS = [installDom, installUnpack, installSamples, installRichText, installHeader, installPlots, installComparison, installDetail, installTable];

/**
 * The script for the page. The functions are written in TypeScript and shipped as their own
 * compiled source (`Function.prototype.toString`), so they may use nothing but their argument and
 * the browser's globals. `__name` is the helper esbuild (tsx) inserts to keep function names.
 */
export function pageScript(): string {
  return [
    '"use strict";',
    '(() => {',
    'var __name = (target) => target;',
    'const page = {};',
    ...INSTALLERS.map((install) => `(${install.toString()})(page);`),
    `(${boot.toString()})(page);`,
    '})();',
  ].join('\n');
}
