package dev.connectpolicy.cli;

import dev.connectpolicy.api.Explanation;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.TraceEntry;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.PolicyPipeline;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code explain}: every rule consulted, and its verdict, for each line of facts. */
@Command(
    name = "explain",
    description = {
      "Show, for each line of facts, every rule consulted and its verdict.",
      "",
      "Reads JSON lines of facts (a ConnectContext each) from FILE, or standard input when FILE is"
          + " absent or -, and explains the decision of each line: every rule consulted, in order,"
          + " with its verdict."
    },
    exitCodeList = {
      "0:every line explained",
      "2:a line was malformed (and still answered), or a usage error",
      "3:standard output could not be written"
    })
final class ExplainCommand extends LineCommand {

  /** The output formats of {@code explain}. */
  enum Format {
    /** A readable trace per line. */
    text,
    /** The decision as JSON with a {@code trace} array, one line per input line. */
    jsonl
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (a readable trace per line, the default) or jsonl (the decision as JSON"
              + " with a `trace` array, one line per input line)")
  Format format = Format.text;

  private long number;

  ExplainCommand(Console console) {
    super(console);
  }

  @Override
  Lines.Answer answer(PolicyPipeline policy) {
    return line -> {
      number++;
      Explanation explanation = policy.explain(PolicyJson.readContext(line));
      return format == Format.jsonl ? PolicyJson.write(explanation) : text(explanation, number);
    };
  }

  @Override
  Lines.Malformed malformed() {
    Lines.Malformed json = super.malformed();
    return (problem, where) -> {
      number++;
      return format == Format.jsonl
          ? json.answer(problem, where)
          : where + ": reject INVALID_CONTEXT: " + problem.getMessage() + "\n";
    };
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
