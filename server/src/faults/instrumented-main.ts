/**
 * The production entry plus a memory probe for the load and fault benches: on SIGUSR2 it runs a
 * full collection (when started with --expose-gc) and prints its memory on one line, so a bench
 * can tell retained memory from garbage that simply has not been collected yet.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  console.log(`verbund-memory ${JSON.stringify(process.memoryUsage())}`);
});

await import('../main.js');
