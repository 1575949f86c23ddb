// Page script: one sample's fields read back from the embedded columns (sample-columns.ts packs them).
/// <reference lib="dom" />
import type { PageSample } from '../data.js';
import type { Page } from './page-api.js';

/** Adds `sample` to the page. */
export function installSamples(page: Page): void {
  page.sample = (index) => {
    const { strings, tabled, uniform, columns } = page.data.samples;
    const sample: Record<string, unknown> = { ...uniform };
    for (const [key, values] of Object.entries(columns)) {
      const value = values[index];
      sample[key] = value !== null && tabled.includes(key) ? strings[value as number] : value;
    }
    return sample as unknown as PageSample;
  };
}
