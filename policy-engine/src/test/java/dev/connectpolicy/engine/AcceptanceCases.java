package dev.connectpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.UpgradeDecision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The acceptance cases of {@code acceptance/openclaw-cases.json}: each a context, given as the
 * facts that differ from {@link #DEFAULT}, and the expected decision under every OpenClaw profile;
 * and those of the other gateways, one file per family ({@code acceptance/moltis-cases.json}, ...),
 * each an object with the family's {@code default} facts and its {@code cases}.
 *
 * <p>Expectations are partial decisions in the contract's JSON: only the fields a case lists are
 * compared. Expectation keys are space-separated profile aliases ({@code 3.11}, {@code 3.12},
 * {@code 3.13}, {@code pr48285}, {@code pr48285-reviewed}, {@code 4}, {@code 5}, {@code latest},
 * {@code recommended}) or, in the other families' files, profile names; {@code *} stands for every
 * profile of the family not named elsewhere in the case. A case may also expect the upgrade
 * decision ({@code expectUpgrade}, the JSON of {@link PolicyJson#write(UpgradeDecision)}), keyed
 * the same way.
 */
final class AcceptanceCases {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The context every case starts from: a device-less, remote, non-Control-UI operator that proved
   * the shared token (the defaults of the reference's example table).
   */
  static final String DEFAULT =
      "{\"role\":\"operator\",\"scopes\":[],\"client\":{\"id\":\"test\",\"mode\":\"test\"},"
          + "\"local\":false,\"origin\":\"absent\","
          + "\"auth\":{\"mode\":\"token\",\"provided\":\"token\",\"ok\":true,\"method\":\"token\","
          + "\"sharedAuthOk\":true},"
          + "\"device\":\"absent\",\"pairing\":\"not-paired\","
          + "\"controlUi\":{\"allowInsecureAuth\":false,\"dangerouslyDisableDeviceAuth\":false}}";

  private static final Map<String, Profile> ALIASES =
      Map.of(
          "3.11", Profile.OPENCLAW_2026_3_11,
          "3.12", Profile.OPENCLAW_2026_3_12,
          "3.13", Profile.OPENCLAW_2026_3_13,
          "pr48285", Profile.OPENCLAW_2026_3_13_PR48285,
          "pr48285-reviewed", Profile.OPENCLAW_2026_3_13_PR48285_REVIEWED,
          "4", Profile.OPENCLAW_2026_4,
          "5", Profile.OPENCLAW_2026_5,
          "latest", Profile.OPENCLAW_2026_9_6,
          "recommended", Profile.RECOMMENDED);

  /** One case. */
  record Case(
      String id,
      String ref,
      String note,
      GatewayFamily family,
      ConnectContext context,
      Map<Profile, JsonNode> expected,
      Map<Profile, JsonNode> expectedUpgrade,
      Map<Profile, JsonNode> expectedConnect) {

    /** Whether the case is about this profile's gateway. */
    boolean appliesTo(Profile profile) {
      return profile.family() == family;
    }

    /**
     * Compares a policy's decision with this case's expectation for {@code profile}, and its
     * upgrade decision with the upgrade expectation, if any.
     *
     * @return the mismatches, empty when the decision meets the expectation
     */
    List<String> mismatches(Profile profile, ConnectPolicy policy) {
      Decision decision = policy.evaluate(context);
      JsonNode actual = read(PolicyJson.write(decision));
      List<String> found = new ArrayList<>();
      compare("", expected.get(profile), actual, found);
      JsonNode upgrade = expectedUpgrade.get(profile);
      if (upgrade != null) {
        UpgradeDecision actualUpgrade = policy.evaluateUpgrade(context.upgrade());
        compare("upgrade", upgrade, read(PolicyJson.write(actualUpgrade)), found);
      }
      JsonNode connect = expectedConnect.get(profile);
      if (connect != null) {
        compare("connect", connect, read(PolicyJson.write(policy.evaluateConnect(context))), found);
      }
      return found;
    }

    @Override
    public String toString() {
      return id + " (" + ref + ")";
    }
  }

  private AcceptanceCases() {}

  /** The files of the other gateways' cases. */
  private static final Map<GatewayFamily, String> PEER_FILES =
      Map.of(
          GatewayFamily.MOLTIS, "/acceptance/moltis-cases.json",
          GatewayFamily.SYNTHORG, "/acceptance/synthorg-cases.json",
          GatewayFamily.MOSAIC, "/acceptance/mosaic-cases.json");

  static List<Case> all() {
    List<Case> cases =
        new ArrayList<>(
            load(GatewayFamily.OPENCLAW, resource("/acceptance/openclaw-cases.json"), DEFAULT));
    for (GatewayFamily family : GatewayFamily.values()) {
      String file = PEER_FILES.get(family);
      if (file != null) {
        JsonNode root = resource(file);
        cases.addAll(load(family, root.get("cases"), root.get("default").toString()));
      }
    }
    return cases;
  }

  private static JsonNode resource(String name) {
    try (InputStream in = AcceptanceCases.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Case> load(GatewayFamily family, JsonNode root, String defaults) {
    List<Case> cases = new ArrayList<>();
    for (JsonNode node : root) {
      String id = node.get("id").asText();
      ObjectNode context = (ObjectNode) read(defaults);
      merge(context, node.get("given"));
      Map<Profile, JsonNode> expected = expectations(family, id, node.get("expect"), true);
      Map<Profile, JsonNode> expectedUpgrade = optional(family, id, node.get("expectUpgrade"));
      Map<Profile, JsonNode> expectedConnect = optional(family, id, node.get("expectConnect"));
      cases.add(
          new Case(
              id,
              node.get("ref").asText(),
              node.get("note").asText(),
              family,
              PolicyJson.readContext(context.toString()),
              expected,
              expectedUpgrade,
              expectedConnect));
    }
    return cases;
  }

  private static Map<Profile, JsonNode> optional(
      GatewayFamily family, String id, @org.jspecify.annotations.Nullable JsonNode expect) {
    return expect == null ? new EnumMap<>(Profile.class) : expectations(family, id, expect, false);
  }

  private static Map<Profile, JsonNode> expectations(
      GatewayFamily family, String id, JsonNode expect, boolean everyProfile) {
    Map<Profile, JsonNode> expected = new EnumMap<>(Profile.class);
    JsonNode fallback = null;
    for (Map.Entry<String, JsonNode> entry : expect.properties()) {
      if (entry.getKey().equals("*")) {
        fallback = entry.getValue();
        continue;
      }
      for (String alias : entry.getKey().split(" ")) {
        Profile profile =
            family == GatewayFamily.OPENCLAW
                ? ALIASES.get(alias)
                : Profile.named(alias).filter(p -> p.family() == family).orElse(null);
        if (profile == null) {
          throw new IllegalArgumentException(id + ": unknown profile alias " + alias);
        }
        if (expected.put(profile, entry.getValue()) != null) {
          throw new IllegalArgumentException(id + ": profile " + alias + " expected twice");
        }
      }
    }
    for (Profile profile : family.profiles()) {
      if (!expected.containsKey(profile)) {
        if (fallback == null) {
          if (!everyProfile) {
            continue;
          }
          throw new IllegalArgumentException(id + ": no expectation for " + profile.profileName());
        }
        expected.put(profile, fallback);
      }
    }
    return expected;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode into, JsonNode from) {
    for (Map.Entry<String, JsonNode> field : from.properties()) {
      JsonNode existing = into.get(field.getKey());
      if (existing instanceof ObjectNode && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue());
      } else {
        into.set(field.getKey(), field.getValue());
      }
    }
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> found) {
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode value = actual == null ? null : actual.get(field.getKey());
        if (value == null) {
          if (!field.getValue().isNull()) {
            found.add(at + ": expected " + field.getValue() + ", absent");
          }
          continue;
        }
        compare(at, field.getValue(), value, found);
      }
    } else if (!expected.equals(actual)) {
      found.add(path + ": expected " + expected + ", got " + actual);
    }
  }
}
