package dev.connectpolicy.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.RequestJson;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.internal.Ed25519;
import dev.connectpolicy.engine.evidence.internal.HostNames;
import dev.connectpolicy.engine.evidence.internal.IpAddress;
import dev.connectpolicy.engine.evidence.internal.IpRange;
import dev.connectpolicy.engine.evidence.internal.OriginUrl;
import org.jspecify.annotations.Nullable;

/**
 * Coverage-guided fuzzing of the evidence layer's parsers of untrusted input: keys, signatures,
 * addresses, Host and Origin headers, and whole raw requests. Each parser answers every input with
 * a value or "not valid" (null, false, or an {@link InvalidContextException}); any other exception
 * is a finding, and so is a secret in an error message.
 */
class EvidenceFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void keysAndSignatures(FuzzedDataProvider data) {
    String keyText = data.consumeString(200);
    String signatureText = data.consumeString(200);
    byte[] message = data.consumeRemainingAsBytes();
    byte[] key = Ed25519.decodePublicKey(keyText);
    Ed25519.decodeKeyBytes(keyText);
    byte[] signature = Ed25519.decodeSignature(signatureText);
    if (key != null && key.length != 32) {
      throw new AssertionError("a decoded key is not 32 bytes: " + key.length);
    }
    if (key != null && signature != null) {
      Ed25519.verify(key, message, signature);
    }
    if (key != null) {
      Ed25519.verify(key, message, message);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void addressesAndHeaders(FuzzedDataProvider data) {
    String text = data.consumeString(300);
    IpAddress address = IpAddress.parse(text);
    IpAddress hop = IpAddress.parseHop(text);
    IpRange range = IpRange.parse(text);
    if (range != null && address != null) {
      IpRange.anyContains(java.util.List.of(range), address);
    }
    if (hop != null && range != null) {
      IpRange.anyContains(java.util.List.of(range), hop);
    }
    HostNames.hostName(text);
    HostNames.isLocalish(text);
    OriginUrl.parse(text);
  }

  @FuzzTest(maxDuration = "5m")
  void rawRequests(@Nullable String json) {
    ConnectRequest request;
    try {
      request = RequestJson.read(json);
    } catch (InvalidContextException malformed) {
      assertNoSecretIn(malformed.getMessage(), json);
      return;
    }
    Decision decision = Admission.admit(ConnectPolicies.recommended(), request).decision();
    if (decision == null) {
      throw new AssertionError("admit gave no decision");
    }
  }

  /** A quoted string value of the input (a token, say) must not come back in an error. */
  private static void assertNoSecretIn(String message, @Nullable String json) {
    if (json == null) {
      return;
    }
    int token = json.indexOf("\"token\":\"");
    if (token < 0) {
      return;
    }
    int start = token + "\"token\":\"".length();
    int end = json.indexOf('"', start);
    if (end > start + 8) {
      String secret = json.substring(start, end);
      if (message.contains(secret)) {
        throw new AssertionError("an error message repeats the token");
      }
    }
  }
}
