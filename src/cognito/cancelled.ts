/** Thrown inside an action that reset() abandoned, at its next write or state change; the runner swallows it. */
export class Cancelled extends Error {
  constructor(reason: string) {
    super(`enrollment action cancelled: ${reason}`);
    this.name = 'Cancelled';
  }
}
