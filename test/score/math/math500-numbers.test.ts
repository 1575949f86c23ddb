// MATH-500 expected answers that are numbers, against model answers a careful grader would accept or reject.
import { describe, expect, test } from 'vitest';
import { verdict } from './verdict.js';

type Row = [expected: string, answer: string, right: boolean];

const INTEGERS: Row[] = [
  ['9', '9', true], ['9', '9.0', true], ['9', '$9$', true], ['9', '\\boxed{9}', true], ['9', 'x=9', true], ['9', '-9', false], ['9', '9.5', false],
  ['42', '42.', true], ['42', '24', false], ['2220', '2,220', true], ['2220', '2{,}220', true], ['2220', '2\\,220', true], ['2220', '222', false],
  ['13535', '13,535', true], ['13535', '13,553', false], ['10,\\!080', '10080', true], ['10,\\!080', '10,080', true], ['10,\\!080', '1008', false],
  ['11,\\! 111,\\! 111,\\! 100', '11111111100', true], ['11,\\! 111,\\! 111,\\! 100', '11,111,111,100', true], ['11,\\! 111,\\! 111,\\! 100', '1111111100', false],
  ['58,500', '58500', true], ['58,500', '\\$58,500', true], ['58,500', '58.5', false], ['27648', '27,648', true], ['9901', '9,901', true],
  ['28800', '28,800', true], ['8000', '8 000', true], ['8000', '800', false], ['-50', '-50', true], ['-50', '50', false], ['-125', '−125', true],
  ['-2', '-2.0', true], ['-2', '2', false], ['0', '0', true], ['0', '-0', true], ['0', '0.0', true], ['0', '1', false], ['720', '6!', true], ['210', '\\binom{10}{4}', true],
];

const FRACTIONS: Row[] = [
  ['\\frac{14}{3}', '\\dfrac{14}{3}', true], ['\\frac{14}{3}', '14/3', true], ['\\frac{14}{3}', '4\\frac{2}{3}', true], ['\\frac{14}{3}', '4 2/3', true],
  ['\\frac{14}{3}', '\\frac{28}{6}', true], ['\\frac{14}{3}', '\\tfrac{14}{3}', true], ['\\frac{14}{3}', '4.67', false], ['\\frac{14}{3}', '4.666666666666667', false],
  ['\\frac{14}{3}', '-\\frac{14}{3}', false], ['\\frac{14}{3}', '\\frac{3}{14}', false], ['\\frac{14}{3}', '\\frac{14}{3} \\approx 4.67', true],
  ['\\frac{3}{56}', '3/56', true], ['\\frac{3}{56}', '\\frac{6}{112}', true], ['\\frac{3}{56}', '0.0536', false], ['\\frac{3}{56}', '\\frac{56}{3}', false],
  ['\\frac43', '\\frac{4}{3}', true], ['\\frac43', '1\\frac{1}{3}', true], ['\\frac43', '1.33', false], ['\\frac43', '\\frac34', false],
  ['\\frac 59', '5/9', true], ['\\frac 59', '\\frac{9}{5}', false], ['\\frac9{19}', '\\frac{9}{19}', true], ['\\frac9{19}', '\\frac{9}{91}', false],
  ['\\frac{270}7\\text{ degrees}', '\\frac{270}{7}', true], ['\\frac{270}7\\text{ degrees}', '\\frac{270}{7}^\\circ', true], ['\\frac{270}7\\text{ degrees}', '38.57', false],
  ['\\dfrac{17}{50}', '0.34', true], ['\\dfrac{17}{50}', '\\frac{17}{50}', true], ['\\dfrac{17}{50}', '34\\%', true], ['\\dfrac{17}{50}', '0.35', false],
  ['\\dfrac{33}{100}', '0.33', true], ['\\dfrac{33}{100}', '33\\%', true], ['\\dfrac{33}{100}', '\\frac{1}{3}', false],
  ['-\\frac{35}{9}', '\\frac{-35}{9}', true], ['-\\frac{35}{9}', '-35/9', true], ['-\\frac{35}{9}', '-3\\frac{8}{9}', true], ['-\\frac{35}{9}', '\\frac{35}{9}', false],
  ['\\frac{1}{3}', '\\frac{-1}{3}', false], ['\\frac{1}{3}', '1/3', true], ['\\frac{1}{3}', '0.333', false], ['\\frac{1}{3}', '3^{-1}', true],
  ['-\\frac{24}{25}', '-0.96', true], ['-\\frac{24}{25}', '0.96', false], ['\\frac{1997}{2}', '998.5', true], ['\\frac{1997}{2}', '998', false],
  ['\\frac{448}{15625}', '0.028672', true], ['\\frac{448}{15625}', '0.0287', false], ['\\frac{3840}{289}', '\\frac{3840}{289}', true], ['\\frac{3840}{289}', '13.29', false],
];

