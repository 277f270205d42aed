package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Outcome;
import dev.connectpolicy.benchmarks.baseline.IfElseChain;
import dev.connectpolicy.benchmarks.casbin.CasbinPolicy;
import dev.connectpolicy.benchmarks.cedar.CedarPolicy;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code openclaw-2026.3.13} four ways, on the same contexts in one run: the engine's profile, the
 * hand-written if/else chain ({@link IfElseChain}), and the Cedar and jCasbin encodings. The set-up
 * checks, context by context, that the chain decides exactly as the profile and that Cedar and
 * jCasbin agree with it on accept or reject (the tests prove it on every cell of the fact space).
 * Cedar's and jCasbin's requests are built in the set-up, so only their decisions are timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComparisonBenchmark {

  /** The mix of contexts: {@code traffic} or {@code table}. */
  @Param({"traffic", "table"})
  public String mix;

  private final PolicyPipeline profile = ConnectPolicies.profile("openclaw-2026.3.13");
  private final ConnectPolicy compiled = ConnectPolicies.compiled("openclaw-2026.3.13");
  private final IfElseChain chain = new IfElseChain();
  private final CedarPolicy cedar = CedarPolicy.openclaw2026_3_13();
  private final CasbinPolicy casbin = CasbinPolicy.openclaw2026_3_13();
  private ConnectContext[] contexts = new ConnectContext[0];
  private CedarPolicy.Request[] cedarRequests = new CedarPolicy.Request[0];
  private Object[][] casbinRequests = new Object[0][];
  private int next;

  /** Creates the benchmark state; JMH sets the parameters, then calls {@link #setUp()}. */
  public ComparisonBenchmark() {}

  /** Loads the mix and checks that every policy agrees with the profile on each of its contexts. */
  @Setup
  public void setUp() {
    contexts = Mixes.named(mix);
    cedarRequests = new CedarPolicy.Request[contexts.length];
    casbinRequests = new Object[contexts.length][];
    for (int i = 0; i < contexts.length; i++) {
      ConnectContext context = contexts[i];
      cedarRequests[i] = cedar.prepare(context);
      casbinRequests[i] = casbin.prepare(context);
      Decision expected = profile.evaluate(context);
      if (!compiled.evaluate(context).equals(expected)) {
        throw new IllegalStateException("the compiled profile disagrees on " + context);
      }
      if (!chain.evaluate(context).equals(expected)) {
        throw new IllegalStateException("the if/else chain disagrees on " + context);
      }
      boolean accepted = expected.outcome() == Outcome.ACCEPT;
      if (cedar.allows(cedarRequests[i]) != accepted) {
        throw new IllegalStateException("Cedar disagrees on " + context);
      }
      if (casbin.allows(casbinRequests[i]) != accepted) {
        throw new IllegalStateException("jCasbin disagrees on " + context);
      }
    }
  }

  private int nextIndex() {
    int index = next;
    next = (next + 1) & (Mixes.SIZE - 1);
    return index;
  }

  /**
   * The engine's profile.
   *
   * @return the decision
   */
  @Benchmark
  public Decision engine() {
    return profile.evaluate(contexts[nextIndex()]);
  }

  /**
   * The engine's profile, compiled.
   *
   * @return the decision
   */
  @Benchmark
  public Decision compiled() {
    return compiled.evaluate(contexts[nextIndex()]);
  }

  /**
   * The hand-written if/else chain.
   *
   * @return the decision
   */
  @Benchmark
  public Decision ifElseChain() {
    return chain.evaluate(contexts[nextIndex()]);
  }

  /**
   * The Cedar encoding, its request prepared in the set-up.
   *
   * @return whether Cedar allows the connection
   */
  @Benchmark
  public boolean cedar() {
    return cedar.allows(cedarRequests[nextIndex()]);
  }

  /**
   * The jCasbin encoding, its request prepared in the set-up.
   *
   * @return whether jCasbin allows the connection
   */
  @Benchmark
  public boolean casbin() {
    return casbin.allows(casbinRequests[nextIndex()]);
  }
}
