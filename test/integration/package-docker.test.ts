// The Docker image without a Docker engine: scripts/docker-build-steps.mjs runs docker/Dockerfile's
// build steps on the host (each stage's `/` a temp dir), then the final stage's entrypoint runs the
// way `docker exec -i <c> tscqlsh < x.cql` / `docker run -i` would (no TTY: batch mode) against the
// real Cassandra. Also: the Dockerfile's shape (base, stages, user, entrypoint) and compose.yaml.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, run, type RunResult } from '../support/run.js';

const server = inject('cassandra');
const dockerfile = fs.readFileSync(path.join(projectRoot, 'docker', 'Dockerfile'), 'utf8');

interface Steps {
  out: string;
  stages: Record<string, string>;
  final: string;
  entrypoint: string[];
  env: Record<string, string>;
  workdir: string;
  user: string;
}
let steps: Steps;

beforeAll(async () => {
  const r = await new Promise<RunResult>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'docker-build-steps.mjs')], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
  expect(r.code, r.stderr.slice(-3000)).toBe(0);
  steps = JSON.parse(r.stdout.trim().split('\n').pop()!) as Steps;
}, 300_000);

afterAll(() => {
  if (steps) fs.rmSync(steps.out, { recursive: true, force: true });
});

/** the container's entrypoint, as `docker exec -i` runs it: PATH and ENV of the image, cwd its WORKDIR */
function entrypoint(args: string[], stdin?: string): Promise<RunResult> {
  const [cmd, ...pre] = steps.entrypoint;
  const exe = steps.env.PATH.split(path.delimiter)
    .map((d) => path.join(d, cmd))
    .find((p) => fs.existsSync(p));
  expect(exe, `${cmd} on the image's PATH`).toBeDefined();
  expect(exe!.startsWith(steps.final)).toBe(true);
  const home = path.join(steps.final, 'home', 'node');
  return run(exe!, [...pre, ...args], {
    stdin,
    cwd: steps.workdir,
    env: { ...steps.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') },
  });
}

describe('docker/Dockerfile', () => {
  it('is multi-stage on node:24-slim, runs as node, entrypoint tscqlsh', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f).toBe('${NODE_IMAGE}');
    // the final stage: no RUN that installs anything, a non-root user, the entrypoint
    const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(final).not.toMatch(/apt-get|apk |npm (ci|install)|gcc|make|python/);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^ENTRYPOINT \["tscqlsh"\]$/m);
  });

  it('build steps give a final stage with tscqlsh and its runtime dependencies only', () => {
    expect(steps.user).toBe('node');
    expect(steps.entrypoint).toEqual(['tscqlsh']);
    const pkg = path.join(steps.final, 'opt', 'tscqlsh', 'lib', 'node_modules', 'tscqlsh');
    expect(fs.existsSync(path.join(pkg, 'dist', 'cli.js'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'completions', 'tscqlsh.bash'))).toBe(true);
    expect(fs.existsSync(path.join(pkg, 'src'))).toBe(false);
    for (const dev of ['typescript', 'vitest', 'testcontainers']) expect(fs.existsSync(path.join(pkg, 'node_modules', dev))).toBe(false);
    expect(fs.existsSync(path.join(pkg, 'node_modules', 'cassandra-driver'))).toBe(true);
    // nothing but /opt/tscqlsh and the user's dirs
    expect(fs.readdirSync(steps.final).sort()).toEqual(['home', 'opt']);
  });

  it('entrypoint --version', async () => {
    const r = await entrypoint(['--version']);
    expect(r.stdout).toMatch(/^cqlsh 6\.2\.\d+ \(tscqlsh /);
    expect(r.code).toBe(0);
  });

  it('entrypoint with piped stdin (docker exec -i <c> tscqlsh HOST < x.cql): batch mode', async () => {
    const r = await entrypoint([server.host, String(server.port)], 'SELECT release_version FROM system.local;\nSELECT key FROM system.local;\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\n release_version\n-+\n +5\.0\.\d+\n\n\(1 rows\)\n\n key\n-+\n local\n\n\(1 rows\)\n$/);
    expect(r.code).toBe(0);
  });

  it('entrypoint -e, and the exit code of a failing statement', async () => {
    const ok = await entrypoint([server.host, String(server.port), '-e', 'SELECT key FROM system.local']);
    expect(ok.stdout).toMatch(/ local\n/);
    expect(ok.code).toBe(0);
    const bad = await entrypoint([server.host, String(server.port)], 'SELECT * FROM system.nosuchtable;\n');
    expect(bad.stderr).toMatch(/^<stdin>:2:InvalidRequest/);
    expect(bad.code).toBe(2);
  });
});

describe('docker/compose.yaml', () => {
  const file = path.join(projectRoot, 'docker', 'compose.yaml');

  it('has cassandra 5.0 and a dev service built from the Dockerfile, with ~/.aws mounted read-only', async () => {
    let yaml: { parse: (s: string) => unknown } | undefined;
    try {
      yaml = (await import('yaml')) as typeof yaml;
    } catch {
      yaml = undefined;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (!yaml) {
      expect(text).toMatch(/^ {2}dev:$/m);
      return;
    }
    const c = yaml.parse(text) as { services: Record<string, Record<string, unknown>> };
    expect(c.services.cassandra.image).toBe('cassandra:5.0');
    const dev = c.services.dev as { build: { context: string; dockerfile: string }; volumes: string[]; environment: string[]; depends_on: Record<string, unknown> };
    expect(dev.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(fs.existsSync(path.join(projectRoot, 'docker', dev.build.context, dev.build.dockerfile))).toBe(true);
    expect(dev.volumes).toContain('~/.aws:/home/node/.aws:ro');
    expect(dev.environment).toContain('CQLSH_HOST=cassandra');
    expect(dev.depends_on).toHaveProperty('cassandra');
  });

  const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
  it.runIf(compose)('docker compose config accepts it', () => {
    const r = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
