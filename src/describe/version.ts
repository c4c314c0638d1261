// Which servers answer DESCRIBE themselves: Cassandra 4.0 and later. Older releases, and Amazon
// Keyspaces (which reports 3.11.2), need the client-side generator.

export function hasServerDescribe(releaseVersion: string): boolean {
  const major = Number(/^(\d+)/.exec(releaseVersion)?.[1] ?? 0);
  return major >= 4;
}
