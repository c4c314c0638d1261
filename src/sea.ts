// The single-file binary's entry: scripts/build-binary.mjs bundles it as one CommonJS script for
// Node's single executable application support. Built with a V8 start-up snapshot (the default),
// this runs once, at build time: the modules of the connected path (the driver, the engine,
// formatting) are evaluated into the snapshot, and each run of the binary starts from that state.
import v8 from 'node:v8';
import { start } from './main.js';

const snapshot = v8.startupSnapshot;
if (snapshot?.isBuildingSnapshot()) {
  import('./run.js').then(
    () => snapshot.setDeserializeMainFunction(() => start(process.argv.slice(2))),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
} else {
  start(process.argv.slice(2));
}
