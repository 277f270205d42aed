package dev.connectpolicy.engine;

import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Locality;
import dev.connectpolicy.api.OriginCheck;

/**
 * When the gateway's own backend client ({@code gateway-client} in mode {@code backend}) may skip
 * pairing, and in later versions connect without a device (reference section 2.6). Each constant is
 * one version of OpenClaw's predicate; the backend claim is never proof, which is what made the
 * shared-secret forms a hole (#72418).
 */
enum BackendSelfPairing {
  /**
   * 2026.3 ({@code shouldSkipBackendSelfPairing}, #30801): a direct loopback client without an
   * Origin whose shared token or password was verified.
   */
  LOCAL_SHARED_SECRET,
  /**
   * 2026.4: locality {@code direct_local} or {@code shared_secret_loopback_local}, no Origin, and a
   * verified shared token or password, or a device token.
   */
  LOCAL_SHARED_SECRET_OR_DEVICE_TOKEN,
  /** 2026.5 (#75781): as 2026.4, and also authentication mode {@code none}. */
  LOCAL_SHARED_SECRET_DEVICE_TOKEN_OR_NO_AUTH,
  /**
   * Latest (after #72418): as 2026.5 without the shared secret: a device token, or mode {@code
   * none}.
   */
  LOCAL_DEVICE_TOKEN_OR_NO_AUTH;

  /**
   * Tells whether this version of the predicate holds.
   *
   * @param context the facts
   * @return true if the backend self-pairing exception applies
   */
  public boolean applies(ConnectContext context) {
    if (!context.client().isBackend() || context.origin() != OriginCheck.ABSENT) {
      return false;
    }
    AuthMethod method = context.auth().method();
    boolean sharedSecret = context.auth().sharedAuthOk() && method.isSharedSecret();
    if (this == LOCAL_SHARED_SECRET) {
      return context.local() && sharedSecret;
    }
    Locality locality = context.locality();
    if (locality != Locality.DIRECT_LOCAL && locality != Locality.SHARED_SECRET_LOOPBACK_LOCAL) {
      return false;
    }
    boolean deviceToken = method == AuthMethod.DEVICE_TOKEN;
    boolean noAuth = method == AuthMethod.NONE;
    return switch (this) {
      case LOCAL_SHARED_SECRET_OR_DEVICE_TOKEN -> sharedSecret || deviceToken;
      case LOCAL_SHARED_SECRET_DEVICE_TOKEN_OR_NO_AUTH -> sharedSecret || deviceToken || noAuth;
      case LOCAL_DEVICE_TOKEN_OR_NO_AUTH -> deviceToken || noAuth;
      case LOCAL_SHARED_SECRET -> throw new AssertionError("handled above");
    };
  }
}
