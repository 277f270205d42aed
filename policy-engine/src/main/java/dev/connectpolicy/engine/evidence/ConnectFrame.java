package dev.connectpolicy.engine.evidence;

import dev.connectpolicy.engine.evidence.internal.Limits;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of the client's {@code connect} frame that admission looks at.
 *
 * @param client the declared client
 * @param role the declared role; {@code operator} when the client sent none
 * @param scopes the declared scopes, in the order sent; never authoritative
 * @param auth the credentials presented
 * @param device the device identity and its proof, or null when the client sent none
 */
@API(status = API.Status.EXPERIMENTAL)
public record ConnectFrame(
    ClientInfo client,
    String role,
    List<String> scopes,
    Credentials auth,
    @Nullable DeviceIdentity device) {

  /**
   * Checks the sizes and copies the scopes.
   *
   * @param client the declared client
   * @param role the declared role
   * @param scopes the declared scopes
   * @param auth the credentials
   * @param device the device identity, or null
   * @throws dev.connectpolicy.api.InvalidContextException naming the field if the role or a scope
   *     is too long, or there are more than 256 scopes
   */
  public ConnectFrame {
    Objects.requireNonNull(client, "client");
    Limits.text("connect.role", role);
    scopes = Limits.texts("connect.scopes", scopes);
    Objects.requireNonNull(auth, "auth");
  }
}