const DECIMALS: Row[] = [
  ['1.25', '\\frac{5}{4}', true], ['1.25', '1\\frac14', true], ['1.25', '1.250', true], ['1.25', '1.2', false],
  ['0.15', '\\frac{3}{20}', true], ['0.15', '.15', true], ['0.15', '15\\%', true], ['0.15', '0.015', false],
  ['3.21', '3.210', true], ['3.21', '3.2', false], ['.0000672', '0.0000672', true], ['.0000672', '6.72\\times 10^{-5}', true], ['.0000672', '0.000067', false],
  ['.35625', '\\frac{57}{160}', true], ['.35625', '0.356', false], ['326.5', '\\frac{653}{2}', true], ['326.5', '326\\frac12', true], ['326.5', '326.6', false],
  ['\\frac{2}{3}', '0.\\overline{6}', true], ['\\frac{2}{3}', '0.67', false], ['\\frac{2}{3}', '0.\\overline{3}', false], ['\\frac{13}{18}', '0.7\\overline{2}', true],
  ['\\sqrt{51}', 'sqrt(51)', true], ['7\\pi', '7pi', true], ['7\\pi', '7 pi', true], ['4.5', '\\frac92', true], ['4.5', '4\\frac{1}{2}', true], ['4.5', '45', false],
  ['137 \\frac{1}{2}', '137.5', true], ['137 \\frac{1}{2}', '\\frac{275}{2}', true], ['137 \\frac{1}{2}', '\\frac{137}{2}', false],
  ['1\\frac{4}{5}', '\\frac{9}{5}', true], ['1\\frac{4}{5}', '1.8', true], ['1\\frac{4}{5}', '\\frac45', false],
];

const RADICALS: Row[] = [
  ['3\\sqrt{13}', '\\sqrt{117}', true], ['3\\sqrt{13}', '3 \\sqrt{13}', true], ['3\\sqrt{13}', '\\sqrt{13}\\cdot 3', true], ['3\\sqrt{13}', '10.82', false],
  ['3\\sqrt{13}', '3\\sqrt{31}', false], ['3\\sqrt{13}', '13\\sqrt{3}', false], ['\\sqrt{51}', '51^{1/2}', true], ['\\sqrt{51}', '\\sqrt{15}', false],
  ['11\\sqrt2', '11\\sqrt{2}', true], ['11\\sqrt2', '\\sqrt{242}', true], ['11\\sqrt2', '15.556', false], ['70 \\sqrt{2}', '\\sqrt{9800}', true], ['70 \\sqrt{2}', '70\\sqrt{3}', false],
  ['\\frac{3\\sqrt{3}}{4}', '\\frac{3}{4}\\sqrt{3}', true], ['\\frac{3\\sqrt{3}}{4}', '\\frac{\\sqrt{27}}{4}', true], ['\\frac{3\\sqrt{3}}{4}', '0.75\\sqrt3', true],
  ['\\frac{3\\sqrt{3}}{4}', '\\frac{3\\sqrt{3}}{2}', false], ['\\frac{\\sqrt{3}}{3}', '\\frac{1}{\\sqrt{3}}', true], ['\\frac{\\sqrt{3}}{3}', '\\sqrt{\\frac{1}{3}}', true],
  ['\\frac{\\sqrt{3}}{3}', '\\sqrt{3}', false], ['\\frac{\\sqrt{3}}{3}', '0.577', false], ['-\\sqrt{3}', '-\\sqrt3', true], ['-\\sqrt{3}', '\\sqrt{3}', false],
  ['2\\sqrt{113}', '\\sqrt{452}', true], ['3 \\sqrt{5}', '\\sqrt{45}', true], ['2 \\sqrt{5}', '\\sqrt{20}', true], ['\\sqrt{66}', '\\sqrt{6}\\sqrt{11}', true],
  ['6\\sqrt{2}', '\\sqrt{72}', true], ['16 \\sqrt{3}', '\\sqrt{768}', true], ['16 \\sqrt{3}', '16\\sqrt{2}', false], ['\\frac{\\sqrt{21}}{5}', '\\sqrt{\\frac{21}{25}}', true],
  ['\\frac{\\sqrt{21}}{5}', '\\frac{21}{5}', false], ['1+2\\sqrt{3}', '2\\sqrt{3}+1', true], ['1+2\\sqrt{3}', '1+\\sqrt{12}', true], ['1+2\\sqrt{3}', '1-2\\sqrt{3}', false],
  ['11 \\sqrt{5} + 11', '11(1+\\sqrt5)', true], ['11 \\sqrt{5} + 11', '11\\sqrt5 - 11', false],
];

