import type { LoadedExtension } from '../support/launch-extension.ts';
import type { TableRow } from './bench-tables.ts';

/** What every measurement gets: one browser with Keystep and the floor extension loaded. */
export interface BenchEnv {
  readonly ext: LoadedExtension;
  /** The floor extension's page: static text showing a code, no script. */
  readonly floorUrl: string;
  /** Counted runs per data point (after one warm-up run that is not counted). */
  readonly runs: number;
  /** The built extension folder, to map loaded URLs to files. */
  readonly dist: string;
}

export interface BudgetCheck {
  readonly name: string;
  /** The limit, as a person reads it, e.g. "<= 25 kB gzip". */
  readonly limit: string;
  readonly measured: string;
  readonly pass: boolean;
}

export interface MeasurementResult {
  readonly rows: readonly TableRow[];
  readonly budgets: readonly BudgetCheck[];
  /** Printed under the tables. */
  readonly notes: readonly string[];
  /** Raw numbers for test-results/bench.json. */
  readonly data: unknown;
}

/** One entry of the bench: adding a measurement is adding one of these to the list in bench.ts. */
export interface Measurement {
  readonly name: string;
  run(env: BenchEnv): Promise<MeasurementResult>;
}
