package dev.connectpolicy.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connectpolicy.engine.evidence.internal.Base64Text;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Project Wycheproof's Ed25519 verification vectors (C2SP/wycheproof, see the NOTICE beside them):
 * with every verifier, every valid vector verifies and every invalid one is rejected, on whichever
 * JDK runs the build (CI runs it on 17 and on 25). The JDK 17 verifier alone accepts test 37, a
 * signature with a garbage byte appended; the explicit length check rejects it.
 */
class WycheproofEd25519Test {

  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @EnumSource(Ed25519Verifier.class)
  void everyValidVectorVerifies_andEveryInvalidVectorIsRejected(Ed25519Verifier verifier) {
    JsonNode suite = TestData.read("wycheproof/ed25519_test.json");
    List<String> wrong = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (JsonNode group : suite.get("testGroups")) {
      byte[] key = HEX.parseHex(group.get("publicKey").get("pk").asText());
      for (JsonNode test : group.get("tests")) {
        byte[] message = HEX.parseHex(test.get("msg").asText());
        byte[] signature = HEX.parseHex(test.get("sig").asText());
        boolean expected = test.get("result").asText().equals("valid");
        boolean verified = Ed25519.verify(verifier, key, message, signature);
        // the wire path: the signature as base64url text, decoded and checked before verifying
        byte[] decoded = Ed25519.decodeSignature(Base64Text.encode(signature));
        boolean viaWire = decoded != null && Ed25519.verify(verifier, key, message, decoded);
        if (verified != expected || viaWire != expected) {
          wrong.add(
              "tcId "
                  + test.get("tcId").asInt()
                  + " "
                  + test.get("flags")
                  + ": expected "
                  + test.get("result").asText()
                  + ", verify "
                  + verified
                  + ", wire "
                  + viaWire);
        }
        if (expected) {
          valid++;
        } else {
          invalid++;
        }
      }
    }
    assertThat(wrong)
        .as(
            "vectors decided wrongly by %s on Java %s",
            verifier, System.getProperty("java.version"))
        .isEmpty();
    assertThat(valid + invalid).isEqualTo(suite.get("numberOfTests").asInt()).isEqualTo(151);
    assertThat(valid).isEqualTo(88);
    assertThat(invalid).isEqualTo(63);
  }

  @Test
  void theJdksOwnProviderVerifies() {
    assertThat(Ed25519Jdk.providerName()).isEqualTo("sunec");
  }
}
