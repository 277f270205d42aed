package dev.connectpolicy.engine.internal;

import dev.connectpolicy.api.ConnectContext;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A release's own test of whether it approves a pairing requirement silently, as the evidence layer
 * needs it to walk the release's pairing checks ({@link RequestReading#silentApproval()}): the same
 * test the release's profile decides with, named for {@code toString}.
 *
 * @param name what the test is, such as the profile rule's setting
 * @param test true if the facts' pairing requirement is approved silently
 */
public record SilentApproval(String name, Predicate<ConnectContext> test) {

  /** Checks both. */
  public SilentApproval {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(test, "test");
  }

  /**
   * Tells whether the requirement of the facts ({@link ConnectContext#pairing()}) is approved
   * silently.
   *
   * @param facts the facts, their pairing state the requirement
   * @return true for a silent approval
   */
  public boolean approves(ConnectContext facts) {
    return test.test(facts);
  }

  @Override
  public String toString() {
    return name;
  }
}
