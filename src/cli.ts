#!/usr/bin/env node
// The npm package's bin: V8's compile cache, then the program (src/main.ts).
import module from 'node:module';
import { start } from './main.js';

// V8's code cache on disk for the modules loaded after this (the driver above all): ~20-30 ms off
// each connected start-up after the first (bench/startup.mjs). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
start(process.argv.slice(2));
