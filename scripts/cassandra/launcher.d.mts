export interface Instance {
  name: string;
  host: string;
  port: number;
  tlsPort: number;
  storagePort: number;
  auth: boolean;
  dir: string;
  pidFile: string;
  logFile: string;
  outFile: string;
  certPem: string;
  keystore: string;
  username?: string;
  password?: string;
}
export declare const projectRoot: string;
export declare function profile(name?: string): Instance;
export declare function start(name?: string, opts?: { timeoutMs?: number; quiet?: boolean }): Promise<Instance & { pid: number; started: boolean }>;
export declare function stop(name?: string, opts?: { quiet?: boolean }): Promise<boolean>;
export declare function status(name?: string): Promise<Instance & { pid?: number; running: boolean }>;
export declare function portOpen(host: string, port: number, timeoutMs?: number): Promise<boolean>;
export declare function describe(p: Instance): string;
export declare function findJava17(): string;
