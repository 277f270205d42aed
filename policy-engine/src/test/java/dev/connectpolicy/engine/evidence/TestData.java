package dev.connectpolicy.engine.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the data files of the evidence tests from the test resources. */
@SuppressWarnings("exports") // test helper: Jackson trees are fine to expose within the tests
public final class TestData {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestData() {}

  /**
   * Reads a resource as a JSON tree.
   *
   * @param resource the path below the test resources, such as {@code evidence/ip-ranges.json}
   * @return the tree
   */
  public static JsonNode read(String resource) {
    try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * Reads a resource holding a JSON array.
   *
   * @param resource the path below the test resources
   * @return the array's elements
   */
  public static List<JsonNode> rows(String resource) {
    List<JsonNode> rows = new ArrayList<>();
    read(resource).forEach(rows::add);
    if (rows.isEmpty()) {
      throw new IllegalStateException(resource + " holds no rows");
    }
    return rows;
  }

  /**
   * Reads a list of strings.
   *
   * @param node a JSON array of strings
   * @return the strings
   */
  public static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    node.forEach(item -> list.add(item.asText()));
    return list;
  }

  /**
   * Reads an optional string.
   *
   * @param node an object
   * @param name a field name
   * @return the text, or null when absent or null
   */
  public static String textOrNull(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
