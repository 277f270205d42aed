package dev.connectpolicy.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command's arguments: {@code --name value} or {@code --name=value} options, {@code --flag}
 * switches, and positional arguments. Anything not declared is a usage error.
 */
final class Arguments {

  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Arguments() {}

  /**
   * Parses {@code args}.
   *
   * @param args the arguments after the command name
   * @param valued the options that take a value, without dashes
   * @param switches the options that take none, without dashes
   */
  static Arguments parse(List<String> args, Set<String> valued, Set<String> switches)
      throws UsageException {
    Arguments parsed = new Arguments();
    boolean onlyPositional = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (onlyPositional || !arg.startsWith("--") && !arg.equals("-h")) {
        parsed.positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositional = true;
        continue;
      }
      if (arg.equals("-h")) {
        arg = "--help";
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (switches.contains(name)) {
        if (value != null) {
          throw new UsageException("option `--" + name + "` takes no value");
        }
        parsed.options.put(name, "");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option `--" + name + "` needs a value");
          }
          value = args.get(++i);
        }
        if (parsed.options.put(name, value) != null) {
          throw new UsageException("option `--" + name + "` given twice");
        }
      } else {
        throw new UsageException("unknown option `--" + name + "`");
      }
    }
    return parsed;
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  @Nullable String option(String name) {
    return options.get(name);
  }

  String required(String name) throws UsageException {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new UsageException("option `--" + name + "` is required");
    }
    return value;
  }

  List<String> positional() {
    return positional;
  }

  /** At most {@code max} positional arguments. */
  List<String> positional(int max) throws UsageException {
    if (positional.size() > max) {
      throw new UsageException("unexpected argument `" + positional.get(max) + "`");
    }
    return positional;
  }
}
