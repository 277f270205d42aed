package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.engine.evidence.internal.JsText;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Signs random payloads with freshly generated keys: each proof verifies (as the version it was
 * signed as), and fails after any single-field change. The seed is fixed for reproducibility and
 * can be changed with {@code -Devidence.seed=N}; every assertion message names it.
 */
class DeviceProofPropertyTest {

  private static final long SEED = Long.getLong("evidence.seed", 20_260_101L);
  private static final int CASES = 60;

  private static final String[] IDS = {
    "node-host", "cli", "openclaw-macos", "gateway-client", "test"
  };
  private static final String[] MODES = {"node", "cli", "ui", "backend", "probe"};
  private static final String[] SCOPES = {
    "operator.read", "operator.write", "operator.admin", "operator.talk", "node.exec", "x"
  };

  /** A generated signing situation: every field the payload binds. */
  private record Claim(
      ClientInfo client,
      String role,
      List<String> scopes,
      Credentials auth,
      String id,
      String key,
      long signedAt,
      String nonce,
      String challenge,
      long now,
      String signature) {

    /** Checks with every verifier: they must agree. */
    DeviceProofCheck.Outcome check() {
      DeviceProofCheck.Outcome fast = check(Ed25519Verifier.BOUNCY_CASTLE);
      DeviceProofCheck.Outcome jdk = check(Ed25519Verifier.JDK);
      assertThat(jdk.proof()).as("the JDK's verifier on %s", this).isEqualTo(fast.proof());
      assertThat(jdk.version()).as("the JDK's verifier on %s", this).isEqualTo(fast.version());
      return fast;
    }

    private DeviceProofCheck.Outcome check(Ed25519Verifier verifier) {
      return DeviceProofCheck.check(
          new DeviceIdentity(id, key, signature, signedAt, nonce),
          client,
          role,
          scopes,
          auth,
          challenge,
          now,
          verifier);
    }

    Claim withClient(ClientInfo value) {
      return new Claim(
          value, role, scopes, auth, id, key, signedAt, nonce, challenge, now, signature);
    }

    Claim withRole(String value) {
      return new Claim(
          client, value, scopes, auth, id, key, signedAt, nonce, challenge, now, signature);
    }

    Claim withScopes(List<String> value) {
      return new Claim(
          client, role, value, auth, id, key, signedAt, nonce, challenge, now, signature);
    }

    Claim withAuth(Credentials value) {
      return new Claim(
          client, role, scopes, value, id, key, signedAt, nonce, challenge, now, signature);
    }

    Claim withId(String value) {
      return new Claim(
          client, role, scopes, auth, value, key, signedAt, nonce, challenge, now, signature);
    }

    Claim withSignedAt(long value) {
      return new Claim(
          client, role, scopes, auth, id, key, value, nonce, challenge, now, signature);
    }

    /** Another nonce, which the gateway issued too: only the signature can tell. */
    Claim withNonce(String value) {
      return new Claim(client, role, scopes, auth, id, key, signedAt, value, value, now, signature);
    }
  }

