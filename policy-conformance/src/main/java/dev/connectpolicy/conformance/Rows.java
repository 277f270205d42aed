package dev.connectpolicy.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Differences between two answers to the same attempts, compacted into table rows as {@code diff}
 * compacts cells: the attempts whose facts differ in one column only, with the same aspect and the
 * same two values, become one row listing that column's values.
 */
final class Rows {

  /**
   * One row.
   *
   * @param aspect the aspect that differs
   * @param left the first side's value (the gateway's, or the base recording's)
   * @param right the second side's value (the policy's, or the new recording's)
   * @param facts for each fact column, the values of the attempts the row stands for
   * @param attempts how many attempts
   * @param example the name of one of them
   */
  record Row(
      Aspect aspect,
      String left,
      String right,
      Map<String, TreeSet<String>> facts,
      int attempts,
      String example) {}

  /** The column of the recorded attempt's {@code client} object: which fields it left out. */
  static final String SENT_CLIENT = "sent client";

  private final List<Row> rows = new ArrayList<>();

  /**
   * The columns a row shows for one attempt: every fact column of the facts admission derived (none
   * when it could not read the request), and {@link #SENT_CLIENT}, the schema variant of the {@code
   * client} object sent, which the facts do not hold.
   *
   * @param facts the derived facts, or null
   * @param line the attempt line
   * @return the columns, by name
   */
  static Map<String, String> columns(@Nullable ConnectContext facts, JsonNode line) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (facts != null) {
      for (Dimension.Column column : Dimension.tableColumns()) {
        columns.put(column.name(), column.textOf(facts));
      }
    }
    columns.put(SENT_CLIENT, line.path("cell").path("schema").asText("?"));
    return columns;
  }

  void add(Aspect aspect, String left, String right, Map<String, String> facts, String attempt) {
    Map<String, TreeSet<String>> pattern = new LinkedHashMap<>();
    facts.forEach((column, value) -> pattern.put(column, new TreeSet<>(List.of(value))));
    rows.add(new Row(aspect, left, right, pattern, 1, attempt));
  }

  /**
   * The rows, merged until no two rows of the same aspect and values differ in one column.
   *
   * <p>Merges happen in a fixed order: always the first mergeable pair (i, j), by i then j, the
   * second row folded into the first. After a merge only the changed row i can form new pairs, so
   * the search goes on from the first earlier row that now merges with it, else from row i itself,
   * rather than from the top: the same merges in the same order, without rescanning the pairs
   * already known not to merge (which made the replay of a recording quadratic in its rows for
   * every merge).
   */
  List<Row> compacted() {
    List<Row> merged = new ArrayList<>(rows);
    int i = 0;
    while (i < merged.size()) {
      boolean folded = false;
      for (int j = i + 1; j < merged.size(); j++) {
        Row a = merged.get(i);
        Row b = merged.get(j);
        String column = mergeable(a, b);
        if (column != null) {
          Map<String, TreeSet<String>> facts = new LinkedHashMap<>();
          a.facts().forEach((name, values) -> facts.put(name, new TreeSet<>(values)));
          if (!column.isEmpty()) {
            facts.get(column).addAll(b.facts().get(column));
          }
          merged.set(
              i,
              new Row(
                  a.aspect(),
                  a.left(),
                  a.right(),
                  facts,
                  a.attempts() + b.attempts(),
                  a.example()));
          merged.remove(j);
          folded = true;
          break;
        }
      }
      if (!folded) {
        i++;
        continue;
      }
      Row changed = merged.get(i);
      for (int earlier = 0; earlier < i; earlier++) {
        if (mergeable(merged.get(earlier), changed) != null) {
          i = earlier;
          break;
        }
      }
    }
    return merged;
  }

  /** The one column in which two rows differ, "" if in none, null if they cannot merge. */
  private static String mergeable(Row a, Row b) {
    if (a.aspect() != b.aspect()
        || !a.left().equals(b.left())
        || !a.right().equals(b.right())
        || !a.facts().keySet().equals(b.facts().keySet())) {
      return null;
    }
    String differing = "";
    for (Map.Entry<String, TreeSet<String>> column : a.facts().entrySet()) {
      if (!Objects.equals(column.getValue(), b.facts().get(column.getKey()))) {
        if (!differing.isEmpty()) {
          return null;
        }
        differing = column.getKey();
      }
    }
    return differing;
  }

  /**
   * Writes rows as a Markdown table: the fact columns that vary between rows, the aspect, both
   * values, the number of attempts and one example.
   *
   * @param rows the rows
   * @param leftName the first side's heading
   * @param rightName the second side's heading
   * @param out where to write
   */
  static void writeMarkdown(List<Row> rows, String leftName, String rightName, StringBuilder out) {
    List<String> columns = new ArrayList<>();
    for (Row row : rows) {
      for (String column : row.facts().keySet()) {
        if (!columns.contains(column) && varies(rows, column)) {
          columns.add(column);
        }
      }
    }
    out.append("| aspect | ");
    columns.forEach(column -> out.append(column).append(" | "));
    out.append(leftName).append(" | ").append(rightName).append(" | attempts | example |\n|");
    out.append("---|".repeat(columns.size() + 5)).append('\n');
    for (Row row : rows) {
      out.append("| ").append(row.aspect().label()).append(" | ");
      for (String column : columns) {
        TreeSet<String> values = row.facts().get(column);
        out.append(values == null ? "?" : cell(String.join(", ", values))).append(" | ");
      }
      out.append(cell(row.left()))
          .append(" | ")
          .append(cell(row.right()))
          .append(" | ")
          .append(row.attempts())
          .append(" | ")
          .append(cell(row.example()))
          .append(" |\n");
    }
  }

  private static boolean varies(List<Row> rows, String column) {
    TreeSet<String> first = null;
    for (Row row : rows) {
      TreeSet<String> values = row.facts().get(column);
      if (values == null || values.size() > 1) {
        return true;
      }
      if (first == null) {
        first = values;
      } else if (!first.equals(values)) {
        return true;
      }
    }
    return false;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
