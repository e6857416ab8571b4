/**
 * A value read once and then served from memory until forgotten, for the background's hottest reads.
 * Exact only where every write that changes it goes through `change` (or a change event calls
 * `forget`): a read that starts while a write runs is dropped when the write ends.
 */
export function remembered<T>(read: () => Promise<T>) {
  let known: Promise<T> | undefined;
  const forget = () => {
    known = undefined;
  };
  return {
    get(): Promise<T> {
      if (known) return known;
      const reading = read();
      known = reading;
      // A failed read is not an answer: the next caller tries again.
      reading.catch(() => {
        if (known === reading) forget();
      });
      return reading;
    },
    forget,
    async change<R>(write: () => Promise<R>): Promise<R> {
      forget();
      try {
        return await write();
      } finally {
        forget();
      }
    },
  };
}

export type Remembered<T> = ReturnType<typeof remembered<T>>;
