package dev.connectpolicy.engine.evidence;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.ConnectPolicies;
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
    Ed25519.PublicKey fast = Ed25519.decodePublicKey(keyText, Ed25519Verifier.BOUNCY_CASTLE);
    Ed25519.PublicKey jdk = Ed25519.decodePublicKey(keyText, Ed25519Verifier.JDK);
    if ((fast == null) != (jdk == null)) {
      throw new AssertionError("the verifiers disagree on whether the key decodes");
    }
    Ed25519.decodeKeyBytes(keyText);
    byte[] signature = Ed25519.decodeSignature(signatureText);
    if (fast == null || jdk == null) {
      return;
    }
    byte[] key = fast.raw();
    if (key.length != 32) {
      throw new AssertionError("a decoded key is not 32 bytes: " + key.length);
    }
    for (byte[] candidate :
        signature == null ? new byte[][] {message} : new byte[][] {signature, message}) {
      if (Ed25519.verify(Ed25519Verifier.BOUNCY_CASTLE, key, message, candidate)
          != Ed25519.verify(Ed25519Verifier.JDK, key, message, candidate)) {
        throw new AssertionError("the verifiers disagree on a signature");
      }
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
      return;
    }
    if (Admission.admit(ConnectPolicies.recommended(), request).decision() == null) {
      throw new AssertionError("admit gave no decision");
    }
  }

  /** A secret no output may contain; it appears nowhere else in the request or our messages. */
  private static final String CANARY = "canary-7Qx2Lm9Vp4Rt";

  /**
   * A valid request with secrets set to a canary and one field replaced by fuzzed text: whatever
   * becomes of the request (facts, decision, or an error naming the field), the canary never shows.
   */
  @FuzzTest(maxDuration = "5m")
  void secretsNeverLeak(FuzzedDataProvider data) {
    String[] fields = {
      "role",
      "id",
      "mode",
      "platform",
      "remoteAddress",
      "host",
      "challengeNonce",
      "publicKey",
      "signature",
      "nonce",
      "mode\":\"token\",\"token"
    };
    String field = data.pickValue(fields);
    String fuzzed = data.consumeRemainingAsString().replace("\\", "").replace("\"", "");
    String json =
        EXAMPLE
            .replace("example-gateway-token", CANARY)
            .replaceFirst(
                "\"" + java.util.regex.Pattern.quote(field) + "\":\"[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":\"" + fuzzed + "\""));
    String output;
    try {
      ConnectRequest request = RequestJson.read(json);
      Admission.Result result = Admission.admit(ConnectPolicies.recommended(), request);
      output =
          result.decision()
              + " "
              + result.facts()
              + " "
              + request
              + dev.connectpolicy.engine.PolicyJson.write(result.decision());
    } catch (InvalidContextException malformed) {
      output = malformed.getMessage() + " " + malformed.field();
    }
    if (output.contains(CANARY)) {
      throw new AssertionError(
          "a secret leaked into the output: " + output.replace(CANARY, "<canary>"));
    }
  }

  private static final String EXAMPLE = firstExample();

  private static String firstExample() {
    try (java.io.InputStream in =
        EvidenceFuzzTest.class.getResourceAsStream("/evidence/fuzz-request.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
