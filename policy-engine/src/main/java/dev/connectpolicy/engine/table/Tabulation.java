package dev.connectpolicy.engine.table;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.UpgradeRule;
import dev.connectpolicy.engine.PolicyPipeline;
import dev.connectpolicy.engine.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Some policies evaluated on every cell of a fact space, held compactly (a byte per cell and
 * column, an int per cell and policy, no contexts), ready to be compacted and diffed.
 *
 * <pre>{@code
 * Tabulation tables = DecisionTables.tabulate(FactSpace.standard(), base, changed);
 * CompactTable diff = tables.diff(base, changed);
 * }</pre>
 */
@API(status = API.Status.INTERNAL)
public final class Tabulation {

  private final FactSpace space;
  private final List<Dimension.Column> factColumns;
  private final List<ConnectPolicy> policies;
  private final int cells;
  private final byte[][] columns;
  private final List<List<String>> dictionary;
  private final int[][] labels;
  private final List<CellOutcome> outcomes;

  private Tabulation(
      FactSpace space,
      List<Dimension.Column> factColumns,
      List<ConnectPolicy> policies,
      int cells,
      byte[][] columns,
      List<List<String>> dictionary,
      int[][] labels,
      List<CellOutcome> outcomes) {
    this.space = space;
    this.factColumns = factColumns;
    this.policies = policies;
    this.cells = cells;
    this.columns = columns;
    this.dictionary = dictionary;
    this.labels = labels;
    this.outcomes = outcomes;
  }

