#!/usr/bin/env node
// npm run image:run -- [tscqlsh arguments]
// Runs tscqlsh in the image tscqlsh:dev (TSCQLSH_IMAGE; build it with `npm run image:build`), as
// `docker run --rm -i --network host` does: the host's network, stdin passed through (a terminal
// when this one is: the REPL), the exit code passed back. The directory it is called from is
// mounted read-only at /home/node/work and is the working directory, so `-f file.cql` and SOURCE
// read the files there (when the image's user, uid 1000, may read it). With buildah (no engine
// needed) a working container is made for the run and removed after it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { buildahExitNoise, containerCommand, engine, imageHome, imageId, imageName, imageUid } from './image-engine.mjs';

if (!engine()) {
  console.error('image:run: no container engine: install buildah (apt-get install buildah), or start a Docker engine');
  process.exit(1);
}
if (!imageId()) {
  console.error(`image:run: no image ${imageName}: run npm run image:build first`);
  process.exit(1);
}
const here = process.env.INIT_CWD || process.cwd();
const work = `${imageHome}/work`;
const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
// the image's user (uid 1000) must be able to enter the folder, or nothing could start in it
const st = fs.statSync(here);
const enterable = (st.mode & 0o005) === 0o005 || (st.uid === imageUid && (st.mode & 0o500) === 0o500);
if (!enterable) console.error(`image:run: ${here} is not readable by the image's user (uid ${imageUid}): not mounted at ${work}`);
const mount = enterable ? { volumes: [[here, work, 'ro']], workdir: work } : {};
const { cmd, args, cleanup: removeContainer } = containerCommand(process.argv.slice(2), { ...mount, tty });
let cleaned = false;
const cleanup = () => {
  if (!cleaned) removeContainer();
  cleaned = true;
};
// whatever ends this process (its terminal gone, an error), the working container goes with it
process.on('exit', cleanup);
for (const s of [process.stdout, process.stderr]) s.on('error', () => {});
const child = spawn(cmd, args, { stdio: ['inherit', 'inherit', cmd === 'buildah' ? 'pipe' : 'inherit'] });
if (cmd === 'buildah') {
  // buildah's own lines about a non-zero exit are dropped: the exit code says it
  let pending = '';
  child.stderr.setEncoding('utf8').on('data', (d) => {
    const lines = (pending + d).split(/(?<=\n)/);
    pending = lines.at(-1).endsWith('\n') ? '' : lines.pop();
    process.stderr.write(lines.join('').replace(buildahExitNoise, ''));
  });
  child.stderr.on('end', () => pending && process.stderr.write(pending));
}
// Ctrl-C reaches the container by itself (the terminal's, or the process group's SIGINT);
// termination and a hang-up (the terminal closed) are passed on. This process waits for the
// container to end, then removes it.
process.on('SIGINT', () => {});
for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('error', (e) => {
  cleanup();
  console.error(`image:run: ${cmd}: ${e.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 128 : 1));
});
