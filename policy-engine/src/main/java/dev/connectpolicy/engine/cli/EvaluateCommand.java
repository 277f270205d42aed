package dev.connectpolicy.engine.cli;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.TraceEntry;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code evaluate} and {@code explain}: one decision (or explanation) per line of facts. */
final class EvaluateCommand implements Command {

  private final boolean explain;

  EvaluateCommand(boolean explain) {
    this.explain = explain;
  }

  @Override
  public String name() {
    return explain ? "explain" : "evaluate";
  }

  @Override
  public String summary() {
    return explain
        ? "show, for each line of facts, every rule consulted and its verdict"
        : "decide each line of facts (JSON lines) under a profile";
  }

  @Override
  public String help() {
    if (explain) {
      return "usage: connect-policy explain --profile NAME [--format text|jsonl] [FILE]\n\n"
          + "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when\n"
          + "FILE is absent or -, and explains the decision of each line: every rule consulted,\n"
          + "in order, with its verdict.\n\n"
          + "  --profile NAME   the policy to apply (see `connect-policy profiles`)\n"
          + "  --format text    a readable trace per line (default)\n"
          + "  --format jsonl   the decision as JSON with a `trace` array, one line per input line\n\n"
          + "Exit status: 0, or 2 if any line was malformed (it is still answered).\n";
    }
    return "usage: connect-policy evaluate --profile NAME [FILE]\n\n"
        + "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when\n"
        + "FILE is absent or -, and writes one decision per line, in order. A malformed line is\n"
        + "answered with a reject of code INVALID_CONTEXT naming the line and the field.\n\n"
        + "  --profile NAME   the policy to apply (see `connect-policy profiles`)\n\n"
        + "Exit status: 0, or 2 if any line was malformed.\n";
  }

  @Override
  public int run(List<String> args, Console console) throws UsageException, IOException {
    Arguments arguments =
        Arguments.parse(
            args, explain ? Set.of("profile", "format") : Set.of("profile"), Set.of("help"));
    if (arguments.has("help")) {
      console.out.print(help());
      return OK;
    }
    PolicyPipeline policy = Profiles.named(arguments.required("profile"));
    boolean json = false;
    if (explain && arguments.option("format") != null) {
      String format = arguments.required("format");
      if (!format.equals("text") && !format.equals("jsonl")) {
        throw new UsageException("unknown format `" + format + "`, expected text or jsonl");
      }
      json = format.equals("jsonl");
    }
    boolean asJson = json;
    try (BufferedReader input = console.input(arguments.positional(1))) {
      if (!explain) {
        return Lines.answerEach(
            input,
            console.out,
            line -> PolicyJson.write(policy.evaluate(PolicyJson.readContext(line))),
            (problem, where) -> PolicyJson.write(PolicyJson.invalidContext(problem, where)));
      }
      long[] number = {0};
      return Lines.answerEach(
          input,
          console.out,
          line -> {
            number[0]++;
            ConnectContext context = PolicyJson.readContext(line);
            Explanation explanation = policy.explain(context);
            return asJson ? PolicyJson.write(explanation) : text(explanation, number[0]);
          },
          (problem, where) -> {
            number[0]++;
            return asJson
                ? PolicyJson.write(PolicyJson.invalidContext(problem, where))
                : malformedText(problem, where);
          });
    }
  }

  private static String malformedText(InvalidContextException problem, String where) {
    return where + ": reject INVALID_CONTEXT: " + problem.getMessage() + "\n";
  }

  static String text(Explanation explanation, long number) {
    StringBuilder out = new StringBuilder();
    out.append("line ").append(number).append(": ");
    out.append(
        explanation
            .decision()
            .fold(
                accept ->
                    String.format(
                        Locale.ROOT,
                        "accept as %s, scopes %s%s, pairing %s, admitted by %s",
                        accept.role().wire(),
                        accept.scopes(),
                        accept.scopesCleared() ? " (cleared)" : "",
                        accept.pairing().wire(),
                        accept.decidedBy()),
                (Reject reject) ->
                    String.format(
                        Locale.ROOT,
                        "reject %s \"%s\", close %d, decided by %s",
                        reject.code().wire(),
                        reject.message(),
                        reject.close().code(),
                        reject.decidedBy())));
    out.append('\n');
    int stageWidth = 0;
    int ruleWidth = 0;
    for (TraceEntry entry : explanation.trace()) {
      stageWidth = Math.max(stageWidth, entry.stage().length());
      ruleWidth = Math.max(ruleWidth, entry.rule().length());
    }
    for (TraceEntry entry : explanation.trace()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-" + stageWidth + "s  %-" + ruleWidth + "s  %s",
              entry.stage(),
              entry.rule(),
              entry.verdict().wire()));
      if (entry.code() != null) {
        out.append(' ').append(entry.code().wire());
      }
      if (!entry.effects().isEmpty()) {
        out.append(' ').append(entry.effects());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
