// The package API: what `import ... from 'thinkbench'` gives. The CLI is built on the same functions.

export { evaluate, type EvaluateOptions } from './run/evaluate.js';
export { runSuite, type RunSettings, type SuiteRun } from './run/run-suite.js';
export { rescoreResult, type RescoreChanges, type RescoreOptions } from './run/rescore.js';
export { loadSuite, parseSuite } from './suite/load.js';
export { scoreRun, type RunRecord, type ScoreRunInput } from './score/score-run.js';
export { scorerFor, scorerFactory } from './score/scorers/index.js';
export type { Grades, Reading, Scorer, ScorerFactory, Verdict, Verifier } from './score/scorer.js';
export { gradeRun, gradesFromSamples } from './grade/grade-run.js';
export { buildGraders } from './grade/graders.js';
export { loadCustomModules } from './grade/custom.js';
export { compareResults, type Comparison, type LoadedResult } from './compare/compare.js';
export { readResult, writeResult } from './result/store.js';
export { createModelClient, type ModelClient, type ModelClientOptions } from './model/openai.js';
export { startMockServer, type MockOptions, type MockServer } from './mock/server.js';
export { Case, RawCase, RawSuite, Suite, type ChatMessage, type Params, type ScorerName } from './schema/suite.js';
export { CaseResult, RawSample, Result, Sample, Summary, Usage, SCHEMA_VERSION } from './schema/result.js';
export { ThinkbenchError } from './errors.js';
export { TOOL } from './tool.js';
