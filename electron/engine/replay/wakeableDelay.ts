/** A sleep that ends early when poked, so pause, stop and rate changes take effect at once. */
export class WakeableDelay {
  private wakers = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(ms, 2_147_483_647));
      this.wakers.add(done);
    });
  }

  poke(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
