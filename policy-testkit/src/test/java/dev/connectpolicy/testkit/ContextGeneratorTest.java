package dev.connectpolicy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.Locality;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContextGeneratorTest {

  @Test
  void configuratorsNarrowTheSetAndLeaveTheOriginalAlone() {
    ContextGenerator all =
        ConnectContexts.all().withRole("operator").withClient(Client.of("cli", "cli"));
    ContextGenerator loopbackWithoutDevice = all.local().withoutDevice();

    assertThat(loopbackWithoutDevice.exhaustive())
        .isNotEmpty()
        .allSatisfy(
            context -> {
              assertThat(context.locality()).isEqualTo(Locality.DIRECT_LOCAL);
              assertThat(context.device()).isEqualTo(DeviceProof.ABSENT);
            });
    assertThat(all.size()).isGreaterThan(loopbackWithoutDevice.size());
    assertThat(all.remote().exhaustive()).allSatisfy(c -> assertThat(c.local()).isFalse());
    assertThat(all.withDevice().exhaustive())
        .allSatisfy(c -> assertThat(c.device().isPresent()).isTrue());
    assertThat(all.withAuth("failed", auth -> !auth.ok()).exhaustive())
        .allSatisfy(c -> assertThat(c.auth().ok()).isFalse());
    assertThat(all.where("scoped", c -> !c.scopes().isEmpty()).exhaustive())
        .allSatisfy(c -> assertThat(c.scopes()).isNotEmpty());
    assertThat(loopbackWithoutDevice.toString())
        .isEqualTo(
            "contexts with role in [operator], client in [cli/cli], locality in [direct_local],"
                + " device in [absent]");
  }

  @Test
  void theSameSeedDrawsTheSameContexts() {
    ContextGenerator nodes =
        ConnectContexts.all().withRole("node").where("remote", c -> !c.local());

    List<ConnectContext> first = nodes.random(7).limit(200).collect(Collectors.toList());
    List<ConnectContext> again = nodes.random(7).limit(200).collect(Collectors.toList());
    List<ConnectContext> other = nodes.random(8).limit(200).collect(Collectors.toList());

    assertThat(first).isEqualTo(again).isNotEqualTo(other);
    assertThat(first).allSatisfy(context -> assertThat(nodes.contains(context)).isTrue());
  }

  @Test
  void aContextIsDescribedByItsNonDefaultFacts() {
    ConnectContext defaults = ConnectContexts.all().exhaustive().findFirst().orElseThrow();

    assertThat(ConnectContexts.describe(defaults)).isEqualTo("all defaults");
    assertThat(ConnectContexts.describe(defaults.withRole("node").withLocal(true)))
        .isEqualTo("role=node, locality=direct_local");
  }
}
