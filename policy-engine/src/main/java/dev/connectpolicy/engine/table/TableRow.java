package dev.connectpolicy.engine.table;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Dimension;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One row of a compact decision table or diff: a pattern over the fact columns and the outcome of
 * every cell it matches.
 *
 * @param when for each constrained column, the values it matches; a column not in the map matches
 *     any value ({@code *})
 * @param then the outcome of the matched cells (in a diff, under the changed policy)
 * @param before in a diff, the outcome of the matched cells under the base policy; otherwise null
 * @param cells how many cells of the fact space the row stands for
 */
@API(status = API.Status.INTERNAL)
public record TableRow(
    Map<String, List<String>> when, CellOutcome then, @Nullable CellOutcome before, long cells) {

  /**
   * Copies the pattern, its columns in table order.
   *
   * @param when for each constrained column, the values it matches
   * @param then the outcome of the matched cells
   * @param before in a diff, the outcome under the base policy; otherwise null
   * @param cells how many cells the row stands for
   * @throws IllegalArgumentException if a column is unknown
   */
  public TableRow {
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    for (Dimension.Column column : Dimension.tableColumns()) {
      List<String> values = when.get(column.name());
      if (values != null) {
        ordered.put(column.name(), List.copyOf(values));
      }
    }
    if (ordered.size() != when.size()) {
      throw new IllegalArgumentException("unknown column in " + when.keySet());
    }
    when = Collections.unmodifiableMap(ordered);
  }

  /**
   * Tells whether the row's pattern matches a context.
   *
   * @param context the facts
   * @return true if every constrained column holds one of the row's values
   */
  public boolean matches(ConnectContext context) {
    for (Dimension.Column column : Dimension.tableColumns()) {
      List<String> values = when.get(column.name());
      if (values != null && !values.contains(column.textOf(context))) {
        return false;
      }
    }
    return true;
  }
}
