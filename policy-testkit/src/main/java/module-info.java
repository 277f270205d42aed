/**
 * The connect-policy testkit: test any {@link dev.connectpolicy.api.ConnectPolicy} with exhaustive
 * and seeded-random context generators ({@link dev.connectpolicy.testkit.ConnectContexts}), named
 * security invariants from real admission bugs ({@link dev.connectpolicy.testkit.Invariants}), and
 * AssertJ assertions ({@link dev.connectpolicy.testkit.PolicyAssertions}).
 */
module dev.connectpolicy.testkit {
  requires transitive dev.connectpolicy.api;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires static transitive org.jspecify;

  exports dev.connectpolicy.testkit;
}
