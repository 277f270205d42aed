package dev.connectpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The contract's JSON Schemas ({@code docs/schemas}), and validation against them. */
final class Schemas {

  private static final String BASE =
      "https://github.com/connectpolicy/connect-policy/docs/schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          BASE,
                          Path.of("..", "docs", "schemas").toAbsolutePath().normalize().toUri()
                              + "")));

  static final JsonSchema FACTS = load("facts.schema.json");
  static final JsonSchema REQUEST = load("request.schema.json");
  static final JsonSchema DECISION = load("decision.schema.json");
  static final JsonSchema UPGRADE_DECISION = load("upgrade-decision.schema.json");

  private Schemas() {}

  private static JsonSchema load(String name) {
    return FACTORY.getSchema(SchemaLocation.of(BASE + name));
  }

  /** Validates one JSON document; throws naming what is wrong. */
  static void check(JsonSchema schema, String json) {
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<ValidationMessage> problems = schema.validate(document);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "not valid against " + schema.getSchemaLocation() + ": " + problems + "\n  " + json);
    }
  }

  /** Validates what a command wrote on standard output, line by line, if it writes JSON. */
  static void checkOutput(String[] args, String out) {
    List<String> all = List.of(args);
    if (args.length == 0
        || all.contains("-h")
        || all.contains("--help")
        || all.contains("-V")
        || all.contains("--version")) {
      return;
    }
    String command = args[0];
    boolean jsonExplain = command.equals("explain") && String.join(" ", args).contains("jsonl");
    JsonSchema schema =
        switch (command) {
          case "evaluate", "admit" -> DECISION;
          case "upgrade" -> UPGRADE_DECISION;
          default -> jsonExplain ? DECISION : null;
        };
    if (schema == null) {
      return;
    }
    for (String line : out.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      // `upgrade` answers a malformed line as every command does: the INVALID_CONTEXT reject.
      boolean invalid = schema == UPGRADE_DECISION && !line.contains("\"status\":");
      check(invalid ? DECISION : schema, line);
      if (invalid && !line.contains("\"code\":\"INVALID_CONTEXT\"")) {
        throw new AssertionError("an upgrade answer without a status: " + line);
      }
    }
  }
}
