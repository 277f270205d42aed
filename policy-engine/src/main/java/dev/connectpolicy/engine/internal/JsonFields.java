package dev.connectpolicy.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.WireValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Strict reading of one JSON object: every field read is checked for type and value, and {@link
 * #finish()} refuses the fields nobody read. Errors name the field's dotted path and, unless the
 * field is secret, its value.
 */
public final class JsonFields {

  /** The strict factory of every document read and written: bounded sizes, no duplicate fields. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(32)
                  .maxStringLength(65_536)
                  .maxNumberLength(32)
                  .maxDocumentLength(1_048_576)
                  .build())
          .build();

  private static final ObjectMapper MAPPER =
      new ObjectMapper(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Something that writes JSON. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes to a generator.
     *
     * @param out the generator
     * @throws IOException never, for a generator on a string
     */
    void write(JsonGenerator out) throws IOException;
  }

  /**
   * Writes one JSON document into a string with {@link #FACTORY}.
   *
   * @param writer what writes the document
   * @return the document
   */
  public static String generate(Writer writer) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      writer.write(out);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return text.toString();
  }

  /**
   * Parses one JSON document into a tree, strictly: duplicate fields, trailing content and
   * documents over a megabyte are errors (trailing content through {@code
   * FAIL_ON_TRAILING_TOKENS}).
   *
   * @param json the document
   * @return the tree
   * @throws InvalidContextException if the document is not well-formed JSON
   */
  public static JsonNode parse(@Nullable String json) {
    if (json == null || json.isBlank()) {
      throw new InvalidContextException("", "empty input, expected a JSON object");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.setCodec(MAPPER);
      return MAPPER.readTree(parser);
    } catch (JsonProcessingException malformed) {
      throw new InvalidContextException("", malformedMessage(malformed));
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }

  /**
   * Describes a parser error without quoting the input, which may hold secrets.
   *
   * @param error the parser's error
   * @return a message such as {@code malformed JSON at column 9: unexpected end of input}
   */
  private static String malformedMessage(JsonProcessingException error) {
    String what;
    String original = String.valueOf(error.getOriginalMessage());
    if (error instanceof JsonEOFException) {
      what = "unexpected end of input";
    } else if (error instanceof StreamConstraintsException) {
      what = "input exceeds a size limit";
    } else if (original.startsWith("Trailing token")) {
      what = "content after the document";
    } else if (original.startsWith("Duplicate field")) {
      what = "duplicate field";
    } else if (original.startsWith("Unrecognized token")) {
      what = "unrecognized token";
    } else if (original.startsWith("Unexpected character")) {
      what = "unexpected character";
    } else {
      what = "not well-formed";
    }
    if (error.getLocation() == null || error.getLocation().getColumnNr() < 0) {
      return "malformed JSON: " + what;
    }
    return "malformed JSON at column " + error.getLocation().getColumnNr() + ": " + what;
  }

  private static final int MAX_ECHO = 40;

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** Reads {@code node} as an object at {@code path} ("" for the document itself). */
  public static JsonFields object(JsonNode node, String path) {
    if (!node.isObject()) {
      String what = path.isEmpty() ? "the input" : "field `" + path + "`";
      throw new InvalidContextException(
          path, what + " must be a JSON object, got " + describe(node));
    }
    return new JsonFields(node, path);
  }

  public String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private @Nullable JsonNode value(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private JsonNode required(String name) {
    JsonNode value = value(name);
    if (value == null) {
      throw new InvalidContextException(path(name), "missing field `" + path(name) + "`");
    }
    return value;
  }

  /** Marks a member as read without reading it: a member that is known and ignored. */
  public void ignore(String name) {
    read.add(name);
  }

  public String requiredString(String name) {
    return text(name, required(name));
  }

  public @Nullable String optionalString(String name) {
    JsonNode value = value(name);
    return value == null ? null : text(name, value);
  }

  private String text(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return value.textValue();
  }

  public boolean requiredBoolean(String name) {
    return bool(name, required(name));
  }

  public boolean optionalBoolean(String name, boolean fallback) {
    JsonNode value = value(name);
    return value == null ? fallback : bool(name, value);
  }

  private boolean bool(String name, JsonNode value) {
    if (!value.isBoolean()) {
      throw wrongType(name, "a boolean", value);
    }
    return value.booleanValue();
  }

  public long requiredLong(String name) {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer", value);
    }
    return value.longValue();
  }

  /** An integer that may be absent or null; a present value must be an integer. */
  public @Nullable Long optionalLong(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer", value);
    }
    return value.longValue();
  }

  /**
   * An integer that may be absent or null, then {@code fallback}; a present value must fit an int.
   */
  /** An integer that may be absent or null, then null; a present value must fit an int. */
  public @Nullable Integer optionalInt(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "an integer", value);
    }
    return value.intValue();
  }

  /** A boolean that may be absent or null, then null. */
  public @Nullable Boolean optionalBoolean(String name) {
    JsonNode value = value(name);
    return value == null ? null : bool(name, value);
  }

  public int requiredInt(String name) {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "an integer", value);
    }
    return value.intValue();
  }

  public <E extends Enum<E> & WireValue> E requiredEnum(String name, Class<E> type) {
    return choice(name, requiredString(name), type);
  }

  public <E extends Enum<E> & WireValue> @Nullable E optionalEnum(String name, Class<E> type) {
    String text = optionalString(name);
    return text == null ? null : choice(name, text, type);
  }

  private <E extends Enum<E> & WireValue> E choice(String name, String text, Class<E> type) {
    Optional<E> value = WireValue.parse(type, text);
    if (value.isEmpty()) {
      throw new InvalidContextException(
          path(name),
          "field `"
              + path(name)
              + "` has unknown value `"
              + echo(text)
              + "`, expected one of "
              + WireValue.choices(type));
    }
    return value.get();
  }

  /** Whether a member is present and not null; does not mark it read. */
  public boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  public List<String> optionalStringList(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(name, "a list of strings", value);
    }
    List<String> list = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        String itemPath = path(name) + "[" + i + "]";
        throw new InvalidContextException(
            itemPath, "field `" + itemPath + "` must be a string, got " + describe(item));
      }
      list.add(item.textValue());
    }
    return list;
  }

  /**
   * An object of strings, such as HTTP headers; absent or null is empty, and members whose value is
   * null are left out. Each other member must be a string.
   */
  public Map<String, String> optionalStringMap(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw wrongType(name, "an object of strings", value);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : value.properties()) {
      JsonNode item = member.getValue();
      if (item.isNull()) {
        continue;
      }
      if (!item.isTextual()) {
        String itemPath = path(name) + "." + echo(member.getKey());
        throw new InvalidContextException(
            itemPath, "field `" + itemPath + "` must be a string or null, got " + describe(item));
      }
      map.put(member.getKey(), item.textValue());
    }
    return map;
  }

  public JsonFields requiredObject(String name) {
    return object(required(name), path(name));
  }

  public @Nullable JsonFields optionalObject(String name) {
    JsonNode value = value(name);
    return value == null ? null : object(value, path(name));
  }

  /** Refuses every field that was not read: unknown fields are errors, never ignored. */
  public void finish() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new InvalidContextException(path(name), "unknown field `" + echo(path(name)) + "`");
      }
    }
  }

  private InvalidContextException wrongType(String name, String expected, JsonNode value) {
    return new InvalidContextException(
        path(name), "field `" + path(name) + "` must be " + expected + ", got " + describe(value));
  }

  /** The JSON type of a node, as a person says it: "a string", "a number", "null". */
  public static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case ARRAY:
        return "a list";
      case OBJECT:
        return "an object";
      case NULL:
        return "null";
      default:
        return "an unsupported value";
    }
  }

  /** User input quoted in a message: at most 40 characters, control characters escaped. */
  public static String echo(String text) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(text.length(), MAX_ECHO);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '`') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > MAX_ECHO) {
      out.append("...");
    }
    return out.toString();
  }
}
