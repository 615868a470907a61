import { INITIAL_FLOW_RECORD, type EnrollmentProgress, type FlowRecord } from './flow-record.ts';

/**
 * The one place the enrollment flow keeps its {@link FlowRecord}. The record itself never changes: every write
 * replaces it, and reset() puts the initial record back. Writes first ask `checkCancelled`, so an action that
 * reset() abandoned cannot write into the fresh record (it gets Cancelled instead).
 */
export class FlowMemory {
  readonly #checkCancelled: () => void;
  #record: FlowRecord = INITIAL_FLOW_RECORD;

  /** @param checkCancelled throws when the running action was abandoned. */
  constructor(checkCancelled: () => void) {
    this.#checkCancelled = checkCancelled;
  }

  get record(): FlowRecord {
    return this.#record;
  }

  /** Replaces the record by `change` applied to it (a patch of fields, or a function of the current record). */
  update(change: Partial<FlowRecord> | ((record: FlowRecord) => FlowRecord)): void {
    this.#checkCancelled();
    this.#record = typeof change === 'function' ? change(this.#record) : { ...this.#record, ...change };
  }

  /** Replaces the enrollment progress by `patch` applied to it. @throws {Error} when no enrollment is under way. */
  updateEnrollment(patch: Partial<EnrollmentProgress>): void {
    this.update((record) => {
      if (record.enrollment === undefined) throw new Error('no enrollment under way');
      return { ...record, enrollment: { ...record.enrollment, ...patch } };
    });
  }

  /** Forgets everything: credentials, tokens, progress. */
  reset(): void {
    this.#record = INITIAL_FLOW_RECORD;
  }
}
