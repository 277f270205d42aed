package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void twoRandomUuids_areDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      for (String id : Ids.twoRandomUuids()) {
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.toString()).isEqualTo(id);
        assertThat(seen.add(id)).as("a repeated id").isTrue();
      }
    }
  }

  @Test
  void uuid_setsOnlyTheVersionAndVariantBits() {
    byte[] ones = new byte[16];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertThat(Ids.uuid(ones, 0)).isEqualTo("ffffffff-ffff-4fff-bfff-ffffffffffff");
    assertThat(Ids.uuid(new byte[16], 0)).isEqualTo("00000000-0000-4000-8000-000000000000");
  }
}
