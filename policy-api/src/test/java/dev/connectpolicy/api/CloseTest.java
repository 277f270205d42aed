package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseTest {

  @Test
  void reasonsAreCutTo120BytesOfUtf8() {
    String ascii = "x".repeat(200);
    assertThat(Close.of(1008, ascii).reason()).hasSize(120);

    String euro = "€".repeat(50); // 3 bytes each: 40 fit, 150 bytes do not
    Close cut = Close.of(1008, euro);
    assertThat(cut.reason()).isEqualTo("€".repeat(40));
    assertThat(cut.reason().getBytes(StandardCharsets.UTF_8)).hasSize(120);

    String emoji = "a" + "😀".repeat(40); // 1 + 4 * 29 = 117 bytes fit, the 30th does not
    assertThat(Close.of(1008, emoji).reason()).isEqualTo("a" + "😀".repeat(29));
  }

  @Test
  void shortReasonsAreKeptAndEmptyOnesGetOpenClawsFallback() {
    assertThat(Close.of(1008, "device identity required").reason())
        .isEqualTo("device identity required");
    assertThat(Close.of(1008, "").reason()).isEqualTo("invalid handshake");
  }

  @Test
  void theConstructorRefusesWhatAFrameCannotCarry() {
    assertThatThrownBy(() -> new Close(1008, "x".repeat(121)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("close reason must be 1 to 120 bytes of utf-8, got 121");
    assertThatThrownBy(() -> new Close(1008, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
