/**
 * The hand-written baseline of the benchmarks: OpenClaw 2026.3.13's connect admission as one plain
 * chain of conditionals over the api types, with no engine underneath, proven equal to the engine's
 * profile on every cell of the fact space.
 */
@NullMarked
package dev.connectpolicy.benchmarks.baseline;

import org.jspecify.annotations.NullMarked;
