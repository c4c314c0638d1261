// The container engine the image scripts and the image tests use: a Docker engine where one answers,
// else buildah (Debian's package; no daemon: `--isolation chroot`, the host's network). Set
// TSCQLSH_IMAGE_ENGINE=buildah|docker to choose. TSCQLSH_IMAGE names the image (default tscqlsh:dev).
// buildah's store is machine-wide: everything made here is named tscqlsh-*, and the working
// containers made to run a command are removed after it.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const imageName = process.env.TSCQLSH_IMAGE || 'tscqlsh:dev';
/** the image the tests build and remove: one per checkout, so that parallel runs do not share it */
export const testImageName = `tscqlsh:test-${crypto.createHash('sha256').update(projectRoot).digest('hex').slice(0, 10)}`;
/** the image's user and home (docker/Dockerfile) */
export const imageHome = '/home/node';
export const imageUid = 1000;

let detected;
/** 'docker' | 'buildah' | undefined, detected once */
export function engine() {
  if (detected !== undefined) return detected || undefined;
  const want = process.env.TSCQLSH_IMAGE_ENGINE;
  if (want && want !== 'docker' && want !== 'buildah') throw new Error(`TSCQLSH_IMAGE_ENGINE=${want}: use buildah or docker`);
  const docker = () => spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 10_000 }).stdout?.trim();
  const buildah = () => spawnSync('buildah', ['--version'], { encoding: 'utf8', timeout: 10_000 }).status === 0;
  if (want) detected = (want === 'docker' ? docker() : buildah()) ? want : '';
  else detected = docker() ? 'docker' : buildah() ? 'buildah' : '';
  return detected || undefined;
}

/** runs the engine, output captured; throws with its stderr when it fails (unless allowFail) */
export function engineSync(args, { allowFail = false, timeoutMs = 120_000, input } = {}) {
  const r = spawnSync(engine(), args, { encoding: 'utf8', timeout: timeoutMs, input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) throw new Error(`${engine()} ${args.join(' ')}: exit ${r.status ?? r.signal}\n${r.stderr}`);
  return r;
}

/** the image's id, or undefined when there is none */
export function imageId(name = imageName) {
  const args = engine() === 'docker' ? ['image', 'inspect', '--format', '{{.Id}}', name] : ['inspect', '--type', 'image', '--format', '{{.FromImageID}}', name];
  const r = engineSync(args, { allowFail: true });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** the image's size in bytes (its layers, uncompressed), as `docker images` / `buildah images` count it */
export function imageSize(name = imageName) {
  if (engine() === 'docker') return Number(engineSync(['image', 'inspect', '--format', '{{.Size}}', name]).stdout.trim());
  // the sum of its layers (uncompressed tars: buildah stores them so)
  const manifest = JSON.parse(JSON.parse(engineSync(['inspect', '--type', 'image', name]).stdout).Manifest);
  return manifest.layers.reduce((n, l) => n + l.size, 0);
}

/** the image's configuration: user, entrypoint, env, working dir */
export function imageConfig(name = imageName) {
  if (engine() === 'docker') {
    const c = JSON.parse(engineSync(['image', 'inspect', '--format', '{{json .Config}}', name]).stdout);
    return { user: c.User, entrypoint: c.Entrypoint, env: c.Env ?? [], workdir: c.WorkingDir };
  }
  const c = JSON.parse(engineSync(['inspect', '--type', 'image', name]).stdout).OCIv1.config;
  return { user: c.User, entrypoint: c.Entrypoint, env: c.Env ?? [], workdir: c.WorkingDir };
}

/**
 * The command line that runs `args` in a new container of the image, as `docker run --rm -i` does:
 * the host's network, stdin passed through, the image's user and working directory.
 *   volumes: [hostPath, containerPath, 'ro'?][]; env: {NAME: value}; tty: a terminal; entrypoint:
 *   the program (default: the image's, tscqlsh).
 * Returns { cmd, args, cleanup }: with buildah a working container (tscqlsh-run-*) is made first,
 * and cleanup() removes it (call it when the command has ended).
 */
export function containerCommand(args, { volumes = [], env = {}, tty = false, workdir, entrypoint } = {}) {
  const vols = volumes.flatMap(([host, ctr, mode]) => ['-v', `${path.resolve(host)}:${ctr}${mode ? `:${mode}` : ''}`]);
  const envs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  if (engine() === 'docker') {
    const a = ['run', '--rm', '-i', ...(tty ? ['-t'] : []), '--network', 'host', ...vols, ...envs];
    if (workdir) a.push('-w', workdir);
    if (entrypoint) a.push('--entrypoint', entrypoint);
    return { cmd: 'docker', args: [...a, imageName, ...args], cleanup: () => {} };
  }
  const entry = entrypoint ? [entrypoint] : imageConfig().entrypoint;
  const name = `tscqlsh-run-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  engineSync(['from', '--pull-never', '--quiet', '--name', name, imageName]);
  const a = ['run', '--isolation', 'chroot', '--network', 'host', ...(tty ? ['-t'] : []), ...vols, ...envs];
  if (workdir) a.push('--workingdir', workdir);
  return {
    cmd: 'buildah',
    args: [...a, name, '--', ...entry, ...args],
    cleanup: () => engineSync(['rm', name], { allowFail: true }),
  };
}

/** what buildah run adds to stderr when the command exits non-zero (docker run adds nothing) */
export const buildahExitNoise = /^(?:subprocess exited with status \d+|Error: exit status \d+)\n/gm;

/** runs args in a new container; resolves { stdout, stderr, code } (the container is removed) */
export function runInImage(args, { stdin, timeoutMs = 120_000, ...opts } = {}) {
  const { cmd, args: full, cleanup } = containerCommand(args, opts);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, full, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      cleanup();
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      cleanup();
      resolve({ stdout, stderr: cmd === 'buildah' ? stderr.replace(buildahExitNoise, '') : stderr, code });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(stdin ?? '');
  });
}

/**
 * The image's files, for inspection: calls fn(rootDir) with the image's root mounted (buildah) or
 * exported to a temp dir (docker), then cleans up. buildah mount needs root (or `buildah unshare`).
 */
export async function withImageRoot(fn) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  if (engine() === 'docker') {
    const id = engineSync(['create', imageName]).stdout.trim();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-image-root-'));
    try {
      const tar = spawnSync('sh', ['-c', `docker export ${id} | tar -x -C "${dir}"`], { encoding: 'utf8' });
      if (tar.status !== 0) throw new Error(`docker export: ${tar.stderr}`);
      return await fn(dir);
    } finally {
      engineSync(['rm', id], { allowFail: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `tscqlsh-inspect-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  engineSync(['from', '--pull-never', '--quiet', '--name', name, imageName]);
  try {
    const dir = engineSync(['mount', name]).stdout.trim();
    return await fn(dir);
  } finally {
    engineSync(['umount', name], { allowFail: true });
    engineSync(['rm', name], { allowFail: true });
  }
}
