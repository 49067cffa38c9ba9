/**
 * Runs work for the same key one after the other on this node, so a check and the write it guards
 * cannot interleave with a parallel request for the same key (a quota, a failure counter).
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const settled = turn.catch(() => undefined);
    this.tails.set(key, settled);
    void settled.then(() => this.tails.get(key) === settled && this.tails.delete(key));
    return turn;
  }
}
