package dev.connectpolicy.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The consistent authentication situations and their consistency rules (see {@link FactSpace}). */
final class AuthSituations {

  private AuthSituations() {}

  private static final List<Credential> OPENCLAW_CREDENTIALS =
      java.util.Arrays.stream(Credential.values()).filter(Credential::isOpenClaw).toList();
  private static final List<AuthMethod> OPENCLAW_METHODS =
      java.util.Arrays.stream(AuthMethod.values()).filter(AuthMethod::isOpenClaw).toList();

  /** Every consistent situation, with representative failure reasons, in a reading order. */
  static List<AuthFacts> all() {
    List<AuthFacts> situations = new ArrayList<>();
    for (AuthMode mode : AuthMode.values()) {
      for (boolean ok : new boolean[] {true, false}) {
        for (Credential provided : OPENCLAW_CREDENTIALS) {
          for (AuthMethod method : OPENCLAW_METHODS) {
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
    boolean password = mode == AuthMode.PASSWORD;
    List<AuthFailure> failures = new ArrayList<>();
    switch (mode) {
      case NONE -> {
        return List.of();
      }
      case TOKEN, PASSWORD -> {
        boolean sentModeSecret = provided == (password ? Credential.PASSWORD : Credential.TOKEN);
        if (sentModeSecret) {
          failures.add(password ? AuthFailure.PASSWORD_MISMATCH : AuthFailure.TOKEN_MISMATCH);
          failures.add(
              password ? AuthFailure.PASSWORD_MISSING_CONFIG : AuthFailure.TOKEN_MISSING_CONFIG);
          failures.add(AuthFailure.RATE_LIMITED);
        } else {
          failures.add(password ? AuthFailure.PASSWORD_MISSING : AuthFailure.TOKEN_MISSING);
        }
      }
      case TRUSTED_PROXY -> failures.add(AuthFailure.TRUSTED_PROXY_UNTRUSTED_SOURCE);
    }
    if (provided == Credential.DEVICE_TOKEN) {
      failures.add(AuthFailure.DEVICE_TOKEN_MISMATCH);
    } else if (provided == Credential.BOOTSTRAP_TOKEN) {
      failures.add(AuthFailure.BOOTSTRAP_TOKEN_INVALID);
    }
    List<@Nullable String> reasons = new ArrayList<>(failures.size());
    failures.forEach(failure -> reasons.add(failure.wire()));
    return reasons;
  }

  /** The method a failed result carries: OpenClaw defaults it to the password or token method. */
  static AuthMethod failureMethod(AuthMode mode) {
    return mode == AuthMode.PASSWORD ? AuthMethod.PASSWORD : AuthMethod.TOKEN;
  }

  private static final int NONE_FAILS = 1;
  private static final int FAILURE_METHOD = 1 << 1;
  private static final int FAILED_BUT_SHARED = 1 << 2;
  private static final int METHOD_NOT_IN_MODE = 1 << 3;
  private static final int SHARED_MISMATCH = 1 << 4;
  private static final int CREDENTIAL_MISFIT = 1 << 5;
  private static final int NOT_OPENCLAW = 1 << 6;

  /** The consistency rules that authentication facts break, as a bit set; allocation free. */
  static int violations(AuthFacts auth) {
    int broken = 0;
    AuthMethod method = auth.method();
    if (!auth.provided().isOpenClaw() || !method.isOpenClaw()) {
      broken |= NOT_OPENCLAW;
    }
    if (!auth.ok()) {
      if (auth.mode() == AuthMode.NONE) {
        broken |= NONE_FAILS;
      }
      if (method != failureMethod(auth.mode())) {
        broken |= FAILURE_METHOD;
      }
      return auth.sharedAuthOk() ? broken | FAILED_BUT_SHARED : broken;
    }
    if (!methodAllowed(auth.mode(), method)) {
      broken |= METHOD_NOT_IN_MODE;
    }
    if (auth.sharedAuthOk() != verifiesShared(method)) {
      broken |= SHARED_MISMATCH;
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
          case SESSION_COOKIE -> provided == Credential.SESSION_COOKIE;
          case API_KEY -> provided == Credential.API_KEY;
          case TICKET -> provided == Credential.TICKET;
          case JWT -> provided == Credential.JWT;
        };
    return providedFits ? broken : broken | CREDENTIAL_MISFIT;
  }

  private static boolean verifiesShared(AuthMethod method) {
    return method.isSharedSecret() || method == AuthMethod.TRUSTED_PROXY;
  }

  /** The consistency rules of authentication facts on their own, as messages; empty if none. */
  static List<String> contradictions(AuthFacts auth) {
    int broken = violations(auth);
    List<String> found = new ArrayList<>(2);
    AuthMethod method = auth.method();
    if ((broken & NOT_OPENCLAW) != 0) {
      found.add(
          "credential `"
              + auth.provided().wire()
              + "` with method `"
              + method.wire()
              + "` is not one of OpenClaw's");
    }
    if ((broken & NONE_FAILS) != 0) {
      found.add("auth mode `none` never fails");
    }
    if ((broken & FAILURE_METHOD) != 0) {
      found.add(
          "a failed result carries method `"
              + failureMethod(auth.mode()).wire()
              + "` in mode `"
              + auth.mode().wire()
              + "`, not `"
              + method.wire()
              + "`");
    }
    if ((broken & FAILED_BUT_SHARED) != 0) {
      found.add("a failed result cannot have a verified shared secret");
    }
    if ((broken & METHOD_NOT_IN_MODE) != 0) {
      found.add(
          "method `" + method.wire() + "` cannot succeed in mode `" + auth.mode().wire() + "`");
    }
    if ((broken & SHARED_MISMATCH) != 0) {
      found.add(
          "`sharedAuthOk` is "
              + auth.sharedAuthOk()
              + " but method `"
              + method.wire()
              + (verifiesShared(method) ? "` verifies" : "` does not verify")
              + " a shared secret");
    }
    if ((broken & CREDENTIAL_MISFIT) != 0) {
      found.add(
          "method `"
              + method.wire()
              + "` cannot succeed with credential `"
              + auth.provided().wire()
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
