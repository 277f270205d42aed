package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.engine.PolicyJson;
import dev.connectpolicy.engine.Profile;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random raw requests over every mode, credential, address, header, device and pairing situation:
 * the derived facts are always consistent ({@link FactSpace#isConsistent}), so no profile refuses
 * them as contradictory, and no secret ever reaches the facts, a decision, its JSON or the
 * request's printed form. The seed is fixed and can be changed with {@code -Devidence.seed=N};
 * every assertion message names it.
 */
class FactsPropertyTest {

  private static final long SEED = Long.getLong("evidence.seed", 20_260_101L);
  private static final int CASES = 400;

  private static final String[][] CLIENTS = {
    {"openclaw-control-ui", "webchat"},
    {"openclaw-tui", "ui"},
    {"webchat-ui", "webchat"},
    {"cli", "cli"},
    {"gateway-client", "backend"},
    {"node-host", "node"},
    {"openclaw-macos", "ui"},
  };
  private static final String[] ROLES = {"operator", "node", "admin"};
  private static final String[] SCOPES = {
    "operator.read", "operator.write", "operator.admin", "operator.sessions.read", "node.exec"
  };
  private static final String[] PEERS = {
    "127.0.0.1",
    "::1",
    "::ffff:127.0.0.1",
    "10.0.0.5",
    "172.17.0.1",
    "203.0.113.7",
    "fd00::5",
    "fe80::1%eth0"
  };
  private static final String[] HOSTS = {
    null,
    "127.0.0.1:18789",
    "localhost",
    "[::1]:18789",
    "gateway.example",
    "172.17.0.2:18789",
    "box.tail.ts.net",
    "  "
  };
  private static final String[] ORIGINS = {
    null,
    "",
    "http://localhost:18789",
    "https://gateway.example",
    "https://evil.example",
    "null",
    "http://[::1]:18789",
    "not a url"
  };
  private static final String[] FORWARDED_FOR = {
    null, "127.0.0.1", "203.0.113.9, 127.0.0.1", "127.0.0.1, garbage", "10.0.0.9", "", "::1"
  };
  private static final String[] PROXIES = {
    "10.0.0.0/8", "127.0.0.1", "fd00::/8", "::ffff:172.17.0.1"
  };

  @Test
  void everyDerivedContextIsConsistent_andNoSecretIsEverPrinted() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    SecureRandom keyRandom = SecureRandom.getInstance("SHA1PRNG");
    keyRandom.setSeed(SEED);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(255, keyRandom);
    KeyPair mine = generator.generateKeyPair();
    KeyPair other = generator.generateKeyPair();
    int consistent = 0;
    for (int n = 0; n < CASES; n++) {
      String where = "seed " + SEED + ", case " + n;
      Secrets secrets = new Secrets(random);
      ConnectRequest request;
      try {
        request = request(random, secrets, mine, other);
      } catch (InvalidContextException refused) {
        assertThat(secrets.in(refused.getMessage())).as(where).isEmpty();
        continue;
      }
      assertThat(secrets.in(request.toString())).as("%s: printed request", where).isEmpty();
      ConnectContext facts;
      try {
        facts = Admission.facts(request);
      } catch (InvalidContextException refused) {
        assertThat(secrets.in(refused.getMessage())).as(where).isEmpty();
        continue;
      }
      consistent++;
      assertThat(FactSpace.contradictions(facts)).as("%s: %s", where, request).isEmpty();
      for (Profile profile : Profile.values()) {
        Decision decision = profile.policy().evaluate(facts);
        if (decision instanceof Reject) {
          assertThat(((Reject) decision).code())
              .as("%s under %s: %s", where, profile.profileName(), decision)
              .isNotIn(RejectCode.INVALID_CONTEXT, RejectCode.INTERNAL_ERROR);
        }
        String json = PolicyJson.write(decision, facts);
        assertThat(secrets.in(json)).as("%s: %s", where, json).isEmpty();
        assertThat(secrets.in(decision.toString() + facts)).as(where).isEmpty();
      }
    }
    assertThat(consistent)
        .as("seed %s: requests that yielded facts", SEED)
        .isGreaterThan(CASES / 2);
  }

  /** Distinctive secret values, so that any leak is found by a substring search. */
  private static final class Secrets {
    final String gatewayToken;
    final String gatewayPassword;
    final String deviceToken;
    final List<String> all = new ArrayList<>();

    Secrets(SplittableRandom random) {
      gatewayToken = secret(random);
      gatewayPassword = secret(random);
      deviceToken = secret(random);
    }

    String secret(SplittableRandom random) {
      String value = "S3CRET-" + Long.toHexString(random.nextLong());
      all.add(value);
      return value;
    }

    /** A credential as a client might send it: absent, empty, right, or another secret. */
    String sent(SplittableRandom random, String right) {
      switch (random.nextInt(4)) {
        case 0:
          return null;
        case 1:
          return "";
        case 2:
          return right;
        default:
          return secret(random);
      }
    }

    List<String> in(String text) {
      List<String> found = new ArrayList<>();
      for (String secret : all) {
        if (text.contains(secret)) {
          found.add(secret);
        }
      }
      return found;
    }
  }

  private static ConnectRequest request(
      SplittableRandom random, Secrets secrets, KeyPair mine, KeyPair other) throws Exception {
    String[] pair = CLIENTS[random.nextInt(CLIENTS.length)];
    ClientInfo client =
        new ClientInfo(
            pair[0],
            pair[1],
            random.nextBoolean() ? "linux" : null,
            random.nextBoolean() ? "pc" : null);
    String role = ROLES[random.nextInt(ROLES.length)];
    List<String> scopes = new ArrayList<>();
    for (String scope : SCOPES) {
      if (random.nextInt(3) == 0) {
        scopes.add(scope);
      }
    }
    Credentials auth =
        new Credentials(
            secrets.sent(random, secrets.gatewayToken),
            secrets.sent(random, secrets.gatewayPassword),
            secrets.sent(random, secrets.deviceToken),
            random.nextInt(4) == 0 ? secrets.secret(random) : null);

    Map<String, String> headers = new LinkedHashMap<>();
    put(headers, "host", HOSTS[random.nextInt(HOSTS.length)]);
    put(headers, "origin", ORIGINS[random.nextInt(ORIGINS.length)]);
    put(headers, "x-forwarded-for", FORWARDED_FOR[random.nextInt(FORWARDED_FOR.length)]);
    if (random.nextInt(4) == 0) {
      headers.put("x-real-ip", random.nextBoolean() ? "127.0.0.1" : "198.51.100.3");
    }
    if (random.nextBoolean()) {
      headers.put("x-forwarded-user", random.nextBoolean() ? "alice" : " ");
    }
    if (random.nextInt(8) == 0) {
      headers.put("authorization", "Bearer " + secrets.secret(random));
    }
    SocketInfo socket = new SocketInfo(PEERS[random.nextInt(PEERS.length)], headers);

    AuthMode mode = AuthMode.values()[random.nextInt(AuthMode.values().length)];
    TrustedProxyAuth trustedProxy =
        random.nextInt(4) == 0
            ? null
            : new TrustedProxyAuth(
                "x-forwarded-user",
                random.nextBoolean() ? List.of() : List.of("x-real-ip"),
                random.nextBoolean() ? List.of() : List.of("alice"),
                random.nextBoolean());
    GatewayAuth gatewayAuth =
        new GatewayAuth(
            mode,
            random.nextInt(5) == 0 ? null : secrets.gatewayToken,
            random.nextInt(5) == 0 ? null : secrets.gatewayPassword,
            trustedProxy);
    List<String> proxies = new ArrayList<>();
    for (String proxy : PROXIES) {
      if (random.nextBoolean()) {
        proxies.add(proxy);
      }
    }
    List<String> origins =
        random.nextBoolean()
            ? List.of()
            : List.of(random.nextBoolean() ? "*" : "https://gateway.example");
    GatewayConfig gateway =
        new GatewayConfig(
            gatewayAuth,
            proxies,
            random.nextBoolean(),
            new ControlUiSettings(
                origins, random.nextBoolean(), random.nextBoolean(), random.nextBoolean()));

    long now = 1_767_225_600_000L;
    String challenge = "challenge-" + random.nextInt(1000);
    DeviceIdentity device = null;
    if (random.nextInt(3) > 0) {
      device = device(random, mine, client, role, scopes, auth, challenge, now);
    }
    PairedDevice paired = null;
    if (random.nextBoolean()) {
      paired =
          new PairedDevice(
              random.nextInt(4) == 0 ? Requests.raw(other) : Requests.pem(mine),
              random.nextBoolean() ? List.of(role) : List.of("operator"),
              random.nextBoolean() ? scopes : List.of("operator.read"),
              random.nextBoolean() ? "linux" : null,
              random.nextBoolean() ? " PC " : null,
              random.nextBoolean() ? secrets.deviceToken : null);
    }
    return new ConnectRequest(
        new ConnectFrame(client, role, scopes, auth, device),
        socket,
        challenge,
        now,
        gateway,
        paired);
  }

  /** A device identity: valid v3 or v2, or broken in one of the ways the proof checks. */
  private static DeviceIdentity device(
      SplittableRandom random,
      KeyPair key,
      ClientInfo client,
      String role,
      List<String> scopes,
      Credentials auth,
      String challenge,
      long now)
      throws Exception {
    String id = Requests.fingerprint(key);
    long signedAt = now - random.nextInt(200_000);
    String payload =
        Requests.payload(random.nextBoolean(), id, client, role, scopes, signedAt, auth, challenge);
    String signature =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Requests.sign(key, payload));
    switch (random.nextInt(6)) {
      case 0:
        return new DeviceIdentity(
            "0" + id.substring(1), Requests.raw(key), signature, signedAt, challenge);
      case 1:
        return new DeviceIdentity(
            id, "AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", signature, signedAt, challenge);
      case 2:
        return new DeviceIdentity(id, Requests.raw(key), signature, signedAt, "other");
      case 3:
        return new DeviceIdentity(
            id, Requests.raw(key), "AAAA" + signature.substring(4), signedAt, challenge);
      default:
        return new DeviceIdentity(id, Requests.raw(key), signature, signedAt, challenge);
    }
  }

  private static void put(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }
}
