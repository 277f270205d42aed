package dev.connectpolicy.engine.table;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.engine.PolicyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Decision tables: a policy evaluated on every cell of the fact space, written in full (streamed,
 * never held in memory) or compacted into a page of rows, and diffs between two policies.
 *
 * <pre>{@code
 * DecisionTables.write(ConnectPolicies.recommended(), FactSpace.standard(), TableFormat.CSV, out);
 * CompactTable table = DecisionTables.compact(ConnectPolicies.recommended());
 * CompactTable diff = DecisionTables.diff(
 *     ConnectPolicies.profile("openclaw-2026.3.13"),
 *     ConnectPolicies.profile("openclaw-2026.3.13+pr48285"));
 * System.out.print(diff.toString(TableFormat.MARKDOWN));
 * }</pre>
 */
@API(status = API.Status.INTERNAL)
public final class DecisionTables {

  private DecisionTables() {}

  /**
   * Evaluates policies on every cell of a space once, for any number of compact tables and diffs.
   *
   * @param space the fact space
   * @param policies the policies
   * @return the tabulation
   */
  public static Tabulation tabulate(FactSpace space, ConnectPolicy... policies) {
    return Tabulation.of(space, List.of(policies));
  }

  /**
   * The compact table of a policy over the standard fact space.
   *
   * @param policy the policy
   * @return the compact table
   */
  public static CompactTable compact(ConnectPolicy policy) {
    return tabulate(FactSpace.standard(), policy).compact(policy);
  }

  /**
   * The compact table of a policy over a fact space, such as a gateway family's ({@link
   * dev.connectpolicy.engine.GatewayFamily#space()}).
   *
   * @param space the fact space
   * @param policy the policy
   * @return the compact table
   */
  public static CompactTable compact(FactSpace space, ConnectPolicy policy) {
    return tabulate(space, policy).compact(policy);
  }

  /**
   * The compact diff of two policies over a fact space.
   *
   * @param space the fact space
   * @param base the policy before the change
   * @param changed the policy after the change
   * @return the diff
   */
  public static CompactTable diff(FactSpace space, ConnectPolicy base, ConnectPolicy changed) {
    return tabulate(space, base, changed).diff(base, changed);
  }

  /**
   * The compact diff of two policies over the standard fact space.
   *
   * @param base the policy before the change
   * @param changed the policy after the change
   * @return the diff
   */
  public static CompactTable diff(ConnectPolicy base, ConnectPolicy changed) {
    return tabulate(FactSpace.standard(), base, changed).diff(base, changed);
  }

  /**
   * Writes the full table of a policy, one row per cell, evaluating as it goes: a table of millions
   * of cells never sits in memory.
   *
   * @param policy the policy
   * @param space the fact space
   * @param format the format; Markdown gets a one-line heading, CSV a header line, JSON lines one
   *     {@code {"facts": ..., "decision": ...}} object per cell; the columns are the space's
   *     ({@link FactSpace#columns()})
   * @param out where to write
   * @return the number of cells written
   */
  public static long write(
      ConnectPolicy policy, FactSpace space, TableFormat format, Appendable out) {
    try {
      List<Dimension.Column> columns = space.columns();
      List<String> header = new ArrayList<>();
      columns.forEach(column -> header.add(column.name()));
      header.addAll(
          List.of(
              "outcome", "code", "acceptedRole", "acceptedScopes", "pairingAction", "decidedBy"));
      if (format == TableFormat.CSV) {
        out.append(String.join(",", header)).append('\n');
      } else if (format == TableFormat.MARKDOWN) {
        out.append("# Decision table: ").append(Tabulation.nameOf(policy)).append("\n\n| ");
        out.append(String.join(" | ", header)).append(" |\n|");
        out.append("---|".repeat(header.size())).append('\n');
      }
      long cells = 0;
      for (ConnectContext context : space) {
        Decision decision = policy.evaluate(context);
        if (format == TableFormat.JSONL) {
          out.append("{\"facts\":")
              .append(PolicyJson.write(context))
              .append(",\"decision\":")
              .append(PolicyJson.write(decision))
              .append("}\n");
        } else {
          List<String> fields = new ArrayList<>();
          for (Dimension.Column column : columns) {
            fields.add(column.textOf(context));
          }
          fields.addAll(CompactTable.outcomeFields(CellOutcome.of(decision)));
          if (format == TableFormat.CSV) {
            out.append(CompactTable.csvLine(fields)).append('\n');
          } else {
            out.append("| ");
            for (String field : fields) {
              out.append(field.replace("|", "\\|")).append(" | ");
            }
            out.append('\n');
          }
        }
        cells++;
      }
      return cells;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
