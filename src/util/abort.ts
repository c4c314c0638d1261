// Waiting for a promise no longer than an AbortSignal allows.

/**
 * `p`, or `aborted` as soon as `signal` fires: the work behind `p` is left to itself, and a
 * rejection of `p` after that is ignored.
 */
export function unlessAborted<T, A>(p: Promise<T>, signal: AbortSignal | undefined, aborted: A): Promise<T | A> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => {});
    return Promise.resolve(aborted);
  }
  return new Promise<T | A>((resolve, reject) => {
    const onAbort = () => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
