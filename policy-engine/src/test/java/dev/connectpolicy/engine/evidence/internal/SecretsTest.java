package dev.connectpolicy.engine.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Secrets are compared as the UTF-8 bytes that were sent; what has no UTF-8 form matches nothing.
 */
class SecretsTest {

  @Test
  void equalSecretsMatchAndDifferentOnesDoNot() {
    assertThat(Secrets.matches("s3cret-\u00e9", "s3cret-\u00e9")).isTrue();
    assertThat(Secrets.matches("s3cret", "s3creT")).isFalse();
    assertThat(Secrets.matches("s3cret", "s3cret ")).isFalse();
    assertThat(Secrets.matches(null, "s3cret")).isFalse();
    assertThat(Secrets.matches("s3cret", null)).isFalse();
  }

  @Test
  void aLoneSurrogateMatchesNothingNotEvenItsReplacement() {
    // String.getBytes(UTF_8) writes `?` for a lone surrogate: compared that way, these match.
    assertThat(Secrets.matches("tok\uD800", "tok?")).isFalse();
    assertThat(Secrets.matches("tok?", "tok\uDFFF")).isFalse();
    assertThat(Secrets.matches("tok\uD800", "tok\uD800")).isFalse();
    assertThat(Secrets.matches("tok\uD83D\uDE00", "tok\uD83D\uDE00")).as("a pair is fine").isTrue();
  }
}