  @Test
  void signedProofsVerify_andEverySingleFieldChangeFails() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    SecureRandom keyRandom = SecureRandom.getInstance("SHA1PRNG");
    keyRandom.setSeed(SEED);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(255, keyRandom);
    for (int n = 0; n < CASES; n++) {
      String where = "seed " + SEED + ", case " + n;
      boolean v3 = random.nextBoolean();
      Claim claim = signed(random, generator.generateKeyPair(), v3);
      DeviceProofCheck.Outcome outcome = claim.check();
      assertThat(outcome.proof()).as("%s: %s", where, claim).isEqualTo(DeviceProof.VERIFIED);
      assertThat(outcome.version()).as(where).isEqualTo(v3 ? PayloadVersion.V3 : PayloadVersion.V2);

      expect(where, "id", claim.withId(flipHex(claim.id())), DeviceProof.ID_MISMATCH);
      List<String> scopes = claim.scopes();
      if (scopes.size() >= 2 && !scopes.get(0).equals(scopes.get(1))) {
        List<String> swapped = new ArrayList<>(scopes);
        swapped.set(0, scopes.get(1));
        swapped.set(1, scopes.get(0));
        expect(where, "scopes order", claim.withScopes(swapped), DeviceProof.SIGNATURE_INVALID);
      }
      expect(
          where,
          "token",
          claim.withAuth(otherTokenSlot(claim.auth())),
          DeviceProof.SIGNATURE_INVALID);
      expect(
          where,
          "nonce",
          claim.withNonce(claim.challenge() + "-other"),
          DeviceProof.SIGNATURE_INVALID);
      expect(
          where,
          "signedAt",
          claim.withSignedAt(claim.signedAt() + 1),
          DeviceProof.SIGNATURE_INVALID);
      expect(where, "role", claim.withRole(claim.role() + "x"), DeviceProof.SIGNATURE_INVALID);
      ClientInfo client = claim.client();
      Claim platform =
          claim.withClient(
              new ClientInfo(
                  client.id(),
                  client.mode(),
                  JsText.normalizeMetadata(client.platform()) + "x",
                  client.deviceFamily()));
      Claim family =
          claim.withClient(
              new ClientInfo(
                  client.id(),
                  client.mode(),
                  client.platform(),
                  JsText.normalizeMetadata(client.deviceFamily()) + "x"));
      // v2 does not bind platform and family: there the change must still verify
      DeviceProof metadataChanged = v3 ? DeviceProof.SIGNATURE_INVALID : DeviceProof.VERIFIED;
      expect(where, "platform", platform, metadataChanged);
      expect(where, "family", family, metadataChanged);
    }
  }

  private static void expect(String where, String field, Claim claim, DeviceProof expected) {
    assertThat(claim.check().proof())
        .as("%s: change of %s in %s", where, field, claim)
        .isEqualTo(expected);
  }

  private static Claim signed(SplittableRandom random, KeyPair pair, boolean v3) throws Exception {
    ClientInfo client =
        new ClientInfo(
            pick(random, IDS),
            pick(random, MODES),
            random.nextBoolean() ? null : text(random),
            random.nextBoolean() ? null : text(random));
    String role = random.nextBoolean() ? "operator" : "node";
    List<String> scopes = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      scopes.add(pick(random, SCOPES));
    }
    Credentials auth =
        new Credentials(
            random.nextInt(3) == 0 ? null : text(random),
            null,
            random.nextBoolean() ? null : text(random),
            random.nextInt(4) == 0 ? text(random) : null);
    String id = Requests.fingerprint(pair);
    String key = random.nextBoolean() ? Requests.raw(pair) : Requests.pem(pair);
    long now = 1_700_000_000_000L + random.nextInt(1_000_000_000);
    long signedAt = now - 120_000 + random.nextInt(240_001);
    String challenge = "c-" + Long.toHexString(random.nextLong());
    String nonce = random.nextBoolean() ? challenge : " " + challenge + "\t";
    String payload = Requests.payload(v3, id, client, role, scopes, signedAt, auth, challenge);
    String signature =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Requests.sign(pair, payload));
    return new Claim(
        client, role, scopes, auth, id, key, signedAt, nonce, challenge, now, signature);
  }

  /** Changes whichever credential fills the token slot (or adds a token when none does). */
  private static Credentials otherTokenSlot(Credentials auth) {
    if (auth.token() != null) {
      return new Credentials(auth.token() + "x", null, auth.deviceToken(), auth.bootstrapToken());
    }
    if (auth.deviceToken() != null) {
      return new Credentials(null, null, auth.deviceToken() + "x", auth.bootstrapToken());
    }
    if (auth.bootstrapToken() != null) {
      return new Credentials(null, null, null, auth.bootstrapToken() + "x");
    }
    return new Credentials("t", null, null, null);
  }

  private static String flipHex(String hex) {
    char first = hex.charAt(0);
    return (first == '0' ? '1' : '0') + hex.substring(1);
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Random text with the characters that matter: spaces, case, pipes, commas, non-ASCII. */
  private static String text(SplittableRandom random) {
    String alphabet = "abcXYZ09 |,.-\u00e9\u0130\u00a0";
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