const PI_AND_DEGREES: Row[] = [
  ['\\pi', 'π', true], ['\\pi', '3.14', false], ['\\pi', '3.14159', false], ['-\\frac{\\pi}{6}', '-\\pi/6', true], ['-\\frac{\\pi}{6}', '\\frac{-\\pi}{6}', true],
  ['-\\frac{\\pi}{6}', '\\frac{\\pi}{6}', false], ['-\\frac{\\pi}{6}', '-30^\\circ', false], ['288 \\pi', '288\\pi', true], ['288 \\pi', '904.78', false],
  ['7\\pi', '7 \\pi', true], ['12\\pi', '\\pi \\cdot 12', true], ['8 \\pi', '8\\pi', true], ['8 \\pi', '8', false], ['18+2\\pi', '2\\pi+18', true],
  ['18+2\\pi', '2(9+\\pi)', true], ['18+2\\pi', '18+\\pi', false], ['\\frac{20000}{\\pi}', '20000/\\pi', true], ['\\frac{20000}{\\pi}', '\\frac{20000}{3.14}', false],
  // Degrees are read as the number of degrees; the same angle in radians is a different answer.
  ['90^\\circ', '90', true], ['90^\\circ', '90°', true], ['90^\\circ', '90^{\\circ}', true], ['90^\\circ', '\\frac{\\pi}{2}', false], ['90^\\circ', '45^\\circ', false],
  ['145^\\circ', '145', true], ['120^\\circ', '120 degrees', true], ['30^\\circ', '30', true], ['106^\\circ', '106', true], ['75^\\circ', '57^\\circ', false],
  ['55^\\circ', '\\text{55 degrees}', true], ['36^\\circ', '36^\\circ', true], ['36^\\circ', '-36^\\circ', false],
];

const UNITS_BASES_COMPLEX: Row[] = [
  ['\\$32,\\!348', '32348', true], ['\\$32,\\!348', '\\$32,348', true], ['\\$32,\\!348', '32,348 dollars', true], ['\\$32,\\!348', '32,384', false],
  ['\\$18.90', '18.9', true], ['\\$18.90', '\\$18.90', true], ['\\$18.90', '18.09', false], ['\\$36', '36', true], ['\\$36', '36 dollars', true], ['\\$36', '\\$63', false],
  ['5.4 \\text{ cents}', '5.4', true], ['5.4 \\text{ cents}', '5.4\\text{ cents}', true], ['5.4 \\text{ cents}', '54', false],
  ['864 \\mbox{ inches}^2', '864', true], ['864 \\mbox{ inches}^2', '864 \\text{ in}^2', true], ['864 \\mbox{ inches}^2', '846', false],
  ['15\\mbox{ cm}^2', '15', true], ['15\\mbox{ cm}^2', '15 cm^2', true], ['15\\mbox{ cm}^2', '\\text{5 cm}', false],
  // Digits in another base: the subscript may be left off, but the decimal value is a different answer.
  ['52_8', '52', true], ['52_8', '52_{8}', true], ['52_8', '42_{10}', true], ['52_8', '42', false], ['52_8', '25_8', false], ['40_9', '40_{9}', true],
  ['2516_8', '2516', true], ['2516_8', '1358', false], ['4210_{5}', '4210_5', true], ['204_5', '204', true], ['4343_6', '4343_{6}', true], ['4343_6', '4334_6', false],
  ['6 - 5i', '6-5i', true], ['6 - 5i', '-5i+6', true], ['6 - 5i', '6+5i', false], ['6 - 5i', '5-6i', false], ['6+9i', '9i+6', true], ['-2 + 7i', '-2+7i', true],
  ['-2 + 7i', '2-7i', false], ['1+274i', '274i+1', true], ['1 - 12i', '1-12i', true], ['1 - 12i', '1+12i', false], ['1+2i', '(1+2i)', true], ['1+2i', '1+2', false],
];

describe.each([
  ['integers and separators', INTEGERS],
  ['fractions, signs and mixed numbers', FRACTIONS],
  ['decimals (exact ones only)', DECIMALS],
  ['radicals', RADICALS],
  ['π and degrees', PI_AND_DEGREES],
  ['units, money, bases, complex numbers', UNITS_BASES_COMPLEX],
])('MATH-500 numbers: %s', (_group, rows) => {
  test.each(rows)('expected %j, answer %j: %s', (expected, answer, right) => {
    expect(verdict(expected, answer)).toBe(right);
  });
});
