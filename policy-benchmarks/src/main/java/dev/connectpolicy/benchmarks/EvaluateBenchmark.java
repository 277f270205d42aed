package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Explanation;
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
 * One decision of every profile, over a mix of contexts ({@link Mixes}), with tracing off ({@code
 * evaluate}) and on ({@code explain}). Each operation decides the next context of the mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluateBenchmark {

  /** The profile under test. */
  @Param({
    "openclaw-2026.3.12",
    "openclaw-2026.3.13",
    "openclaw-2026.3.13+pr48285",
    "openclaw-2026.3.13+pr48285-reviewed",
    "openclaw-2026.4",
    "openclaw-2026.5",
    "openclaw-latest",
    "recommended"
  })
  public String profile;

  /** The mix of contexts: {@code traffic} or {@code table}. */
  @Param({"traffic", "table"})
  public String mix;

  private PolicyPipeline policy;
  private ConnectContext[] contexts;
  private int next;

  /** Creates the benchmark state; JMH sets the parameters, then calls {@link #setUp()}. */
  public EvaluateBenchmark() {
    this.policy = ConnectPolicies.recommended();
    this.contexts = new ConnectContext[0];
  }

  /** Loads the profile and the mix. */
  @Setup
  public void setUp() {
    policy = ConnectPolicies.profile(profile);
    contexts = Mixes.named(mix);
  }

  private ConnectContext nextContext() {
    ConnectContext context = contexts[next];
    next = (next + 1) & (Mixes.SIZE - 1);
    return context;
  }

  /**
   * Decides one context with tracing off.
   *
   * @return the decision
   */
  @Benchmark
  public Decision evaluate() {
    return policy.evaluate(nextContext());
  }

  /**
   * Decides one context with its trace.
   *
   * @return the decision and trace
   */
  @Benchmark
  public Explanation explain() {
    return policy.explain(nextContext());
  }
}
