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
 * measured in that same run. A second file, the output of {@code openclaw-verify.mjs} from the same
 * run ({@code admit-vs-openclaw.sh} makes both), adds OpenClaw's verification of the proof {@link
 * AdmitBenchmark} admits.
 *
 * <pre>{@code
 * java -cp policy-benchmarks/target/benchmarks.jar dev.connectpolicy.benchmarks.Report jmh.json [node.json]
 * }</pre>
 */
public final class Report {

  private static final double CELLS = 2_668_896;

  private final Map<String, Result> results = new LinkedHashMap<>();

  private Report(JsonNode run, @Nullable JsonNode node) {
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
    if (node != null) {
      String runtime = "Node " + node.get("node").asText();
      node.get("results")
          .properties()
          .forEach(
              entry ->
                  results.put(
                      OPENCLAW + entry.getKey() + " (" + runtime + ")",
                      new Result(
                          entry.getValue().get("score").asDouble(),
                          entry.getValue().get("error").asDouble(),
                          entry.getValue().get("unit").asText(),
                          null)));
    }
  }

  /**
   * Prints the report of a JMH result file.
   *
   * @param arguments the path of the JSON result file, optionally that of the Node results
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] arguments) throws IOException {
    if (arguments.length < 1 || arguments.length > 2) {
      System.err.println("usage: Report JMH_RESULT.json [NODE_RESULT.json]");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode run = mapper.readTree(Files.readString(Path.of(arguments[0])));
    JsonNode node =
        arguments.length == 2 ? mapper.readTree(Files.readString(Path.of(arguments[1]))) : null;
    new Report(run, node).print(System.out);
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
    admission(out);
  }

  private static final String OPENCLAW = "OpenClaw verification, ";
  private static final List<String> VERIFIERS = List.of("BOUNCY_CASTLE", "JDK");

  /** The ratios of issue 15's targets, each verifier beside the others and beside OpenClaw. */
  private void admission(PrintStream out) {
    OptionalDouble fastestFromRawKey = OptionalDouble.empty();
    OptionalDouble fastestPrebuilt = OptionalDouble.empty();
    for (String verifier : VERIFIERS) {
      OptionalDouble admit = score("AdmitBenchmark.admit " + verifier);
      OptionalDouble invalid = score("AdmitBenchmark.admitInvalid " + verifier);
      OptionalDouble fromRawKey = score("AdmitBenchmark.verifyFromRawKey " + verifier);
      OptionalDouble prebuilt = score("AdmitBenchmark.verify " + verifier);
      ratio(out, "admit / bare verification from the raw key, " + verifier, admit, fromRawKey);
      ratio(out, "admit / bare verification, key prebuilt, " + verifier, admit, prebuilt);
      ratio(out, "invalid proof / valid proof, " + verifier, invalid, admit);
      fastestFromRawKey = min(fastestFromRawKey, fromRawKey);
      fastestPrebuilt = min(fastestPrebuilt, prebuilt);
    }
    OptionalDouble admit = score("AdmitBenchmark.admit " + VERIFIERS.get(0));
    ratio(out, "admit / fastest bare verification from the raw key", admit, fastestFromRawKey);
    ratio(out, "admit / fastest bare verification, key prebuilt", admit, fastestPrebuilt);
    ratio(out, "admit, JDK / admit, BOUNCY_CASTLE", score("AdmitBenchmark.admit JDK"), admit);
    results.forEach(
        (key, result) -> {
          if (key.startsWith(OPENCLAW) && admit.isPresent()) {
            row(out, "admit / " + key, admit.getAsDouble() / result.score);
          }
        });
  }

  private static OptionalDouble min(OptionalDouble a, OptionalDouble b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : OptionalDouble.of(Math.min(a.getAsDouble(), b.getAsDouble()));
  }

  private static void ratio(
      PrintStream out, String label, OptionalDouble top, OptionalDouble bottom) {
    if (top.isPresent() && bottom.isPresent()) {
      row(out, label, top.getAsDouble() / bottom.getAsDouble());
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
