package dev.connectpolicy.benchmarks;

import dev.connectpolicy.api.AuthFacts;
import dev.connectpolicy.api.AuthMethod;
import dev.connectpolicy.api.AuthMode;
import dev.connectpolicy.api.Client;
import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Credential;
import dev.connectpolicy.api.DeviceProof;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.OriginCheck;
import dev.connectpolicy.api.PairingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The contexts the benchmarks decide, as arrays whose length is a power of two (a benchmark walks
 * them with a mask). Two mixes:
 *
 * <ul>
 *   <li>{@code traffic}: what a gateway sees in a day, by weight: mostly paired devices with valid
 *       proofs and the scopes OpenClaw's clients declare, local CLI and backend connections, then
 *       the common failures (wrong token, unpaired device, stale signature, a node without a
 *       device, a foreign Origin);
 *   <li>{@code table}: every {@code k}-th cell of the whole fact space, so each region of the
 *       decision table is represented in proportion to its size.
 * </ul>
 */
public final class Mixes {

  /** The number of contexts in each mix. */
  public static final int SIZE = 4096;

  private Mixes() {}

  /**
   * Returns a mix by name.
   *
   * @param name {@code traffic} or {@code table}
   * @return {@link #SIZE} contexts
   * @throws IllegalArgumentException for another name
   */
  public static ConnectContext[] named(String name) {
    return switch (name) {
      case "traffic" -> traffic();
      case "table" -> table();
      default -> throw new IllegalArgumentException("unknown mix `" + name + "`");
    };
  }

  /**
   * Returns the traffic mix: the weighted typical connection attempts, repeated to {@link #SIZE} in
   * an order that interleaves them (so branch prediction sees a realistic sequence, not runs).
   *
   * @return the contexts
   */
  public static ConnectContext[] traffic() {
    List<ConnectContext> weighted = new ArrayList<>();
    AuthFacts token = AuthFacts.sharedSecretOk(AuthMode.TOKEN);
    AuthFacts deviceToken =
        AuthFacts.succeeded(
            AuthMode.TOKEN, Credential.DEVICE_TOKEN, AuthMethod.DEVICE_TOKEN, false);
    ConnectContext pairedNode =
        ConnectContext.builder()
            .role("node")
            .client(Client.NODE_HOST, "node")
            .local(false)
            .origin(OriginCheck.ABSENT)
            .auth(deviceToken)
            .device(DeviceProof.VERIFIED)
            .pairing(PairingState.PAIRED)
            .build();
    ConnectContext controlUi =
        ConnectContext.builder()
            .role("operator")
            .scopes(List.of("operator.read", "operator.write"))
            .client(Client.CONTROL_UI, "webchat")
            .local(false)
            .origin(OriginCheck.ALLOWED)
            .auth(token)
            .device(DeviceProof.VERIFIED)
            .pairing(PairingState.PAIRED)
            .build();
    ConnectContext macApp =
        controlUi.toBuilder()
            .client(Client.MACOS_APP, "ui")
            .origin(OriginCheck.ABSENT)
            .auth(deviceToken)
            .scopes(List.of("operator.admin"))
            .build();
    ConnectContext localCli =
        ConnectContext.builder()
            .role("operator")
            .scopes(List.of("operator.read"))
            .client(Client.CLI, "cli")
            .local(true)
            .origin(OriginCheck.ABSENT)
            .auth(token)
            .device(DeviceProof.ABSENT)
            .build();
    ConnectContext localBackend =
        localCli.toBuilder().client(Client.GATEWAY_CLIENT, "backend").scopes(List.of()).build();
    add(weighted, pairedNode, 30);
    add(weighted, controlUi, 20);
    add(weighted, macApp, 10);
    add(weighted, localCli, 10);
    add(weighted, localBackend, 10);
    add(
        weighted,
        controlUi.withAuth(
            AuthFacts.failed(AuthMode.TOKEN, Credential.TOKEN, AuthMethod.TOKEN, "token_mismatch")),
        5);
    add(weighted, pairedNode.withPairing(PairingState.NOT_PAIRED), 5);
    add(weighted, pairedNode.withDevice(DeviceProof.SIGNATURE_STALE), 4);
    add(weighted, pairedNode.withDevice(DeviceProof.ABSENT).withAuth(token), 3);
    add(weighted, controlUi.withOrigin(OriginCheck.REJECTED), 3);
    ConnectContext[] mix = new ConnectContext[SIZE];
    // A stride coprime to the list's length visits every entry equally often, interleaved.
    int stride = 37;
    for (int i = 0; i < SIZE; i++) {
      mix[i] = weighted.get((int) ((long) i * stride % weighted.size()));
    }
    return mix;
  }

  private static void add(List<ConnectContext> weighted, ConnectContext context, int weight) {
    for (int i = 0; i < weight; i++) {
      weighted.add(context);
    }
  }

  /**
   * Returns every {@code k}-th cell of {@link FactSpace#standard()}, {@link #SIZE} in all.
   *
   * @return the contexts
   */
  public static ConnectContext[] table() {
    FactSpace space = FactSpace.standard();
    long step = space.size() / SIZE;
    ConnectContext[] mix = new ConnectContext[SIZE];
    long[] index = {0};
    space.forEach(
        context -> {
          long i = index[0]++;
          if (i % step == 0 && i / step < SIZE) {
            mix[(int) (i / step)] = context;
          }
        });
    return mix;
  }
}
