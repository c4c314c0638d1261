#!/usr/bin/env node
// Runs docker/Dockerfile's build steps on the host, for machines without a Docker engine: the same
// RUN commands, in order, with each stage's `/` a directory under OUT (default: a new temp dir).
//   FROM img AS name   a new stage root OUT/<name> (the host's Node stands in for the image; the
//                      major versions must match)
//   WORKDIR p          cwd = root/p (created)
//   COPY [--from=s] src... dest   from the context (repository root) or stage s's root; a directory
//                      copies its contents, as Docker does; symlinks are kept
//   RUN cmd            `sh -c cmd` in cwd, with the stage's ENV
//   ENV/ARG            recorded (ENV values that are absolute paths, PATH entries too, are mapped)
//   USER, ENTRYPOINT   recorded
// Prints a JSON summary on stdout's last line: { out, stages: {name: root}, final, entrypoint, env,
// workdir, user }. Usage: node scripts/docker-build-steps.mjs [--out DIR] [--dockerfile PATH]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const dockerfile = path.resolve(opt('dockerfile') ?? path.join(root, 'docker', 'Dockerfile'));
const context = root;
const out = path.resolve(opt('out') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-docker-steps-')));
const log = (m) => process.stderr.write(`[docker-build-steps] ${m}\n`);

/** Dockerfile instructions: comments dropped, continuation lines joined */
function instructions(text) {
  const out = [];
  let cur = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!cur && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      cur += line.slice(0, -1) + ' ';
      continue;
    }
    cur += line;
    const m = /^(\S+)\s*(.*)$/.exec(cur);
    out.push({ op: m[1].toUpperCase(), args: m[2] });
    cur = '';
  }
  return out;
}

const args = {};
const stages = {};
let stage;
const subst = (s, env) => s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, k) => env[k] ?? args[k] ?? process.env[k] ?? '');
/** an absolute path inside a stage → the host path */
const inRoot = (stageRoot, p) => path.join(stageRoot, ...p.split('/').filter(Boolean));

function copyInto(src, dest) {
  const st = fs.lstatSync(src);
  if (st.isDirectory()) {
    fs.mkdirSync(dest, { recursive: true });
    fs.cpSync(src, dest, { recursive: true, verbatimSymlinks: true });
  } else {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.cpSync(src, dest, { verbatimSymlinks: true });
  }
}

fs.mkdirSync(out, { recursive: true });
for (const { op, args: rest } of instructions(fs.readFileSync(dockerfile, 'utf8'))) {
  if (op === 'ARG') {
    const [k, v] = rest.split('=');
    if (!stage) args[k] = v ?? '';
    continue;
  }
  if (op === 'FROM') {
    const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
    const image = subst(m[1], {});
    const name = m[2] ?? `stage${Object.keys(stages).length}`;
    const tag = /^node:(\d+)/.exec(image);
    const major = process.versions.node.split('.')[0];
    if (tag && tag[1] !== major) throw new Error(`${image}: the host runs Node ${process.versions.node}, not ${tag[1]}`);
    const stageRoot = path.join(out, name);
    fs.rmSync(stageRoot, { recursive: true, force: true });
    fs.mkdirSync(stageRoot, { recursive: true });
    stage = { name, root: stageRoot, cwd: stageRoot, workdir: '/', env: {}, user: 'root', entrypoint: undefined };
    stages[name] = stage;
    log(`FROM ${image} AS ${name} → ${stageRoot}`);
    continue;
  }
  if (!stage) throw new Error(`${op} before FROM`);
  switch (op) {
    case 'WORKDIR': {
      stage.workdir = path.posix.resolve(stage.workdir, subst(rest, stage.env));
      stage.cwd = inRoot(stage.root, stage.workdir);
      fs.mkdirSync(stage.cwd, { recursive: true });
      break;
    }
    case 'ENV': {
      for (const m of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) stage.env[m[1]] = subst(m[2].replace(/^"|"$/g, ''), stage.env);
      break;
    }
    case 'COPY': {
      const words = rest.split(/\s+/);
      let from;
      while (words[0].startsWith('--')) {
        const w = words.shift();
        if (w.startsWith('--from=')) from = w.slice(7);
      }
      const dest = words.pop();
      const srcRoot = from ? stages[from]?.root : context;
      if (!srcRoot) throw new Error(`COPY --from=${from}: no such stage`);
      const destPath = dest.startsWith('/') ? inRoot(stage.root, dest) : path.join(stage.cwd, dest);
      const intoDir = dest.endsWith('/') || words.length > 1;
      for (const src of words) {
        const dir = from ? path.posix.dirname(src) : path.dirname(src);
        const base = path.basename(src);
        const srcDir = from ? inRoot(srcRoot, dir) : path.join(srcRoot, dir);
        const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        const matches = fs.readdirSync(srcDir).filter((f) => re.test(f));
        if (!matches.length) throw new Error(`COPY ${src}: no such file`);
        for (const f of matches) {
          const s = path.join(srcDir, f);
          const isDir = fs.lstatSync(s).isDirectory();
          copyInto(s, intoDir && !isDir ? path.join(destPath, f) : destPath);
        }
      }
      log(`COPY ${rest}`);
      break;
    }
    case 'RUN': {
      log(`RUN ${rest}`);
      const t0 = Date.now();
      const r = spawnSync('sh', ['-c', rest], {
        cwd: stage.cwd,
        stdio: ['ignore', 2, 'inherit'], // RUN output to stderr: stdout carries the summary
        env: { ...process.env, ...stage.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
      });
      if (r.status !== 0) throw new Error(`RUN ${rest}: exit ${r.status ?? r.signal}`);
      log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      break;
    }
    case 'USER':
      stage.user = rest;
      break;
    case 'ENTRYPOINT':
    case 'CMD':
      stage[op === 'ENTRYPOINT' ? 'entrypoint' : 'cmd'] = rest.startsWith('[') ? JSON.parse(rest) : ['sh', '-c', rest];
      break;
    default:
      log(`(ignored) ${op} ${rest}`);
  }
}

// the final stage's environment with its absolute paths mapped into its root
const mapPaths = (v) =>
  v
    .split(':')
    .map((p) => (p.startsWith('/') && fs.existsSync(inRoot(stage.root, p)) ? inRoot(stage.root, p) : p))
    .join(path.delimiter);
const env = Object.fromEntries(Object.entries(stage.env).map(([k, v]) => [k, mapPaths(v)]));
process.stdout.write(
  JSON.stringify({ out, stages: Object.fromEntries(Object.entries(stages).map(([k, s]) => [k, s.root])), final: stage.root, entrypoint: stage.entrypoint, env, workdir: stage.cwd, user: stage.user }) + '\n',
);
