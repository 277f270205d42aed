package dev.connectpolicy.cli;

import dev.connectpolicy.engine.table.TableFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --format} values of {@code table} and {@code diff}: {@code csv}, {@code markdown},
 * {@code jsonl}.
 */
final class TableFormats implements ITypeConverter<TableFormat>, Iterable<String> {

  @Override
  public TableFormat convert(String name) {
    return TableFormat.named(name)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown format `" + name + "`, expected csv, markdown or jsonl"));
  }

  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(TableFormat.values()).map(TableFormat::wire).iterator();
  }
}
