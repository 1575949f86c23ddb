// Types of the age puzzle's custom scorer module (age-ratio.mjs), for the tests that import it.
import type { CustomScorerModule } from '../../src/score/scorers/custom.js';
export declare const extract: NonNullable<CustomScorerModule['extract']>;
export declare const isCorrect: CustomScorerModule['isCorrect'];
