package dev.connectpolicy.engine.table;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Dimension;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.engine.internal.JsonFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A compact decision table or diff: an ordered list of rows, each a pattern of facts with an
 * outcome, read like the policy itself: a cell takes the outcome of the <em>first</em> row that
 * matches it. Expanding the rows over the fact space gives back exactly the full table (for a diff,
 * exactly the cells that changed, each with its outcome before and after; an unchanged cell matches
 * no row). Rows are in the order of the rules that decide them.
 *
 * @param title the heading, such as {@code Decision table: recommended}
 * @param description the policy's one-line description
 * @param rows the rows
 * @param coveredCells the cells the rows stand for: all cells of a table, the changed cells of a
 *     diff
 * @param totalCells the cells of the fact space
 * @param isDiff whether this is a diff (rows carry {@link TableRow#before()})
 * @param columns the names of the fact columns of the space tabulated ({@link
 *     FactSpace#columns()}), in table order
 */
@API(status = API.Status.INTERNAL)
public record CompactTable(
    String title,
    String description,
    List<TableRow> rows,
    long coveredCells,
    long totalCells,
    boolean isDiff,
    List<String> columns) {

  /**
   * The names of the standard space's columns, the ones a table made before other gateways' facts
   * existed has.
   */
  private static final List<String> STANDARD_COLUMNS =
      FactSpace.standard().columns().stream().map(Dimension.Column::name).toList();

  /**
   * Copies the rows.
   *
   * @param title the heading
   * @param description the policy's one-line description
   * @param rows the rows
   * @param coveredCells the cells the rows stand for
   * @param totalCells the cells of the fact space
   * @param isDiff whether this is a diff
   * @param columns the names of the fact columns of the space tabulated
   */
  public CompactTable {
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
  }

  /**
   * A table of the standard space, whose columns are OpenClaw's.
   *
   * @param title the heading
   * @param description the policy's one-line description
   * @param rows the rows
   * @param coveredCells the cells the rows stand for
   * @param totalCells the cells of the fact space
   * @param isDiff whether this is a diff
   */
  public CompactTable(
      String title,
      String description,
      List<TableRow> rows,
      long coveredCells,
      long totalCells,
      boolean isDiff) {
    this(title, description, rows, coveredCells, totalCells, isDiff, STANDARD_COLUMNS);
  }

  /**
   * Finds the row that decides a context: the first that matches it.
   *
   * @param context the facts
   * @return the row; empty only for a cell a diff does not list
   */
  public Optional<TableRow> rowFor(ConnectContext context) {
    for (TableRow row : rows) {
      if (row.matches(context)) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists the fact columns some row constrains; the others never matter here.
   *
   * @return the column names, in table order
   */
  public List<String> usedColumns() {
    List<String> used = new ArrayList<>();
    for (String column : columns) {
      for (TableRow row : rows) {
        if (row.when().containsKey(column)) {
          used.add(column);
          break;
        }
      }
    }
    return used;
  }

  /**
   * Writes the table.
   *
   * @param format the format
   * @param out where to write
   */
  public void write(TableFormat format, Appendable out) {
    try {
      switch (format) {
        case MARKDOWN -> writeMarkdown(out);
        case CSV -> writeCsv(out);
        case JSONL -> writeJsonLines(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the table as text.
   *
   * @param format the format
   * @return the text
   */
  public String toString(TableFormat format) {
    StringBuilder text = new StringBuilder();
    write(format, text);
    return text.toString();
  }

  private static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
  }

  private void writeMarkdown(Appendable out) throws IOException {
    List<String> used = usedColumns();
    out.append("# ").append(title).append("\n\n");
    if (!description.isEmpty()) {
      out.append("> ").append(description).append("\n\n");
    }
    if (isDiff) {
      out.append(count(coveredCells))
          .append(" of ")
          .append(count(totalCells))
          .append(" cells differ, in ")
          .append(String.valueOf(rows.size()))
          .append(rows.size() == 1 ? " row" : " rows")
          .append(
              ". A changed cell takes the first row that matches it; unchanged cells match none.");
    } else {
      out.append(count(totalCells))
          .append(" cells in ")
          .append(String.valueOf(rows.size()))
          .append(" rows. A cell takes the decision of the first row that matches it, as in the")
          .append(" policy, whose rule order the rows follow.");
    }
    out.append(" `*` stands for any value, `a, b` for either.");
    List<String> unused = new ArrayList<>();
    for (String column : columns) {
      if (!used.contains(column)) {
        unused.add(column);
      }
    }
    if (!rows.isEmpty() && !unused.isEmpty()) {
      out.append(" Columns that no row constrains are left out: ")
          .append(String.join(", ", unused))
          .append(".");
    }
    out.append("\n\n");
    if (rows.isEmpty()) {
      return;
    }
    out.append("| # |");
    for (String column : used) {
      out.append(' ').append(column).append(" |");
    }
    out.append(
        isDiff
            ? " before | after | decided by (before, after) | cells |\n"
            : " decision | decided by | cells |\n");
    out.append("|---:|");
    out.append("---|".repeat(used.size()));
    out.append(isDiff ? "---|---|---|---:|\n" : "---|---|---:|\n");
    int number = 0;
    for (TableRow row : rows) {
      out.append("| ").append(String.valueOf(++number)).append(" |");
      for (String column : used) {
        out.append(' ').append(markdownCell(row.when().get(column))).append(" |");
      }
      CellOutcome before = row.before();
      if (before != null) {
        out.append(' ').append(decision(before)).append(" | ");
        out.append(decision(row.then())).append(" | ");
        out.append('`')
            .append(before.decidedBy())
            .append("`, `")
            .append(row.then().decidedBy())
            .append("` |");
      } else {
        out.append(' ').append(decision(row.then())).append(" | `");
        out.append(row.then().decidedBy()).append("` |");
      }
      out.append(' ').append(count(row.cells())).append(" |\n");
    }
  }

  private static String markdownCell(@Nullable List<String> values) {
    if (values == null) {
      return "*";
    }
    return String.join(", ", values).replace("|", "\\|");
  }

  private static String decision(CellOutcome outcome) {
    return switch (outcome.outcome()) {
      case ACCEPT ->
          "**accept** "
              + outcome.role()
              + ", scopes "
              + outcome.scopes()
              + ", pairing "
              + outcome.pairing();
      case REJECT -> "reject `" + outcome.code() + "`";
    };
  }

  private void writeCsv(Appendable out) throws IOException {
    List<String> header = new ArrayList<>(columns);
    if (isDiff) {
      header.addAll(
          List.of(
              "before.outcome",
              "before.code",
              "before.role",
              "before.scopes",
              "before.pairing",
              "before.decidedBy"));
    }
    header.addAll(
        List.of(
            "outcome",
            "code",
            "acceptedRole",
            "acceptedScopes",
            "pairingAction",
            "decidedBy",
            "cells"));
    out.append(String.join(",", header)).append('\n');
    for (TableRow row : rows) {
      List<String> fields = new ArrayList<>();
      for (String column : columns) {
        List<String> values = row.when().get(column);
        fields.add(values == null ? "*" : String.join("|", values));
      }
      CellOutcome before = row.before();
      if (before != null) {
        fields.addAll(outcomeFields(before));
      }
      fields.addAll(outcomeFields(row.then()));
      fields.add(String.valueOf(row.cells()));
      out.append(csvLine(fields)).append('\n');
    }
  }

  static List<String> outcomeFields(CellOutcome outcome) {
    return List.of(
        outcome.outcome().wire(),
        outcome.code(),
        outcome.role(),
        outcome.scopes(),
        outcome.pairing(),
        outcome.decidedBy());
  }

  static String csvLine(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String field = fields.get(i);
      if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
    }
    return line.toString();
  }

  private void writeJsonLines(Appendable out) throws IOException {
    for (TableRow row : rows) {
      out.append(
              JsonFields.generate(
                  json -> {
                    json.writeStartObject();
                    json.writeObjectFieldStart("when");
                    for (Map.Entry<String, List<String>> entry : row.when().entrySet()) {
                      json.writeArrayFieldStart(entry.getKey());
                      for (String value : entry.getValue()) {
                        json.writeString(value);
                      }
                      json.writeEndArray();
                    }
                    json.writeEndObject();
                    CellOutcome before = row.before();
                    if (before != null) {
                      writeOutcome(json, "before", before);
                    }
                    writeOutcome(json, isDiff ? "after" : "then", row.then());
                    json.writeNumberField("cells", row.cells());
                    json.writeEndObject();
                  }))
          .append('\n');
    }
  }

  private static void writeOutcome(JsonGenerator json, String field, CellOutcome outcome)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("outcome", outcome.outcome().wire());
    if (outcome.outcome() == dev.connectpolicy.api.Outcome.REJECT) {
      json.writeStringField("code", outcome.code());
    } else {
      json.writeStringField("role", outcome.role());
      json.writeStringField("scopes", outcome.scopes());
      json.writeStringField("pairing", outcome.pairing());
    }
    json.writeStringField("decidedBy", outcome.decidedBy());
    json.writeEndObject();
  }
}
