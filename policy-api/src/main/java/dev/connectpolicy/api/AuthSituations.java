package dev.connectpolicy.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The consistent authentication situations and their consistency rules (see {@link FactSpace}). */
final class AuthSituations {

  private AuthSituations() {}

  /** Every consistent situation, with representative failure reasons, in a reading order. */
  static List<AuthFacts> all() {
    List<AuthFacts> situations = new ArrayList<>();
    for (AuthMode mode : AuthMode.values()) {
      for (boolean ok : new boolean[] {true, false}) {
        for (Credential provided : Credential.values()) {
          for (AuthMethod method : AuthMethod.values()) {
            for (boolean shared : new boolean[] {true, false}) {
              for (String reason : ok ? nullReason() : failureReasons(mode, provided)) {
                AuthFacts candidate = new AuthFacts(mode, provided, ok, method, reason, shared);
                if (contradictions(candidate).isEmpty()) {
                  situations.add(candidate);
                }
              }
            }
          }
        }
      }
    }
    return List.copyOf(situations);
  }

  private static List<@Nullable String> nullReason() {
    List<@Nullable String> list = new ArrayList<>(1);
    list.add(null);
    return list;
  }

  /**
   * One representative reason for each way the presented credential can fail in this mode. The
   * mapping of every reason to its code is the same in every policy, so the table needs one reason
   * per distinct way of failing, not every reason string.
   */
  static List<@Nullable String> failureReasons(AuthMode mode, Credential provided) {
    String prefix = mode == AuthMode.PASSWORD ? "password" : "token";
    List<@Nullable String> reasons = new ArrayList<>();
    switch (mode) {
      case NONE -> {
        return reasons;
      }
      case TOKEN, PASSWORD -> {
        boolean sentModeSecret =
            provided == (mode == AuthMode.TOKEN ? Credential.TOKEN : Credential.PASSWORD);
        if (sentModeSecret) {
          reasons.add(prefix + "_mismatch");
          reasons.add(prefix + "_missing_config");
          reasons.add("rate_limited");
        } else {
          reasons.add(prefix + "_missing");
        }
      }
      case TRUSTED_PROXY -> reasons.add("trusted_proxy_untrusted_source");
    }
    if (provided == Credential.DEVICE_TOKEN) {
      reasons.add("device_token_mismatch");
    } else if (provided == Credential.BOOTSTRAP_TOKEN) {
      reasons.add("bootstrap_token_invalid");
    }
    return reasons;
  }

  /** The method a failed result carries: OpenClaw defaults it to the password or token method. */
  static AuthMethod failureMethod(AuthMode mode) {
    return mode == AuthMode.PASSWORD ? AuthMethod.PASSWORD : AuthMethod.TOKEN;
  }

  /** The consistency rules of authentication facts on their own; empty when consistent. */
  static List<String> contradictions(AuthFacts auth) {
    List<String> found = new ArrayList<>(2);
    AuthMethod method = auth.method();
    if (auth.mode() == AuthMode.NONE && !auth.ok()) {
      found.add("auth mode `none` never fails");
    }
    if (!auth.ok()) {
      if (method != failureMethod(auth.mode())) {
        found.add(
            "a failed result carries method `"
                + failureMethod(auth.mode()).wire()
                + "` in mode `"
                + auth.mode().wire()
                + "`, not `"
                + method.wire()
                + "`");
      }
      if (auth.sharedAuthOk()) {
        found.add("a failed result cannot have a verified shared secret");
      }
      return found;
    }
    if (!methodAllowed(auth.mode(), method)) {
      found.add(
          "method `" + method.wire() + "` cannot succeed in mode `" + auth.mode().wire() + "`");
    }
    boolean verifiesShared = method.isSharedSecret() || method == AuthMethod.TRUSTED_PROXY;
    if (auth.sharedAuthOk() != verifiesShared) {
      found.add(
          "`sharedAuthOk` is "
              + auth.sharedAuthOk()
              + " but method `"
              + method.wire()
              + (verifiesShared ? "` verifies" : "` does not verify")
              + " a shared secret");
    }
    Credential provided = auth.provided();
    boolean providedFits =
        switch (method) {
          case TOKEN -> provided == Credential.TOKEN;
          case PASSWORD -> provided == Credential.PASSWORD;
          case TAILSCALE -> provided == Credential.NONE;
          case DEVICE_TOKEN -> provided == Credential.DEVICE_TOKEN || provided == Credential.TOKEN;
          case BOOTSTRAP_TOKEN -> provided == Credential.BOOTSTRAP_TOKEN;
          case NONE, TRUSTED_PROXY -> true;
        };
    if (!providedFits) {
      found.add(
          "method `"
              + method.wire()
              + "` cannot succeed with credential `"
              + provided.wire()
              + "`");
    }
    return found;
  }

  private static boolean methodAllowed(AuthMode mode, AuthMethod method) {
    return switch (mode) {
      case NONE -> method == AuthMethod.NONE || method == AuthMethod.BOOTSTRAP_TOKEN;
      case TOKEN ->
          method == AuthMethod.TOKEN
              || method == AuthMethod.TAILSCALE
              || method == AuthMethod.DEVICE_TOKEN
              || method == AuthMethod.BOOTSTRAP_TOKEN;
      case PASSWORD ->
          method == AuthMethod.PASSWORD
              || method == AuthMethod.TAILSCALE
              || method == AuthMethod.DEVICE_TOKEN
              || method == AuthMethod.BOOTSTRAP_TOKEN;
      case TRUSTED_PROXY ->
          method == AuthMethod.TRUSTED_PROXY
              || method == AuthMethod.DEVICE_TOKEN
              || method == AuthMethod.BOOTSTRAP_TOKEN;
    };
  }

  /** A short description such as {@code token/token ok:token shared} for tables and messages. */
  static String describe(AuthFacts auth) {
    StringBuilder text =
        new StringBuilder(auth.mode().wire()).append('/').append(auth.provided().wire());
    if (auth.ok()) {
      text.append(" ok:").append(auth.method().wire());
      if (auth.sharedAuthOk()) {
        text.append(" shared");
      }
    } else {
      text.append(" failed:").append(auth.reason());
    }
    return text.toString();
  }
}
