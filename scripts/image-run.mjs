#!/usr/bin/env node
// npm run image:run -- [tscqlsh arguments]
// Runs tscqlsh in the image tscqlsh:dev (TSCQLSH_IMAGE; build it with `npm run image:build`), as
// `docker run --rm -i --network host` does: the host's network, stdin passed through (a terminal
// when this one is: the REPL), the exit code passed back. The directory it is called from is
// mounted read-only at /home/node/work and is the working directory, so `-f file.cql` and SOURCE
// read the files there. With buildah (no engine needed) a working container is made and removed.
import { spawn } from 'node:child_process';
import { buildahExitNoise, containerCommand, engine, imageHome, imageId, imageName } from './image-engine.mjs';

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
const { cmd, args, cleanup } = containerCommand(process.argv.slice(2), { volumes: [[here, work, 'ro']], workdir: work, tty });
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
// Ctrl-C and termination go to the container; this process waits for it, then cleans up
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => {});
child.on('error', (e) => {
  cleanup();
  console.error(`image:run: ${cmd}: ${e.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 128 : 1));
});
