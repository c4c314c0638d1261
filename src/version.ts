// The versions tscqlsh reports. `cqlsh` is the cqlsh release whose behaviour it reproduces.
export const VERSION = { tscqlsh: '0.1.0', cqlsh: '6.2.2' } as const;
