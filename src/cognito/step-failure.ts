import type { CognitoProblem } from './cognito-problem.ts';

/**
 * A step of the enrollment flow failed with a problem the UI can show. Internal to src/cognito: the flow
 * catches it and moves to the `failed` state; it never reaches the UI as an exception.
 */
export class StepFailure extends Error {
  readonly problem: CognitoProblem;

  constructor(problem: CognitoProblem, options?: { cause?: unknown }) {
    super(`enrollment step failed: ${problem.code}`, options);
    this.name = 'StepFailure';
    this.problem = problem;
  }
}
