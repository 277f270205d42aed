package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.table.DecisionTables;
import dev.connectpolicy.engine.table.TableFormat;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole decision table per operation: the 2,668,896 cells of {@link FactSpace#standard()}.
 *
 * <ul>
 *   <li>{@code enumerate}: building every context, nothing decided;
 *   <li>{@code evaluateAll}: deciding every context of an array enumerated beforehand;
 *   <li>{@code enumerateAndEvaluate}: both, as the exhaustive tests and tables do;
 *   <li>{@code writeCsv}: the full table as CSV into a counting sink.
 * </ul>
 *
 * Divide a score by the cell count for the cost per cell.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms3g", "-Xmx3g"})
public class TableBenchmark {

  /** The profile whose table is computed. */
  @Param({"openclaw-2026.3.13", "recommended"})
  public String profile;

  private PolicyPipeline policy;

  /** Creates the benchmark state; JMH sets the parameters, then calls {@link #setUp()}. */
  public TableBenchmark() {
    this.policy = ConnectPolicies.recommended();
  }

  /** Loads the profile. */
  @Setup
  public void setUp() {
    policy = ConnectPolicies.profile(profile);
  }

  /**
   * Every cell, enumerated once: a state of its own, so that only {@link #evaluateAll} holds the
   * 2.7 million contexts in its heap.
   */
  @State(Scope.Benchmark)
  public static class Cells {
    private ConnectContext[] all = new ConnectContext[0];

    /** Creates the state; JMH calls {@link #enumerateOnce()}. */
    public Cells() {}

    /** Enumerates the fact space into an array. */
    @Setup
    public void enumerateOnce() {
      List<ConnectContext> cells = new ArrayList<>();
      FactSpace.standard().forEach(cells::add);
      all = cells.toArray(new ConnectContext[0]);
    }
  }

  /**
   * Enumerates the table's contexts.
   *
   * @param sink consumes each context
   */
  @Benchmark
  public void enumerate(Blackhole sink) {
    FactSpace.standard().forEach(sink::consume);
  }

  /**
   * Decides every cell of an array enumerated in the set-up.
   *
   * @param cells the cells
   * @param sink consumes each decision
   */
  @Benchmark
  public void evaluateAll(Cells cells, Blackhole sink) {
    for (ConnectContext cell : cells.all) {
      sink.consume(policy.evaluate(cell));
    }
  }

  /**
   * Enumerates the contexts and decides each.
   *
   * @param sink consumes each decision
   */
  @Benchmark
  public void enumerateAndEvaluate(Blackhole sink) {
    FactSpace.standard().forEach(context -> sink.consume(policy.evaluate(context)));
  }

  /**
   * Writes the full table as CSV.
   *
   * @return the number of characters written
   */
  @Benchmark
  public long writeCsv() {
    CountingSink out = new CountingSink();
    DecisionTables.write(policy, FactSpace.standard(), TableFormat.CSV, out);
    return out.count;
  }

  /** Counts what is appended and keeps nothing. */
  private static final class CountingSink implements Appendable {
    private long count;

    @Override
    public Appendable append(CharSequence text) {
      count += text.length();
      return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      count += end - start;
      return this;
    }

    @Override
    public Appendable append(char c) {
      count++;
      return this;
    }
  }
}
