// The tool's name and version, read once from package.json, for result files and --version.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Recorded in every result file. */
export const TOOL = { name: 'thinkbench', version: pkg.version } as const;
