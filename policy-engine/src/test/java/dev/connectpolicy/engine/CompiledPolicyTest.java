package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectpolicy.api.Accept;
import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.Reject;
import dev.connectpolicy.api.RejectCode;
import dev.connectpolicy.api.Rule;
import dev.connectpolicy.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A compiled profile decides exactly as its interpreted pipeline, on every cell and beyond. */
@Order(1) // walks a whole fact space
class CompiledPolicyTest {

  static List<Profile> openClawProfiles() {
    return GatewayFamily.OPENCLAW.profiles();
  }

  @ParameterizedTest
  @MethodSource("openClawProfiles")
  void compiledProfileDecidesEveryCellExactlyAsTheInterpreter(Profile profile) {
    CompiledPolicy compiled = profile.compiled();
    List<String> differences = new ArrayList<>();
    long[] cells = {0};

    FactSpace.standard()
        .forEach(
            context -> {
              cells[0]++;
              Decision expected = profile.policy().evaluate(context);
              Decision actual = compiled.evaluate(context);
              if (!actual.equals(expected) && differences.size() < 5) {
                differences.add(context + ": " + actual + " instead of " + expected);
              }
            });

    assertThat(differences).isEmpty();
    assertThat(cells[0]).isEqualTo(FactSpace.standard().size());
  }

  @ParameterizedTest
  @MethodSource("openClawProfiles")
  void contextsOutsideTheDomainsAreDecidedAsTheInterpreterDecidesThem(Profile profile) {
    CompiledPolicy compiled = profile.compiled();
    Random random = new Random(20261201L);
    List<List<String>> scopeLists =
        List.of(
            List.of("operator.read", "operator.write"),
            List.of("node.invoke"),
            List.of("operator.admin", "operator.pairing", "x"));
    List<Client> clients =
        List.of(
            Client.of(Client.IOS_APP, "ui"),
            Client.of("openclaw-probe", "probe"),
            Client.of(Client.CLI, "backend"));
    AuthFacts unlisted =
        AuthFacts.failed(
            AuthMode.TRUSTED_PROXY,
            Credential.NONE,
            AuthMethod.TRUSTED_PROXY,
            "trusted_proxy_missing_header_x-user");
    for (int draw = 0; draw < 3_000; draw++) {
      ConnectContext cell = FactSpace.standard().random(random);
      List<ConnectContext> variants =
          List.of(
              cell.withScopes(scopeLists.get(draw % scopeLists.size())),
              cell.withClient(clients.get(draw % clients.size())),
              cell.withRole(draw % 2 == 0 ? "member" : " operator"),
              cell.withAuth(unlisted));
      for (ConnectContext context : variants) {
        assertThat(compiled.evaluate(context))
            .as("%s", context)
            .isEqualTo(profile.policy().evaluate(context));
      }
    }
    assertThat(compiled.evaluate(null)).isEqualTo(profile.policy().evaluate(null));
  }

  @ParameterizedTest
  @EnumSource(
      value = Profile.class,
      names = {"OPENCLAW_2026_3_13", "RECOMMENDED"})
  void anAcceptanceThatKeepsScopesHandsBackTheContextsOwnScopes(Profile profile) {
    List<String> scopes = List.of("operator.read", "operator.write");
    long[] kept = {0};

    FactSpace.standard()
        .forEach(
            cell -> {
              if (profile.policy().evaluate(cell.withScopes(scopes)) instanceof Accept accept
                  && !accept.scopesCleared()) {
                Accept compiled = (Accept) profile.compiled().evaluate(cell.withScopes(scopes));
                assertThat(compiled.scopes()).isEqualTo(scopes);
                kept[0]++;
              }
            });

    assertThat(kept[0]).isPositive();
  }

  @org.junit.jupiter.api.Test
  void theFactsOfOtherGatewaysAreInterpretedNotLookedUp() {
    // mosaic-198+rate-limit reads the credential source, the workspace and the failed attempts,
    // which the standard space fixes at their defaults: a compiled lookup would ignore them.
    Profile profile = Profile.MOSAIC_198_RATE_LIMIT;
    CompiledPolicy compiled = profile.compiled();
    GatewayFamily.MOSAIC
        .space()
        .forEach(
            context ->
                assertThat(compiled.evaluate(context))
                    .as("%s", context)
                    .isEqualTo(profile.policy().evaluate(context)));
    ConnectContext cell = FactSpace.standard().iterator().next();
    for (ConnectContext context :
        List.of(
            cell.withFailedAttempts(5),
            cell.withWorkspace(dev.connectpolicy.api.WorkspaceAccess.MEMBER),
            cell.withCredentialSource(dev.connectpolicy.api.CredentialSource.QUERY))) {
      assertThat(Profile.RECOMMENDED.compiled().evaluate(context))
          .isEqualTo(Profile.RECOMMENDED.policy().evaluate(context));
      assertThat(compiled.evaluate(context)).isEqualTo(profile.policy().evaluate(context));
    }
  }

  @org.junit.jupiter.api.Test
  void aPipelineThatReadsTheScopesCannotBeCompiled() {
    Rule noAdmin =
        Rule.of(
            "scopes.no-admin",
            "the admin scope is refused",
            (context, established) ->
                context.scopes().contains("operator.admin")
                    ? Verdict.reject(
                        Reject.of(RejectCode.INVALID_CONTEXT, null, "no admin", "scopes.no-admin"))
                    : Verdict.abstain());
    PolicyPipeline readsScopes =
        PolicyPipeline.builder("reads-scopes").stage(Stage.of("scopes", noAdmin)).build();

    assertThatThrownBy(() -> CompiledPolicy.compile(readsScopes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("`reads-scopes`")
        .hasMessageContaining("cannot be compiled");
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void bothPhasesAreDecidedAsTheInterpreterDecidesThem(Profile profile) {
    CompiledPolicy compiled = profile.compiled();
    FactSpace space = profile.family().space();
    List<ConnectContext> contexts = new ArrayList<>();
    if (space.size() <= 100_000) {
      space.forEach(contexts::add);
    } else {
      Random random = new Random(7L);
      for (int draw = 0; draw < 5_000; draw++) {
        contexts.add(space.random(random));
      }
    }

    for (ConnectContext context : contexts) {
      assertThat(compiled.evaluate(context))
          .as("%s", context)
          .isEqualTo(profile.policy().evaluate(context));
      assertThat(compiled.evaluateUpgrade(context.upgrade()))
          .isEqualTo(profile.policy().evaluateUpgrade(context.upgrade()));
      assertThat(compiled.evaluateConnect(context))
          .isEqualTo(profile.policy().evaluateConnect(context));
    }
    assertThat(contexts).isNotEmpty();
  }
}
