// The JavaScript harness written beside each program: runs program.js then tests.js in one scope, recording each node:assert call, and reports on fd 3.

/**
 * Runs in the sandbox as `node harness.cjs <entry point>`. The convention for JavaScript tests:
 * the program is a script (CommonJS: `require` and `module.exports` work; no top-level await) and
 * the tests are plain code run after it in a block of the same scope, so they see its functions.
 * They assert with node:assert, either the global `assert` or `require('node:assert')` (also
 * 'assert', 'node:assert/strict'); every assert call is one test, recorded 1/0/E without stopping
 * the others. When the tests define `function check(candidate)` and an entry point is given,
 * check(entryPoint) is called (HumanEval's shape). Unlike Python, an exception thrown outside an
 * assert call (say while computing its arguments) ends the tests there, recorded as E. The report
 * has the same JSON shape as the Python harness's.
 */
export const JS_HARNESS = String.raw`'use strict';
const fs = require('node:fs');
// Node writes to a pipe asynchronously, queueing in memory: a program printing in a loop would never
// reach the output cap. Blocking writes of our own, installed before process.stdout is first touched.
const { Writable } = require('node:stream');
const blockingStream = (fd) => Object.assign(new Writable({ write(chunk, _encoding, done) { try { fs.writeSync(fd, chunk); done(); } catch (e) { done(e); } } }), { fd, isTTY: false });
const stdout = blockingStream(1);
const stderr = blockingStream(2);
Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => stdout });
Object.defineProperty(process, 'stderr', { configurable: true, enumerable: true, get: () => stderr });
const vm = require('node:vm');
const realAssert = require('node:assert');
const ENTRY = process.argv[2] || '';
const results = [];
let first;
let stage = 'program';
let found = { check: undefined, entry: undefined };
Error.stackTraceLimit = 200;
const emit = (obj) => fs.writeSync(3, JSON.stringify(obj) + '\n');
const oneLine = (text) => { const t = String(text).split(/\s+/).join(' ').trim(); return t.length > 300 ? t.slice(0, 300) + '...' : t; };
const describe = (e) => oneLine(e && e.name ? e.name + (e.message ? ': ' + e.message : '') : String(e));
const program = fs.readFileSync('program.js', 'utf8');
const tests = fs.readFileSync('tests.js', 'utf8');
const programLines = program.split('\n').length;
const testLines = tests.split('\n');
const testsStart = programLines + 3;
function testSite(stack) {
  for (const m of String(stack).matchAll(/submission\.js:(\d+):\d+/g)) {
    const line = Number(m[1]);
    if (line >= testsStart && line - testsStart < testLines.length) return testLines[line - testsStart].trim();
  }
  return 'tests';
}
const isMemory = (e) => e instanceof RangeError && /allocation failed/i.test(e.message);
function recorded(fn) {
  return function (...args) {
    if (stage !== 'tests') return Reflect.apply(fn, this, args);
    const site = testSite(new Error().stack);
    try {
      const value = Reflect.apply(fn, this, args);
      results.push('1');
      return value;
    } catch (e) {
      if (isMemory(e)) throw e;
      const failed = e instanceof realAssert.AssertionError;
      results.push(failed ? '0' : 'E');
      if (first === undefined) first = site + (failed ? '' : '  (raised ' + describe(e) + ')');
      return undefined;
    }
  };
}
function recording(target) {
  const wrapped = recorded(target);
  for (const key of Object.keys(target)) {
    const value = target[key];
    if (key === 'strict') continue;
    wrapped[key] = typeof value === 'function' && /^[a-z]/.test(key) ? recorded(value) : value;
  }
  return wrapped;
}
const assertLoose = recording(realAssert);
const assertStrict = recording(realAssert.strict);
assertLoose.strict = assertStrict;
assertStrict.strict = assertStrict;
const ASSERT_MODULES = { assert: assertLoose, 'node:assert': assertLoose, 'assert/strict': assertStrict, 'node:assert/strict': assertStrict };
const sandboxRequire = (name) => (stage === 'tests' && name in ASSERT_MODULES ? ASSERT_MODULES[name] : require(name));
const control = {
  stage(name) { stage = name; globalThis.assert = assertLoose; },
  found(check, entry) { found = { check, entry }; },
};
const entryExpr = /^[A-Za-z_$][\w$]*$/.test(ENTRY) ? 'typeof ' + ENTRY + " !== 'undefined' ? " + ENTRY + ' : undefined' : 'undefined';
const source = '(function (require, module, exports, __thinkbench__) {\n' + program +
  "\n;__thinkbench__.stage('tests');\n{\n" + tests +
  "\n;__thinkbench__.found(typeof check === 'function' ? check : undefined, " + entryExpr + ');\n}\n})';
function main() {
  try {
    new vm.Script('(function () {\n' + program + '\n})', { filename: 'program.js', lineOffset: -1 });
  } catch (e) {
    emit({ kind: 'error', stage: 'program', message: describe(e) });
    return;
  }
  let run;
  try {
    run = new vm.Script(source, { filename: 'submission.js', lineOffset: -1 }).runInThisContext();
  } catch (e) {
    emit({ kind: 'error', stage: 'tests', message: 'the tests do not parse: ' + describe(e) });
    return;
  }
  const mod = { exports: {} };
  let completed = true;
  try {
    run(sandboxRequire, mod, mod.exports, control);
    if (found.check && ENTRY) {
      if (found.entry === undefined) {
        emit({ kind: 'error', stage: 'program', message: 'the program does not define ' + ENTRY });
        return;
      }
      found.check(found.entry);
    }
  } catch (e) {
    if (isMemory(e)) throw e;
    if (stage !== 'tests') {
      emit({ kind: 'error', stage: 'program', message: describe(e) });
      console.error(e);
      return;
    }
    completed = false;
    results.push('E');
    if (first === undefined) first = testSite(e && e.stack) + '  (raised ' + describe(e) + ')';
    console.error(e);
  }
  emit({ kind: 'done', results: results.join(''), failure: first === undefined ? null : first, completed });
}
try {
  main();
} catch (e) {
  if (isMemory(e)) emit({ kind: 'memory' });
  else emit({ kind: 'error', stage: 'harness', message: describe(e) });
}
process.exit(0);
`;
