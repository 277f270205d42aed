package dev.connectpolicy.engine.internal;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A release's connect schema, as far as admission reads the frame: OpenClaw validates the {@code
 * params} of the first {@code connect} request against its TypeBox {@code ConnectParamsSchema}
 * before any rule, and answers a failure {@code INVALID_REQUEST} "invalid connect params: ..." with
 * no detail code, closing 1008. What is checked here: {@code client.id} and {@code client.mode}
 * against the release's lists, {@code client.version} and {@code client.platform} required and
 * non-empty, {@code client.deviceFamily} non-empty when sent, {@code role} and every scope
 * non-empty, and in a device every member non-empty, {@code signedAt} and {@code nonce} required.
 *
 * @param clientIds the release's {@code GATEWAY_CLIENT_IDS}
 * @param clientModes the release's {@code GATEWAY_CLIENT_MODES}
 * @param wording how the release's validator words a failure
 */
public record ConnectSchema(Set<String> clientIds, Set<String> clientModes, Wording wording) {

  /**
   * Copies the lists.
   *
   * @param clientIds the client ids
   * @param clientModes the client modes
   * @param wording the wording
   */
  public ConnectSchema {
    clientIds = Set.copyOf(clientIds);
    clientModes = Set.copyOf(clientModes);
    Objects.requireNonNull(wording, "wording");
  }

  /**
   * A schema over the lists, written in the order the bundle declares them.
   *
   * @param clientIds the client ids
   * @param clientModes the client modes
   * @param wording the wording
   * @return the schema
   */
  public static ConnectSchema of(
      Collection<String> clientIds, Collection<String> clientModes, Wording wording) {
    return new ConnectSchema(Set.copyOf(clientIds), Set.copyOf(clientModes), wording);
  }

  /**
   * The same lists, validated by another release's validator.
   *
   * @param other the other validator's wording
   * @return the schema
   */
  public ConnectSchema withWording(Wording other) {
    return new ConnectSchema(clientIds, clientModes, other);
  }

  /**
   * How a release's validator words a failure, after {@code "at PATH: "}. OpenClaw 2026.3 compiles
   * the client id and mode as unions of literals with AJV; 2026.4 as enums with AJV; 2026.5 and
   * later with TypeBox's own compiler, which writes "must not" in lower case.
   */
  public enum Wording {
    /** AJV over a union of literals (OpenClaw 2026.3). */
    AJV_LITERAL_UNION(
        "must be equal to constant; at %s: must match a schema in anyOf",
        "must NOT have fewer than 1 characters"),
    /** AJV over an enum (OpenClaw 2026.4). */
    AJV_ENUM("must be equal to one of the allowed values", "must NOT have fewer than 1 characters"),
    /** TypeBox's compiler over an enum (OpenClaw 2026.5 and later). */
    TYPEBOX_ENUM(
        "must be equal to one of the allowed values", "must not have fewer than 1 characters");

    private final String notListed;
    private final String empty;

    Wording(String notListed, String empty) {
      this.notListed = notListed;
      this.empty = empty;
    }

    /**
     * The failure of a value outside a list.
     *
     * @param path the JSON pointer, such as {@code /client/id}
     * @return the text after "invalid connect params: "
     */
    public String notListed(String path) {
      return "at " + path + ": " + notListed.replace("%s", path);
    }

    /**
     * The failure of an empty string where a non-empty one is required.
     *
     * @param path the JSON pointer, such as {@code /client/deviceFamily}
     * @return the text after "invalid connect params: "
     */
    public String empty(String path) {
      return "at " + path + ": " + empty;
    }

    /**
     * The failure of a missing required member.
     *
     * @param path the JSON pointer of the object, such as {@code /client}
     * @param member the member, such as {@code version}
     * @return the text after "invalid connect params: "
     */
    public String missing(String path, String member) {
      return "at " + path + ": must have required property '" + member + "'";
    }
  }
}
