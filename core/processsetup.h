#pragma once

namespace ProfileLens {

/**
 * Restarts the process with OMP_WAIT_POLICY=PASSIVE unless it is already set.
 *
 * LibTorch's OpenMP runtime (libgomp) lets idle worker threads spin at every barrier by
 * default. On a busy machine that multiplies training step times by 3 to 6 (measured with
 * tests/benchmarks/bench_train on 2 cores under load), and libgomp reads the setting only
 * when it is loaded, before main() runs, so the process has to start again with it. Call
 * this first thing in main(); it returns normally when no restart is needed or possible.
 */
void ensurePassiveOpenMpWait(char **argv);

} // namespace ProfileLens
