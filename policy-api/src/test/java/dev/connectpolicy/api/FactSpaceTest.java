package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactSpaceTest {

  @Test
  void everyValueOfEveryDimensionOccursInTheEnumeration() {
    Map<Dimension<?>, Set<Object>> seen = new HashMap<>();
    long[] count = {0};
    FactSpace.standard()
        .forEach(
            context -> {
              count[0]++;
              for (Dimension<?> dimension : Dimension.all()) {
                seen.computeIfAbsent(dimension, d -> new HashSet<>()).add(dimension.get(context));
              }
            });

    assertThat(count[0]).isEqualTo(2_668_896L);
    for (Dimension<?> dimension : Dimension.all()) {
      assertThat(seen.get(dimension))
          .as("values of %s seen in the enumeration", dimension)
          .containsExactlyInAnyOrderElementsOf(
              Dimension.openClaw().contains(dimension)
                  ? dimension.values()
                  : List.of(dimension.defaultValue()));
    }
    assertThat(FactSpace.standard().dimensions()).isEqualTo(Dimension.openClaw());
  }

  @Test
  void everyEnumValueIsInItsDimensionsDomain() {
    assertThat(Dimension.ORIGIN.values()).containsExactlyInAnyOrder(OriginCheck.values());
    assertThat(Dimension.DEVICE.values()).containsExactlyInAnyOrder(DeviceProof.values());
    assertThat(Dimension.PAIRING.values()).containsExactlyInAnyOrder(PairingState.values());
    assertThat(Dimension.LOCALITY.values()).containsExactlyInAnyOrder(Locality.values());
    Set<Object> modes = new HashSet<>();
    Set<Object> provided = new HashSet<>();
    Set<Object> methods = new HashSet<>();
    for (AuthFacts auth : Dimension.AUTH.values()) {
      modes.add(auth.mode());
      provided.add(auth.provided());
      methods.add(auth.method());
    }
    assertThat(modes).containsExactlyInAnyOrder((Object[]) AuthMode.values());
    assertThat(provided)
        .as("every credential OpenClaw knows")
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(Credential.values()).filter(Credential::isOpenClaw).toList());
    assertThat(methods)
        .as("every method OpenClaw knows")
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(AuthMethod.values()).filter(AuthMethod::isOpenClaw).toList());
    assertThat(Dimension.AUTH.values()).hasSize(49);
  }

  @Test
  void enumeratedContextsAreConsistentCanonicalAndDistinct() {
    Set<ConnectContext> distinct = new HashSet<>();
    FactSpace.standard()
        .restrict(Dimension.SCOPES, List.of(List.of()))
        .forEach(
            context -> {
              assertThat(FactSpace.isConsistent(context)).isTrue();
              assertThat(FactSpace.standard().contains(context)).isTrue();
              if (!context.device().isPresent()) {
                assertThat(context.pairing()).isEqualTo(PairingState.NOT_PAIRED);
              }
              distinct.add(context);
            });
    assertThat(distinct).hasSize(2_668_896 / 3);
  }

  @Test
  void restrictingADimensionEnumeratesOnlyItsValues() {
    FactSpace nodes =
        FactSpace.standard()
            .restrict(Dimension.ROLE, List.of("node", "member"))
            .filter(Dimension.DEVICE, DeviceProof::isPresent);

    assertThat(nodes.domain(Dimension.ROLE)).containsExactly("node", "member");
    assertThat(nodes.contexts().map(ConnectContext::role).distinct())
        .containsExactly("node", "member");
    assertThat(nodes.contexts().allMatch(c -> c.device().isPresent())).isTrue();
    assertThat(nodes.contains(FactSpace.standard().iterator().next())).isFalse();
    assertThatThrownBy(() -> FactSpace.standard().restrict(Dimension.ROLE, List.of()))
        .hasMessage("dimension `role` needs at least one value");
  }

  @Test
  void randomDrawsBelongToTheSpace() {
    Random random = new Random(42);
    FactSpace space =
        FactSpace.standard().restrict(Dimension.CLIENT, List.of(Client.of("cli", "cli")));
    for (int i = 0; i < 2_000; i++) {
      assertThat(space.contains(space.random(random))).isTrue();
    }
  }

  @Test
  void contradictionsNameTheFactsInvolved() {
    ConnectContext base = FactSpace.standard().iterator().next();

    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    new AuthFacts(
                        AuthMode.NONE, Credential.NONE, false, AuthMethod.NONE, "x", false))))
        .containsExactly(
            "auth mode `none` never fails",
            "a failed result carries method `token` in mode `none`, not `none`");
    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    AuthFacts.succeeded(
                        AuthMode.TOKEN, Credential.DEVICE_TOKEN, AuthMethod.DEVICE_TOKEN, false))))
        .containsExactly("method `device-token` needs a device identity");
    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    AuthFacts.succeeded(
                        AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, false))))
        .containsExactly("`sharedAuthOk` is false but method `token` verifies a shared secret");
    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    AuthFacts.succeeded(
                        AuthMode.NONE, Credential.NONE, AuthMethod.PASSWORD, true))))
        .contains("method `password` cannot succeed in mode `none`")
        .contains("method `password` cannot succeed with credential `none`");
    assertThat(FactSpace.contradictions(base.withLocality(Locality.BROWSER_CONTAINER_LOCAL)))
        .singleElement()
        .asString()
        .startsWith("locality `browser_container_local` does not fit client `cli/cli`");
    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    AuthFacts.failed(
                        AuthMode.TOKEN,
                        Credential.DEVICE_TOKEN,
                        AuthMethod.TOKEN,
                        "device_token_mismatch"))))
        .containsExactly("reason `device_token_mismatch` needs a device identity");
    assertThat(FactSpace.contradictions(base)).isEmpty();
  }

  @Test
  void aSpaceOfOnesOwnEnumeratesItsDimensionsUnderItsOwnRules() {
    FactSpace space =
        FactSpace.builder()
            .with(Dimension.CREDENTIAL_SOURCE, List.of(CredentialSource.values()))
            .with(Dimension.WORKSPACE, List.of(WorkspaceAccess.NONE, WorkspaceAccess.MEMBER))
            .where(
                context ->
                    context.workspace() == WorkspaceAccess.NONE
                        || context.credentialSource() == CredentialSource.HEADER)
            .build();

    assertThat(space.dimensions())
        .containsExactly(Dimension.CREDENTIAL_SOURCE, Dimension.WORKSPACE);
    assertThat(space.size()).isEqualTo(4);
    assertThat(space.contexts().allMatch(space::contains)).isTrue();
    assertThat(space.domain(Dimension.ROLE)).containsExactly("operator");
    ConnectContext first = space.iterator().next();
    assertThat(space.contains(first.withWorkspace(WorkspaceAccess.MEMBER))).isFalse();
    assertThat(
            space.contains(
                first
                    .withWorkspace(WorkspaceAccess.MEMBER)
                    .withCredentialSource(CredentialSource.HEADER)))
        .isTrue();
    assertThat(space.where(context -> false).size()).isZero();
  }

  @Test
  void aConstraintThatNamesWhatItReadsKeepsTheSameCellsAndSkipsTheRestAtOnce() {
    java.util.function.Predicate<ConnectContext> headerOnly =
        context -> context.auth().ok() || context.credentialSource() == CredentialSource.CONNECT;
    FactSpace.Builder base =
        FactSpace.builder()
            .with(Dimension.ROLE, List.of("operator", "node"))
            .with(
                Dimension.AUTH,
                List.of(
                    AuthFacts.sharedSecretOk(AuthMode.TOKEN),
                    AuthFacts.failed(
                        AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch")))
            .with(Dimension.CREDENTIAL_SOURCE, List.of(CredentialSource.values()))
            .with(Dimension.FAILED_ATTEMPTS, List.of(0, 4, 5));
    FactSpace undeclared = base.build().where(headerOnly);
    FactSpace declared =
        base.build()
            .where(
                FactSpace.Constraint.of(
                    "failure-from-the-frame",
                    headerOnly,
                    Dimension.AUTH,
                    Dimension.CREDENTIAL_SOURCE));

    assertThat(declared.contexts().toList()).isEqualTo(undeclared.contexts().toList());
    assertThat(declared.size()).isEqualTo(2 * (3 + 1) * 3);
    assertThat(declared.constraints())
        .extracting(FactSpace.Constraint::name)
        .containsExactly("failure-from-the-frame");
    assertThatThrownBy(() -> FactSpace.Constraint.of("reads nothing", headerOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must name the dimensions it reads");
  }

  @Test
  void openClawsFactsHaveNoneOfTheOtherGatewaysFacts() {
    ConnectContext base = FactSpace.standard().iterator().next();

    assertThat(FactSpace.contradictions(base.withCredentialSource(CredentialSource.QUERY)))
        .containsExactly(
            "credential source `query`: OpenClaw reads credentials from the connect frame only");
    assertThat(FactSpace.contradictions(base.withWorkspace(WorkspaceAccess.MEMBER)))
        .containsExactly("workspace `member`: OpenClaw has no workspaces");
    assertThat(FactSpace.contradictions(base.withFailedAttempts(3)))
        .containsExactly(
            "3 failed attempts: OpenClaw's rate limiter reports reason `rate_limited` instead");
    assertThat(
            FactSpace.contradictions(
                base.withAuth(
                    AuthFacts.succeeded(
                        AuthMode.PASSWORD, Credential.API_KEY, AuthMethod.API_KEY, false))))
        .contains("credential `api-key` with method `api-key` is not one of OpenClaw's");
    assertThat(
            FactSpace.standard()
                .restrict(Dimension.WORKSPACE, List.of(WorkspaceAccess.MEMBER))
                .restrict(Dimension.ROLE, List.of("node"))
                .contexts()
                .findAny())
        .isEmpty();
  }
}
