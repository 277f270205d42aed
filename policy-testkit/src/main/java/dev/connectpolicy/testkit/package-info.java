/**
 * Testing admission policies, ours or a gateway's own.
 *
 * <pre>{@code
 * ConnectPolicy mine = ...;
 * PolicyAssertions.assertThat(mine)
 *     .satisfies(Invariants.FAILED_AUTH_NEVER_ACCEPTED, Invariants.CONTROL_UI_BYPASS_NEEDS_FLAG_AND_OPERATOR)
 *     .over(ConnectContexts.all());
 * PolicyAssertions.assertThat(mine.evaluate(context)).isRejected().hasCode(RejectCode.PAIRING_REQUIRED);
 * }</pre>
 */
@NullMarked
package dev.connectpolicy.testkit;

import org.jspecify.annotations.NullMarked;