  static Tabulation of(FactSpace space, List<ConnectPolicy> policies) {
    long size = space.size();
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "a fact space of " + size + " cells is too large to tabulate");
    }
    int cells = (int) size;
    List<Dimension.Column> factColumns = space.columns();
    int columnCount = factColumns.size();
    byte[][] columns = new byte[columnCount][cells];
    List<Map<String, Integer>> indexes = new ArrayList<>();
    List<Map<Object, Integer>> known = new ArrayList<>();
    List<List<String>> dictionary = new ArrayList<>();
    for (int c = 0; c < columnCount; c++) {
      indexes.add(new HashMap<>());
      known.add(new IdentityHashMap<>());
      dictionary.add(new ArrayList<>());
    }
    int[][] labels = new int[policies.size()][cells];
    Map<CellOutcome, Integer> outcomeIndex = new HashMap<>();
    List<CellOutcome> outcomes = new ArrayList<>();
    int cell = 0;
    for (ConnectContext context : space) {
      for (int c = 0; c < columnCount; c++) {
        Dimension.Column column = factColumns.get(c);
        Object fact = column.value(context);
        Integer index = known.get(c).get(fact);
        if (index == null) {
          index = indexOf(column, column.text(fact), indexes.get(c), dictionary.get(c));
          known.get(c).put(fact, index);
        }
        columns[c][cell] = (byte) (int) index;
      }
      cell = label(policies, context, cell, labels, outcomeIndex, outcomes);
    }
    for (int c = 0; c < columnCount; c++) {
      reorder(factColumns.get(c).order(), columns[c], dictionary.get(c));
    }
    return new Tabulation(
        space, factColumns, List.copyOf(policies), cells, columns, dictionary, labels, outcomes);
  }

  private static int indexOf(
      Dimension.Column column, String text, Map<String, Integer> index, List<String> values) {
    Integer known = index.get(text);
    if (known != null) {
      return known;
    }
    if (values.size() == 64) {
      throw new IllegalArgumentException("column `" + column.name() + "` has more than 64 values");
    }
    index.put(text, values.size());
    values.add(text);
    return values.size() - 1;
  }

  /** Labels one cell under every policy; returns the next cell's number. */
  private static int label(
      List<ConnectPolicy> policies,
      ConnectContext context,
      int cell,
      int[][] labels,
      Map<CellOutcome, Integer> outcomeIndex,
      List<CellOutcome> outcomes) {
    for (int p = 0; p < policies.size(); p++) {
      CellOutcome outcome = CellOutcome.of(policies.get(p).evaluate(context));
      Integer label = outcomeIndex.get(outcome);
      if (label == null) {
        label = outcomes.size();
        outcomeIndex.put(outcome, label);
        outcomes.add(outcome);
      }
      labels[p][cell] = label;
    }
    return cell + 1;
  }

  /** Sorts a column's values into the column's order, renumbering the cells' value indices. */
  private static void reorder(List<String> order, byte[] cells, List<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(
        Comparator.comparingInt(
            value ->
                order.contains(value)
                    ? order.indexOf(value)
                    : order.size() + values.indexOf(value)));
    byte[] renumber = new byte[values.size()];
    for (int v = 0; v < values.size(); v++) {
      renumber[v] = (byte) sorted.indexOf(values.get(v));
    }
    for (int cell = 0; cell < cells.length; cell++) {
      cells[cell] = renumber[cells[cell]];
    }
    values.clear();
    values.addAll(sorted);
  }

  /**
   * Returns the fact space tabulated.
   *
   * @return the space
   */
  public FactSpace space() {
    return space;
  }

  /**
   * Returns the number of cells.
   *
   * @return the size of the fact space
   */
  public int cells() {
    return cells;
  }

  private int indexOf(ConnectPolicy policy) {
    for (int p = 0; p < policies.size(); p++) {
      if (policies.get(p) == policy) {
        return p;
      }
    }
    throw new IllegalArgumentException("policy `" + nameOf(policy) + "` was not tabulated");
  }

  static String nameOf(ConnectPolicy policy) {
    return policy instanceof PolicyPipeline ? ((PolicyPipeline) policy).name() : policy.toString();
  }

  /**
   * The compact table of one tabulated policy: disjoint rows that together cover every cell
   * exactly, in the order the policy decides.
   *
   * @param policy one of the tabulated policies
   * @return the compact table
   */
  public synchronized CompactTable compact(ConnectPolicy policy) {
    int p = indexOf(policy);
    RuleOrder order = new RuleOrder(policy);
    List<Integer> present = new ArrayList<>();
    boolean[] seen = new boolean[outcomes.size()];
    for (int label : labels[p]) {
      if (!seen[label]) {
        seen[label] = true;
        present.add(label);
      }
    }
    present.sort(order.labels(label -> outcomes.get(label), label -> null));
    List<TableRow> rows = new ArrayList<>();
    for (Compactor.Pattern pattern : compactor().compact(labels[p], toArray(present))) {
      rows.add(new TableRow(when(pattern), outcomes.get(pattern.label()), null, pattern.cells()));
    }
    return new CompactTable(
        "Decision table: " + nameOf(policy),
        description(policy),
        rows,
        cells,
        cells,
        false,
        columnNames());
  }

  /**
   * The compact diff of two tabulated policies: the cells whose observable outcome (accept or
   * reject, code, role, scopes kept or cleared, pairing) differs, merged into rows the same way.
   *
   * @param base the policy before the change
   * @param changed the policy after the change
   * @return the diff; empty when no cell differs
   */
  public synchronized CompactTable diff(ConnectPolicy base, ConnectPolicy changed) {
    int b = indexOf(base);
    int n = indexOf(changed);
    Map<List<Integer>, Integer> pairIndex = new LinkedHashMap<>();
    List<int[]> pairs = new ArrayList<>();
    int[] diffLabels = new int[cells];
    long differing = 0;
    int[] observable = observableLabels();
    for (int cell = 0; cell < cells; cell++) {
      if (observable[labels[b][cell]] == observable[labels[n][cell]]) {
        diffLabels[cell] = Compactor.OMIT;
        continue;
      }
      differing++;
      List<Integer> key = List.of(labels[b][cell], labels[n][cell]);
      Integer label = pairIndex.get(key);
      if (label == null) {
        label = pairs.size();
        pairIndex.put(key, label);
        pairs.add(new int[] {labels[b][cell], labels[n][cell]});
      }
      diffLabels[cell] = label;
    }
    List<TableRow> rows = new ArrayList<>();
    if (differing > 0) {
      List<Integer> order = new ArrayList<>();
      for (int label = 0; label < pairs.size(); label++) {
        order.add(label);
      }
      order.sort(
          new RuleOrder(changed)
              .labels(
                  label -> outcomes.get(pairs.get(label)[1]),
                  label -> outcomes.get(pairs.get(label)[0])));
      for (Compactor.Pattern pattern : compactor().compact(diffLabels, toArray(order))) {
        int[] pair = pairs.get(pattern.label());
        rows.add(
            new TableRow(
                when(pattern), outcomes.get(pair[1]), outcomes.get(pair[0]), pattern.cells()));
      }
    }
    return new CompactTable(
        "Diff: " + nameOf(base) + " -> " + nameOf(changed),
        description(changed),
        rows,
        differing,
        cells,
        true,
        columnNames());
  }

  private List<String> columnNames() {
    return factColumns.stream().map(Dimension.Column::name).toList();
  }

  private static String description(ConnectPolicy policy) {
    return policy instanceof PolicyPipeline ? ((PolicyPipeline) policy).description() : "";
  }

  private @Nullable Compactor compactor;

  /** One compactor serves every table and diff of this tabulation (it is not thread-safe). */
  private synchronized Compactor compactor() {
    if (compactor == null) {
      compactor = new Compactor(columns, valueCounts());
    }
    return compactor;
  }

  private int[] valueCounts() {
    int[] counts = new int[dictionary.size()];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = dictionary.get(c).size();
    }
    return counts;
  }

  private Map<String, List<String>> when(Compactor.Pattern pattern) {
    Map<String, List<String>> when = new LinkedHashMap<>();
    long[] masks = pattern.masks();
    for (int c = 0; c < masks.length; c++) {
      if (masks[c] == 0) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (int v = 0; v < dictionary.get(c).size(); v++) {
        if ((masks[c] & (1L << v)) != 0) {
          values.add(dictionary.get(c).get(v));
        }
      }
      when.put(factColumns.get(c).name(), List.copyOf(values));
    }
    return when;
  }

  /**
   * Counts the cells on which a compact table disagrees with a tabulated policy: the first row that
   * matches the cell must carry the policy's outcome for it. Zero means the table is exact.
   *
   * @param table a compact table, for example read back for review
   * @param policy one of the tabulated policies
   * @return the number of disagreeing cells
   */
  public long disagreements(CompactTable table, ConnectPolicy policy) {
    int p = indexOf(policy);
    int[] first = firstMatchingRows(table);
    int[] then = rowLabels(table, TableRow::then);
    long wrong = 0;
    for (int cell = 0; cell < cells; cell++) {
      if (first[cell] < 0 || then[first[cell]] != labels[p][cell]) {
        wrong++;
      }
    }
    return wrong;
  }

  /**
   * Counts the cells on which a compact diff disagrees with two tabulated policies: a cell whose
   * observable outcome changed must be matched, first, by a row with both outcomes; an unchanged
   * cell must match no row. Zero means the diff is exact.
   *
   * @param diff a compact diff
   * @param base the policy before the change
   * @param changed the policy after the change
   * @return the number of disagreeing cells
   */
  public long disagreements(CompactTable diff, ConnectPolicy base, ConnectPolicy changed) {
    int b = indexOf(base);
    int n = indexOf(changed);
    int[] first = firstMatchingRows(diff);
    int[] then = rowLabels(diff, TableRow::then);
    int[] before = rowLabels(diff, TableRow::before);
    int[] observable = observableLabels();
    long wrong = 0;
    for (int cell = 0; cell < cells; cell++) {
      int was = labels[b][cell];
      int is = labels[n][cell];
      if (observable[was] == observable[is]) {
        wrong += first[cell] < 0 ? 0 : 1;
      } else if (first[cell] < 0 || then[first[cell]] != is || before[first[cell]] != was) {
        wrong++;
      }
    }
    return wrong;
  }

  /**
   * For each row, the label of the outcome it shows, or -1 when no cell of this tabulation has that
   * outcome (or the row shows none): labels name distinct outcomes, so equal labels are equal
   * outcomes.
   */
  private int[] rowLabels(CompactTable table, Function<TableRow, @Nullable CellOutcome> shown) {
    int[] rowLabels = new int[table.rows().size()];
    for (int r = 0; r < rowLabels.length; r++) {
      CellOutcome outcome = shown.apply(table.rows().get(r));
      rowLabels[r] = outcome == null ? -1 : outcomes.indexOf(outcome);
    }
    return rowLabels;
  }

  private int @Nullable [] observableLabels;

  /**
   * For each label, a number that two labels share exactly when their outcomes are observably the
   * same (equal once the deciding rule is left out): what a diff compares.
   */
  private synchronized int[] observableLabels() {
    if (observableLabels == null) {
      Map<CellOutcome, Integer> numbers = new HashMap<>();
      int[] observable = new int[outcomes.size()];
      for (int label = 0; label < observable.length; label++) {
        observable[label] =
            numbers.computeIfAbsent(outcomes.get(label).observable(), o -> numbers.size());
      }
      observableLabels = observable;
    }
    return observableLabels;
  }

  /**
   * For every cell, the index of the first row whose values (as text) match it, or -1. Works on bit
   * sets of cells: a row matches the cells that hold, in every column it names, one of its values.
   */
  private int[] firstMatchingRows(CompactTable table) {
    long[][][] valueCells = compactor().valueCells();
    int words = (cells + 63) >>> 6;
    long[] undecided = new long[words];
    Arrays.fill(undecided, -1L);
    if ((cells & 63) != 0) {
      undecided[words - 1] = (1L << cells) - 1;
    }
    int[] first = new int[cells];
    Arrays.fill(first, -1);
    long[] matched = new long[words];
    long[] any = new long[words];
    for (int r = 0; r < table.rows().size(); r++) {
      TableRow row = table.rows().get(r);
      System.arraycopy(undecided, 0, matched, 0, words);
      for (int c = 0; c < columns.length; c++) {
        List<String> values = row.when().get(factColumns.get(c).name());
        if (values == null) {
          continue;
        }
        Arrays.fill(any, 0L);
        for (int v = 0; v < dictionary.get(c).size(); v++) {
          if (values.contains(dictionary.get(c).get(v))) {
            long[] holding = valueCells[c][v];
            for (int w = 0; w < words; w++) {
              any[w] |= holding[w];
            }
          }
        }
        for (int w = 0; w < words; w++) {
          matched[w] &= any[w];
        }
      }
      for (int w = 0; w < words; w++) {
        long bits = matched[w];
        undecided[w] &= ~bits;
        while (bits != 0) {
          first[(w << 6) + Long.numberOfTrailingZeros(bits)] = r;
          bits &= bits - 1;
        }
      }
    }
    return first;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Orders labels as a person reads the policy: by the position of the deciding rule. */
  private static final class RuleOrder {
    private final Map<String, Integer> positions = new HashMap<>();

    RuleOrder(ConnectPolicy policy) {
      if (policy instanceof PolicyPipeline) {
        for (UpgradeRule rule : ((PolicyPipeline) policy).upgradeRules()) {
          positions.putIfAbsent(rule.id(), positions.size());
        }
        for (Stage stage : ((PolicyPipeline) policy).stages()) {
          stage.rules().forEach(rule -> positions.putIfAbsent(rule.id(), positions.size()));
          positions.putIfAbsent(stage.otherwise().id(), positions.size());
        }
      }
      positions.putIfAbsent(PolicyPipeline.ACCEPT, positions.size());
    }

    int position(String rule) {
      return positions.getOrDefault(rule, positions.size());
    }

    /** Compares labels by their outcome's rule, then its summary, then the base outcome's. */
    Comparator<Integer> labels(
        IntFunction<CellOutcome> outcome, IntFunction<@Nullable CellOutcome> before) {
      return Comparator.<Integer>comparingInt(label -> position(outcome.apply(label).decidedBy()))
          .thenComparing(label -> outcome.apply(label).summary())
          .thenComparing(label -> describe(before.apply(label)));
    }

    private String describe(@Nullable CellOutcome outcome) {
      return outcome == null
          ? ""
          : String.format("%04d %s", position(outcome.decidedBy()), outcome.summary());
    }
  }
}
