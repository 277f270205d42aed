package dev.connectpolicy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON results of one JMH run ({@code -rf json}) into the tables and ratios of {@code
 * docs/PERFORMANCE.md}: every result with its allocation, then the targets as ratios of scores
 * measured in that same run.
 *
 * <pre>{@code
 * java -cp policy-benchmarks/target/benchmarks.jar dev.connectpolicy.benchmarks.Report jmh.json
 * }</pre>
 */
public final class Report {

  private static final double CELLS = 2_668_896;

  private final Map<String, Result> results = new LinkedHashMap<>();

  private Report(JsonNode run) {
    for (JsonNode entry : run) {
      String benchmark = entry.get("benchmark").asText();
      String name =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      List<String> params = new ArrayList<>();
      entry.path("params").properties().forEach(p -> params.add(p.getValue().asText()));
      String key = params.isEmpty() ? name : name + " " + String.join(" ", params);
      JsonNode primary = entry.get("primaryMetric");
      JsonNode allocation = entry.path("secondaryMetrics").get("gc.alloc.rate.norm");
      results.put(
          key,
          new Result(
              primary.get("score").asDouble(),
              primary.get("scoreError").asDouble(),
              primary.get("scoreUnit").asText(),
              allocation == null ? null : allocation.get("score").asDouble()));
    }
  }

  /**
   * Prints the report of a JMH result file.
   *
   * @param arguments the path of the JSON result file
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] arguments) throws IOException {
    if (arguments.length != 1) {
      System.err.println("usage: Report JMH_RESULT.json");
      System.exit(2);
    }
    JsonNode run = new ObjectMapper().readTree(Files.readString(Path.of(arguments[0])));
    new Report(run).print(System.out);
  }

  private void print(PrintStream out) {
    out.println("| benchmark | score | error | unit | allocated |");
    out.println("|---|---:|---:|---|---:|");
    results.forEach(
        (key, result) ->
            out.printf(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %s | %s |%n",
                key,
                result.score,
                result.error,
                result.unit,
                result.bytes == null ? "" : String.format(Locale.ROOT, "%.1f B/op", result.bytes)));
    out.println();
    out.println("| ratio | value |");
    out.println("|---|---:|");
    for (String mix : List.of("traffic", "table")) {
      ratio(out, "interpreted / if-else chain, " + mix, "engine", "ifElseChain", mix);
      ratio(out, "compiled / if-else chain, " + mix, "compiled", "ifElseChain", mix);
      ratio(out, "Cedar / interpreted, " + mix, "cedar", "engine", mix);
      ratio(out, "Cedar / compiled, " + mix, "cedar", "compiled", mix);
      ratio(out, "jCasbin / interpreted, " + mix, "casbin", "engine", mix);
      ratio(out, "jCasbin / compiled, " + mix, "casbin", "compiled", mix);
    }
    for (String profile : List.of("openclaw-2026.3.13", "recommended")) {
      OptionalDouble enumerate = score("TableBenchmark.enumerate " + profile);
      OptionalDouble evaluate = score("TableBenchmark.evaluateAll " + profile);
      OptionalDouble both = score("TableBenchmark.enumerateAndEvaluate " + profile);
      if (enumerate.isPresent() && evaluate.isPresent() && both.isPresent()) {
        row(
            out,
            "enumeration / evaluation per cell, " + profile,
            enumerate.getAsDouble() / evaluate.getAsDouble());
        row(
            out,
            "whole table / its evaluations, " + profile,
            both.getAsDouble() / evaluate.getAsDouble());
        row(
            out,
            "ns per cell, enumerated and evaluated, " + profile,
            both.getAsDouble() * 1e6 / CELLS);
      }
    }
    OptionalDouble admit = score("AdmitBenchmark.admit");
    OptionalDouble verify = score("AdmitBenchmark.verify");
    if (admit.isPresent() && verify.isPresent()) {
      row(out, "admit / bare Ed25519 verify", admit.getAsDouble() / verify.getAsDouble());
    }
  }

  private void ratio(
      PrintStream out, String label, String numerator, String denominator, String mix) {
    OptionalDouble top = score("ComparisonBenchmark." + numerator + " " + mix);
    OptionalDouble bottom = score("ComparisonBenchmark." + denominator + " " + mix);
    if (top.isPresent() && bottom.isPresent()) {
      row(out, label, top.getAsDouble() / bottom.getAsDouble());
    }
  }

  private static void row(PrintStream out, String label, double value) {
    out.printf(Locale.ROOT, "| %s | %.2f |%n", label, value);
  }

  private OptionalDouble score(String key) {
    Result result = results.get(key);
    return result == null ? OptionalDouble.empty() : OptionalDouble.of(result.score);
  }

  /** One benchmark's score, its error, its unit and its allocation per operation. */
  private record Result(double score, double error, String unit, @Nullable Double bytes) {}
}
