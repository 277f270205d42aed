package dev.connectpolicy.api;

/**
 * The stable detail code of a rejection ({@code error.details.code} in OpenClaw), with its protocol
 * error class. Gateways, dashboards and tests match on these; they never change meaning.
 */
public enum RejectCode implements WireValue {
  /**
   * The declared role is neither {@code operator} nor {@code node}. OpenClaw answers it without a
   * detail code ({@link #sentAsDetailCode()}).
   */
  INVALID_ROLE(ErrorClass.INVALID_REQUEST, false),
  /** The browser Origin is missing, invalid or not allowed. */
  CONTROL_UI_ORIGIN_NOT_ALLOWED(ErrorClass.INVALID_REQUEST),
  /** A Control UI connected without a device identity outside the allowed exceptions. */
  CONTROL_UI_DEVICE_IDENTITY_REQUIRED(ErrorClass.INVALID_REQUEST),
  /** A client connected without a device identity and nothing allowed that. */
  DEVICE_IDENTITY_REQUIRED(ErrorClass.NOT_PAIRED),
  /** Token mode, no token sent. */
  AUTH_TOKEN_MISSING(ErrorClass.INVALID_REQUEST),
  /** Token mode, wrong token. */
  AUTH_TOKEN_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** Token mode, but the gateway has no token configured. */
  AUTH_TOKEN_NOT_CONFIGURED(ErrorClass.INVALID_REQUEST),
  /** Password mode, no password sent. */
  AUTH_PASSWORD_MISSING(ErrorClass.INVALID_REQUEST),
  /** Password mode, wrong password. */
  AUTH_PASSWORD_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** Password mode, but the gateway has no password configured. */
  AUTH_PASSWORD_NOT_CONFIGURED(ErrorClass.INVALID_REQUEST),
  /** The bootstrap token is invalid or expired. */
  AUTH_BOOTSTRAP_TOKEN_INVALID(ErrorClass.INVALID_REQUEST),
  /** Tailscale Serve sent no user identity. */
  AUTH_TAILSCALE_IDENTITY_MISSING(ErrorClass.INVALID_REQUEST),
  /** The Tailscale Serve proxy headers are missing. */
  AUTH_TAILSCALE_PROXY_MISSING(ErrorClass.INVALID_REQUEST),
  /** The Tailscale whois lookup failed. */
  AUTH_TAILSCALE_WHOIS_FAILED(ErrorClass.INVALID_REQUEST),
  /** The Tailscale header identity and the whois identity disagree. */
  AUTH_TAILSCALE_IDENTITY_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** Too many failed attempts from this client. */
  AUTH_RATE_LIMITED(ErrorClass.INVALID_REQUEST),
  /** The device token does not match the paired device's token. */
  AUTH_DEVICE_TOKEN_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** The device token does not cover the requested scopes. */
  AUTH_DEVICE_TOKEN_SCOPE_MISMATCH(ErrorClass.INVALID_REQUEST),
  /**
   * A device token that matches but does not cover the requested scopes or the approved baseline,
   * as OpenClaw 2026.5 and later name it ({@code scope_mismatch}).
   */
  AUTH_SCOPE_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** Any other authentication failure (trusted-proxy failures among them). */
  AUTH_UNAUTHORIZED(ErrorClass.INVALID_REQUEST),
  /**
   * No credential authenticated the connection (Moltis's {@code AUTH_NOT_AUTHENTICATED} at the
   * upgrade, its {@code UNAUTHORIZED} "authentication failed" at the connect frame).
   */
  AUTH_NOT_AUTHENTICATED(ErrorClass.INVALID_REQUEST),
  /** The connection brought no ticket (SynthOrg's close 4001 "Missing ticket"). */
  AUTH_TICKET_MISSING(ErrorClass.INVALID_REQUEST),
  /** The ticket is unknown, expired or used (SynthOrg's close 4001 "Invalid or expired ticket"). */
  AUTH_TICKET_INVALID(ErrorClass.INVALID_REQUEST),
  /** The bearer token (a JWT or session token) does not verify: malformed, expired or revoked. */
  AUTH_TOKEN_INVALID(ErrorClass.INVALID_REQUEST),
  /** The device id is not the fingerprint of its public key. */
  DEVICE_AUTH_DEVICE_ID_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** The device signature's timestamp is missing or too far from the gateway clock. */
  DEVICE_AUTH_SIGNATURE_EXPIRED(ErrorClass.INVALID_REQUEST),
  /** The device signature carries no nonce. */
  DEVICE_AUTH_NONCE_REQUIRED(ErrorClass.INVALID_REQUEST),
  /** The device signature's nonce is not this socket's challenge. */
  DEVICE_AUTH_NONCE_MISMATCH(ErrorClass.INVALID_REQUEST),
  /** The device signature does not verify. */
  DEVICE_AUTH_SIGNATURE_INVALID(ErrorClass.INVALID_REQUEST),
  /** The device public key cannot be decoded. */
  DEVICE_AUTH_PUBLIC_KEY_INVALID(ErrorClass.INVALID_REQUEST),
  /** The device must be approved (or re-approved) before it may connect. */
  PAIRING_REQUIRED(ErrorClass.NOT_PAIRED),
  /** No workspace was named, or the verified user is not a member of the one named. */
  WORKSPACE_ACCESS_DENIED(ErrorClass.INVALID_REQUEST),
  /** The facts were missing, malformed or contradictory; nothing was evaluated. */
  INVALID_CONTEXT(ErrorClass.INVALID_REQUEST),
  /** A rule failed while evaluating; the policy failed closed. */
  INTERNAL_ERROR(ErrorClass.UNAVAILABLE),
  /**
   * The gateway's web framework refused the connection before any policy ran (SynthOrg #549: the
   * socket closed with 4500 before the handler): a rejection no rule of the policy made.
   */
  FRAMEWORK_REJECTED(ErrorClass.UNAVAILABLE),
  /**
   * The connect frame does not fit the gateway's connect schema, checked before any rule
   * (OpenClaw's {@code validateConnectParams}: a client id outside the release's list, a missing or
   * empty {@code client.version} or {@code client.platform}, an empty {@code deviceFamily}, a
   * device without {@code nonce}, ...). Only the evidence layer ({@code admit}) gives it: the facts
   * do not hold the raw frame.
   */
  INVALID_CONNECT_PARAMS(ErrorClass.INVALID_REQUEST, false),
  /**
   * The first frame claims an identity that the gateway admits on another route only (OpenClaw
   * 2026.9's worker identity, {@code openclaw-worker} or the mode or role {@code worker}, on the
   * gateway's own WebSocket route): the gateway closes the socket, 1008 {@code invalid-handshake},
   * without any response ({@link #sentAsErrorResponse()}). Only the evidence layer gives it.
   */
  INVALID_HANDSHAKE(ErrorClass.INVALID_REQUEST, false, false),
  /**
   * Forwarding headers from a socket peer that is not a trusted proxy, or a trusted proxy that
   * names no usable client address: the client cannot be attributed, and the HTTP upgrade is
   * refused before the WebSocket exists (OpenClaw 2026.9, HTTP 403, reason {@code
   * proxy_attribution_required}). An HTTP refusal carries no {@code error.details.code}.
   */
  PROXY_ATTRIBUTION_REQUIRED(ErrorClass.INVALID_REQUEST, false);

