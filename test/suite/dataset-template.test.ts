// Tests for `{{field}}` templates: substitution, dotted paths, kept types, missing fields and syntax errors.
import { describe, expect, test } from 'vitest';
import { checkTemplates, MissingFieldError, parseTemplate, renderTemplate, renderValue, templateFields } from '../../src/suite/template.js';

const row = {
  problem: 'What is <b>2 & 3</b>?',
  answer: '5',
  level: 4,
  ok: true,
  nested: { deep: { name: 'x' } },
  labels: ['algebra', 'easy'],
  empty: '',
  nothing: null,
};

describe('renderTemplate', () => {
  test.each<[string, unknown]>([
    ['{{problem}}', 'What is <b>2 & 3</b>?'], // no HTML escaping
    ['Q: {{problem}}\n\nA: {{answer}}', 'Q: What is <b>2 & 3</b>?\n\nA: 5'],
    ['{{ answer }}', '5'],
    ['level-{{level}}', 'level-4'],
    ['{{level}}', 4], // a lone placeholder keeps the value's type
    ['{{ok}}', true],
    ['{{labels}}', ['algebra', 'easy']],
    ['{{labels.1}}', 'easy'],
    ['{{nested.deep.name}}', 'x'],
    ['tags: {{labels}}', 'tags: ["algebra","easy"]'],
    ['{{empty}}', ''],
    ['put it in \\boxed{} please', 'put it in \\boxed{} please'],
    ['no fields at all', 'no fields at all'],
    ['\\boxed{{{answer}}}', '\\boxed{5}'], // a brace next to a placeholder stays literal
  ])('%j', (template, expected) => {
    expect(renderTemplate(template, row)).toEqual(expected);
  });

  test.each([
    ['{{missing}}', 'missing'],
    ['text {{nested.deep.other}} text', 'nested.deep.other'],
    ['{{labels.5}}', 'labels.5'],
    ['{{nothing}}', 'nothing'], // null counts as missing
    ['{{answer.x}}', 'answer.x'],
  ])('%s names the missing field', (template, field) => {
    expect(() => renderTemplate(template, row)).toThrow(MissingFieldError);
    try {
      renderTemplate(template, row);
    } catch (error) {
      expect((error as MissingFieldError).field).toBe(field);
    }
  });

  test.each([
    ['{{}}', 'is not a field name'],
    ['{{a b}}', 'is not a field name'],
    ['{{answer', 'unbalanced braces'],
    ['answer}}', 'unbalanced braces'],
  ])('%s is a syntax error', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(message);
  });
});

describe('templates in values', () => {
  test('renderValue fills strings inside lists and objects and keeps other values', () => {
    const value = { tags: ['{{labels.0}}', 'fixed'], n: 3, messages: [{ role: 'user', content: '{{answer}}!' }] };
    expect(renderValue(value, row)).toEqual({ tags: ['algebra', 'fixed'], n: 3, messages: [{ role: 'user', content: '5!' }] });
  });

  test('templateFields lists the fields in order', () => {
    expect(templateFields('{{a}} and {{b.c}} and {{a}}')).toEqual(['a', 'b.c', 'a']);
  });

  test('checkTemplates points at the bad string', () => {
    expect(checkTemplates({ id: '{{id}}', tags: ['ok', '{{bad'] })).toEqual({ path: ['tags', 1], message: expect.stringContaining('unbalanced') });
    expect(checkTemplates({ id: '{{id}}', samples: 3 })).toBeUndefined();
  });
});
