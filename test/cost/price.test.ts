// Tests for user prices: the --price spec and prices files in YAML or JSON.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { isPriceSpec, parsePriceSpec, Price } from '../../src/cost/price.js';
import { filePrice, parsePricesFile, readPricesFile } from '../../src/cost/prices-file.js';

describe('parsePriceSpec', () => {
  test.each([
    ['input=1.10,output=4.40,cached=0.275', { inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275 }],
    ['input=3,output=15', { inputPerMTok: 3, outputPerMTok: 15 }],
    [' output = 0.6 , input = 0.2 ', { inputPerMTok: 0.2, outputPerMTok: 0.6 }],
    ['INPUT=0,OUTPUT=0', { inputPerMTok: 0, outputPerMTok: 0 }],
  ])('%s', (spec, expected) => {
    const price = parsePriceSpec(spec);
    expect(price).toEqual(expected);
    expect(Price.parse(price)).toEqual(price);
  });

  test.each([
    ['input=1.1', /output/],
    ['output=4.4', /input/],
    ['input=1,output=2,reasoning=3', /reasoning|keys/i],
    ['input=-1,output=2', /input/],
    ['input=abc,output=2', /cannot read "input=abc"/],
    ['input=1;output=2', /cannot read/],
    ['', /cannot read/],
  ])('%j is refused with a clear message', (spec, message) => {
    expect(() => parsePriceSpec(spec)).toThrow(ThinkbenchError);
    expect(() => parsePriceSpec(spec)).toThrow(message);
  });

  test.each([
    ['input=1,output=2', true],
    ['prices.yaml', false],
    ['./my=prices.json', false],
    ['/abs/prices.yaml', false],
  ])('isPriceSpec(%j) = %s', (value, expected) => {
    expect(isPriceSpec(value)).toBe(expected);
  });
});

describe('prices files', () => {
  const yaml = [
    '# $ per million tokens',
    'Qwen/QwQ-32B: { input: 0.2, output: 0.6 }',
    'deepseek-r1:7b: input=0,output=0',
    'local:',
    '  input: 1',
    '  output: 2',
    '  cached: 0.5',
  ].join('\n');

  test('YAML entries, as objects or spec strings', () => {
    const file = parsePricesFile(yaml, 'prices.yaml');
    expect(Object.fromEntries(file.prices)).toEqual({
      'Qwen/QwQ-32B': { inputPerMTok: 0.2, outputPerMTok: 0.6 },
      'deepseek-r1:7b': { inputPerMTok: 0, outputPerMTok: 0 },
      local: { inputPerMTok: 1, outputPerMTok: 2, cachedInputPerMTok: 0.5 },
    });
  });

  test('JSON reads the same', () => {
    const file = parsePricesFile('{"Qwen/QwQ-32B": {"input": 0.2, "output": 0.6}}', 'prices.json');
    expect(file.prices.get('Qwen/QwQ-32B')).toEqual({ inputPerMTok: 0.2, outputPerMTok: 0.6 });
  });

  test.each([
    ['Qwen/QwQ-32B', 'Qwen/QwQ-32B'],
    ['qwen/qwq-32b', 'Qwen/QwQ-32B'],
    ['LOCAL', 'local'],
    ['gpt-4o', null],
  ])('filePrice(%j) uses entry %j', (model, entry) => {
    const priced = filePrice(parsePricesFile(yaml, 'prices.yaml'), model);
    if (entry === null) expect(priced).toBeNull();
    else expect(priced?.source).toEqual({ kind: 'file', path: 'prices.yaml', entry });
  });

  test.each([
    ['m: { input: 1 }', /prices.yaml: m/],
    ['m: { input: 1, output: 2, extra: 3 }', /prices.yaml: m/],
    ['m: input=1', /prices.yaml: m: .*output/],
    ['- a\n- b', /prices.yaml/],
    ['m: {', /not YAML or JSON/],
  ])('%j is refused naming the file and entry', (text, message) => {
    expect(() => parsePricesFile(text, 'prices.yaml')).toThrow(message);
  });

  test('an empty file prices nothing', () => {
    expect(parsePricesFile('', 'prices.yaml').prices.size).toBe(0);
  });

  test('readPricesFile reads from disk, and names a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-prices-'));
    const path = join(dir, 'prices.yaml');
    writeFileSync(path, yaml);
    expect(readPricesFile(path).prices.size).toBe(3);
    expect(() => readPricesFile(join(dir, 'missing.yaml'))).toThrow(/Cannot read the prices file .*missing.yaml: ENOENT/);
  });
});