  private final ErrorClass errorClass;
  private final boolean sentAsDetailCode;
  private final boolean sentAsErrorResponse;

  RejectCode(ErrorClass errorClass) {
    this(errorClass, true);
  }

  RejectCode(ErrorClass errorClass, boolean sentAsDetailCode) {
    this(errorClass, sentAsDetailCode, true);
  }

  RejectCode(ErrorClass errorClass, boolean sentAsDetailCode, boolean sentAsErrorResponse) {
    this.errorClass = errorClass;
    this.sentAsDetailCode = sentAsDetailCode;
    this.sentAsErrorResponse = sentAsErrorResponse;
  }

  /**
   * Returns the code itself, which is also its wire string.
   *
   * @return the constant's name
   */
  @Override
  public String wire() {
    return name();
  }

  /**
   * Returns the protocol error class that accompanies this code.
   *
   * @return the error class
   */
  public ErrorClass errorClass() {
    return errorClass;
  }

  /**
   * Returns whether a gateway speaking OpenClaw's protocol sends this code as {@code
   * error.details.code}. Every released OpenClaw gateway answers "invalid role" ({@code
   * parseGatewayRole}) and "invalid connect params: ..." with the error class {@code
   * INVALID_REQUEST} and no details; the decision still names the code, which is the contract's
   * stable name for the rejection.
   *
   * @return false for {@link #INVALID_ROLE}, {@link #INVALID_CONNECT_PARAMS}, {@link
   *     #INVALID_HANDSHAKE} and {@link #PROXY_ATTRIBUTION_REQUIRED}, true otherwise
   */
  public boolean sentAsDetailCode() {
    return sentAsDetailCode;
  }

  /**
   * Returns whether a gateway speaking OpenClaw's protocol answers the connect frame with an error
   * response before it closes the socket. OpenClaw 2026.9 closes a worker identity on its gateway
   * route without a response ({@code claimsWorkerConnectionIdentity}, close 1008 {@code
   * invalid-handshake}); the decision still carries the message and the close frame.
   *
   * @return false for {@link #INVALID_HANDSHAKE}, true otherwise
   */
  public boolean sentAsErrorResponse() {
    return sentAsErrorResponse;
  }
}
