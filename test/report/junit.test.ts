import { describe, expect, test } from 'vitest';
import { renderJunit, renderJunitSuites, stripInvalidXml, xmlAttr, xmlText } from '../../src/report/junit.js';
import { makeResult, right, wrong } from '../compare/factory.js';
import { findAll, parseXml } from './xml.js';

const nasty = 'a<b>&"c\'\u0000\u001b[31m\ud800\uffff😀';

describe('renderJunit', () => {
  const result = makeResult([right('a'), wrong('b'), right('c'), { id: 'd', answers: [] }, { id: nasty, answers: [nasty, nasty, '41'] }], { complete: false });

  test('is well-formed with one testcase per case and correct counts', () => {
    const root = parseXml(renderJunit(result));
    expect(root.name).toBe('testsuites');
    const [suite] = findAll(root, 'testsuite');
    expect(suite!.attributes).toMatchObject({ name: 'unit (model-a)', tests: '5', failures: '2', errors: '0', skipped: '1' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['a', 'b', 'c', 'd', stripInvalidXml(nasty)]);
    expect(findAll(cases[1]!, 'failure')[0]!.attributes).toMatchObject({ type: 'wrong', message: 'majority answer "41", expected "42"' });
    expect(findAll(cases[3]!, 'skipped')).toHaveLength(1);
    expect(findAll(cases[0]!, 'failure')).toHaveLength(0);
    expect(root.attributes).toMatchObject({ tests: '5', failures: '2', skipped: '1' });
  });

  test('escapes markup and drops characters XML 1.0 cannot carry, keeping the rest', () => {
    const xml = renderJunit(result);
    const cases = findAll(parseXml(xml), 'testcase');
    expect(cases[4]!.attributes.name).toBe('a<b>&"c\'[31m😀');
    const failure = findAll(cases[4]!, 'failure')[0]!;
    expect(failure.attributes.message).toContain('majority answer "a<b>&"c\'[31m😀"');
    expect(failure.text).toContain('Answer: a<b>&"c\'[31m😀');
    expect(xml).not.toContain('\u001b');
  });

  test('regressed cases fail as such and the suite name can be set', () => {
    const root = parseXml(renderJunit(makeResult([wrong('a'), right('b')]), { regressed: new Set(['a']), suiteName: 'base vs cand' }));
    expect(findAll(root, 'testsuite')[0]!.attributes.name).toBe('base vs cand');
    expect(findAll(root, 'failure')[0]!.attributes.type).toBe('regressed');
    expect(findAll(root, 'failure')[0]!.attributes.message).toMatch(/^regressed \(right in the base\)/);
  });

  test('several results become several testsuites with totals', () => {
    const root = parseXml(renderJunitSuites([{ result: makeResult([wrong('a')]) }, { result: makeResult([wrong('a'), wrong('b')]) }]));
    expect(findAll(root, 'testsuite')).toHaveLength(2);
    expect(root.attributes).toMatchObject({ tests: '3', failures: '3' });
  });
});

describe('escaping helpers', () => {
  test.each([
    ['plain', 'plain', 'plain'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d', 'a &amp; b &lt; c &gt; d'],
    ['"q" \'s\'', '"q" \'s\'', '&quot;q&quot; &apos;s&apos;'],
    ['tab\tline\nret\r', 'tab\tline\nret\r', 'tab&#9;line&#10;ret&#13;'],
    ['\u0001\u0008\u000b\u000c\ufffe', '', ''],
    [']]>', ']]&gt;', ']]&gt;'],
  ])('%j', (input, asText, asAttribute) => {
    expect(xmlText(input)).toBe(asText);
    expect(xmlAttr(input)).toBe(asAttribute);
  });

  test('attribute values survive a parse unchanged apart from stripped characters', () => {
    const value = 'x\ty\nz "q" <&>';
    expect(parseXml(`<a v="${xmlAttr(value)}"/>`).attributes.v).toBe(value);
  });
});
