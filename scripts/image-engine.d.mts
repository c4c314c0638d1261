export declare const projectRoot: string;
export declare const imageName: string;
export declare const testImageName: string;
export declare const imageHome: string;
export declare const imageUid: number;
export declare const buildahExitNoise: RegExp;
export declare function engine(): 'docker' | 'buildah' | undefined;
export declare function engineSync(args: string[], opts?: { allowFail?: boolean; timeoutMs?: number; input?: string }): { status: number | null; stdout: string; stderr: string };
export declare function imageId(name?: string): string | undefined;
export declare function imageSize(name?: string): number;
export declare function imageConfig(name?: string): { user: string; entrypoint: string[]; env: string[]; workdir: string };
export interface ContainerOptions {
  volumes?: ([string, string] | [string, string, string])[];
  env?: Record<string, string>;
  tty?: boolean;
  workdir?: string;
  entrypoint?: string;
}
export declare function containerCommand(args: string[], opts?: ContainerOptions): { cmd: string; args: string[]; cleanup: () => void };
export declare function runInImage(args: string[], opts?: ContainerOptions & { stdin?: string; timeoutMs?: number }): Promise<{ stdout: string; stderr: string; code: number | null }>;
export declare function withImageRoot<T>(fn: (root: string) => T | Promise<T>): Promise<T>;
