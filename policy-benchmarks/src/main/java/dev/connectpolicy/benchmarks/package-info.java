/**
 * JMH benchmarks of connect-policy, and the policies they are measured against: a hand-written
 * if/else chain, a Cedar encoding and a jCasbin encoding of {@code openclaw-2026.3.13}, each proven
 * to agree with the profile on every cell of the fact space before it is timed.
 */
@NullMarked
package dev.connectpolicy.benchmarks;

import org.jspecify.annotations.NullMarked;
