import { Cancelled } from './cancelled.ts';
import type { EnrollmentState } from './enrollment-state.ts';

/** Listener of state changes. */
export type EnrollmentListener = (state: EnrollmentState) => void;

const IDLE: EnrollmentState = { kind: 'idle' };

/**
 * Runs the enrollment flow's actions one at a time and publishes its state to listeners.
 *
 * An action may start only in the state it names and only when no other action runs. reset() returns to
 * `idle` at once and abandons the running action: from then on its state changes (and the flow's writes,
 * which call {@link checkCancelled}) throw {@link Cancelled}, which run() swallows; the next action starts
 * once the abandoned one has returned (bounded by the client's request timeout).
 */
export class ActionRunner {
  readonly #listeners = new Set<EnrollmentListener>();
  #state: EnrollmentState = IDLE;
  #running: Promise<void> | undefined;
  #cancelled = false;

  /** The state the listeners last saw. */
  get state(): EnrollmentState {
    return this.#state;
  }

  /** True when reset() abandoned the running action. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** Calls `listener` after every state change. @returns a function that unsubscribes. */
  subscribe(listener: EnrollmentListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** @throws {Cancelled} when reset() abandoned the running action. */
  checkCancelled(): void {
    if (this.#cancelled) throw new Cancelled('reset');
  }

  /**
   * Makes `state` the current state and tells the listeners.
   * @throws {Cancelled} when reset() abandoned the running action (the state is not shown).
   */
  show(state: EnrollmentState): void {
    this.checkCancelled();
    this.#state = state;
    this.#notify();
  }

  /**
   * Runs `task` as the action named `action`.
   * @param allowed the state the action needs; undefined: any state.
   * @throws {Error} (rejects) when another action is running or the state is not `allowed`.
   */
  async run(action: string, allowed: EnrollmentState['kind'] | undefined, task: () => Promise<void>): Promise<void> {
    if (this.#running !== undefined) {
      if (!this.#cancelled) throw new Error(`${action}() called while another action is running`);
      await this.#running;
    }
    if (allowed !== undefined && this.#state.kind !== allowed) {
      throw new Error(`${action}() needs state "${allowed}", not "${this.#state.kind}"`);
    }
    this.#cancelled = false;
    const running = task().catch((error: unknown) => {
      if (!(error instanceof Cancelled)) throw error;
    });
    this.#running = running;
    try {
      await running;
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  /** Abandons the running action, if any, and shows `idle`. */
  reset(): void {
    if (this.#running !== undefined) this.#cancelled = true;
    this.#state = IDLE;
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state);
      } catch (error: unknown) {
        // A UI bug must not break the flow; states carry no secrets, so logging the listener's error is safe.
        console.error('EnrollmentFlow listener failed', error);
      }
    }
  }
}
