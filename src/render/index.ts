// Result renderers: cqlsh's table and expanded layouts, and CSV, JSON and box output.

export * from './table.js';
export { formatExpandedBlock } from './expanded.js';
export * from './csv.js';
export * from './json.js';
export * from './box.js';
