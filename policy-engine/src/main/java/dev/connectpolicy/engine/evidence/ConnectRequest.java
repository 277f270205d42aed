package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Everything a gateway holds when a {@code connect} frame arrives: the input of {@link
 * Admission#admit} (contract section 3). {@link #toString()} redacts every secret.
 *
 * @param connect the connect frame's parameters
 * @param socket the socket's peer address and upgrade headers
 * @param challengeNonce the nonce the gateway sent in {@code connect.challenge} on this socket
 * @param now the gateway's clock, in milliseconds since the epoch
 * @param gateway the gateway's configuration
 * @param pairedDevice the pairing record for the claimed device id, or null if there is none
 */
@API(status = API.Status.EXPERIMENTAL)
public record ConnectRequest(
    ConnectFrame connect,
    SocketInfo socket,
    String challengeNonce,
    long now,
    GatewayConfig gateway,
    @Nullable PairedDevice pairedDevice) {

  /**
   * Checks the nonce and the clock.
   *
   * @param connect the connect frame's parameters
   * @param socket the socket
   * @param challengeNonce the challenge nonce
   * @param now the clock
   * @param gateway the configuration
   * @param pairedDevice the pairing record, or null
   * @throws InvalidContextException naming the field if the nonce is blank or too long, or {@code
   *     now} is outside 0 to 2^53 - 1
   */
  public ConnectRequest {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(socket, "socket");
    if (challengeNonce.isBlank()) {
      throw new InvalidContextException(
          "challengeNonce", "field `challengeNonce` must not be blank");
    }
    Limits.bounded("challengeNonce", challengeNonce, Limits.SECRET);
    Limits.epochMillis("now", now);
    Objects.requireNonNull(gateway, "gateway");
  }

  /** Shows the request with the nonce and every secret redacted. */
  @Override
  public String toString() {
    return "ConnectRequest[connect="
        + connect
        + ", socket="
        + socket
        + ", challengeNonce=(redacted), now="
        + now
        + ", gateway="
        + gateway
        + ", pairedDevice="
        + pairedDevice
        + "]";
  }
}
