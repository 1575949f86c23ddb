// The page script's shared object: each installer adds its part, the boot step calls them (types only).
/// <reference lib="dom" />
import type { PageCase, PageRun, PageSample, ReportData, SampleTexts } from '../data.js';

/** Properties an element is made with: never raw HTML, only text and plain attributes. */
export interface Props {
  class?: string;
  text?: string;
  title?: string;
  href?: string;
  id?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  role?: string;
  open?: boolean;
  [attribute: `data-${string}` | `aria-${string}`]: string | undefined;
}

/** The part of KaTeX the page calls. */
export interface Katex {
  render(tex: string, element: HTMLElement, options: Record<string, unknown>): void;
}

/** Number formats. */
export interface Formats {
  pct(x: number | null): string;
  int(x: number): string;
  ms(x: number): string;
  p(x: number): string;
  signedPct(x: number): string;
  when(iso: string): string;
  duration(fromIso: string, toIso: string): string;
}

/** The page: data, helpers and renderers, filled in by the installers in order. */
export interface Page {
  data: ReportData;
  /** The bytes an embedded block's text stands for (base 125; script-text.ts). */
  scriptTextToBytes(text: string): Uint8Array;
  /** Decodes an embedded block (script text, gzip, JSON). */
  unpack(element: Element): Promise<unknown>;
  /** Sample `index` (over all runs, as PageCase.firstSample counts), read from the data's columns. */
  sample(index: number): PageSample;
  /** The texts of sample `index` when its block is decoded already, else null. */
  textsNow(index: number): SampleTexts | null;
  /** Decodes the blocks holding these samples' texts. */
  loadTexts(indices: number[]): Promise<void>;
  /** The run the header, summary and case table show. */
  run: number;
  h(tag: string, props?: Props | null, ...children: (Node | string | null | undefined | false)[]): HTMLElement;
  svg(tag: string, attributes?: Record<string, string | number>, ...children: (Node | null)[]): SVGElement;
  fmt: Formats;
  katex(): Katex | null;
  /** Text with mathematics rendered and the characters in `span` marked; everything else stays text. */
  rich(text: string, span?: [number, number] | null): DocumentFragment;
  currentRun(): PageRun;
  renderHeader(): void;
  renderPlots(): void;
  renderComparison(): void;
  renderTable(): void;
  renderDetail(c: PageCase | null): void;
  /** Shows case `id` of run `run` (default: the current one, else the first that has it). */
  openCase(id: string, run?: number): boolean;
  selectRun(run: number): void;
}
