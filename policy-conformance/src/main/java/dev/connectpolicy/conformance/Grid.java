package dev.connectpolicy.conformance;

import dev.connectpolicy.conformance.Cell.Credential;
import dev.connectpolicy.conformance.Cell.Locality;
import dev.connectpolicy.conformance.Cell.Origin;
import dev.connectpolicy.conformance.Cell.Pairing;
import dev.connectpolicy.conformance.Cell.Proof;
import dev.connectpolicy.conformance.Cell.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The grids of connect attempts. Each grid varies the dimensions that matter for one gateway
 * configuration, around a well-formed attempt: a direct loopback client with the right shared
 * secret, no Origin, a valid {@code client} object.
 */
enum Grid {
  /** Every dimension: for a gateway with a shared token or password and default flags. */
  FULL,
  /** The credentials: for a second shared-secret mode. */
  CREDENTIALS,
  /** The operator UIs with and without devices, origins and hosts: for the Control UI flags. */
  CONTROL_UI,
  /** Direct and forwarded clients, paired or not: for a gateway that trusts a loopback proxy. */
  PROXY;

  /** The clients of the grids: OpenClaw's ids and modes, and one id no version knows. */
  static final List<List<String>> CLIENTS =
      List.of(
          List.of("cli", "cli"),
          List.of("openclaw-control-ui", "webchat"),
          List.of("webchat-ui", "webchat"),
          List.of("gateway-client", "backend"),
          List.of("node-host", "node"),
          List.of("openclaw-tui", "ui"),
          List.of("openclaw-macos", "ui"),
          List.of("test", "test"),
          List.of("openclaw-probe", "probe"),
          List.of("openclaw-worker", "backend"),
          List.of("unknown-client", "cli"));

  private static final List<String> READ = List.of("operator.read");

  /**
   * Finds a grid by its lower-case name.
   *
   * @param name such as {@code full}
   * @return the grid
   * @throws IllegalArgumentException for an unknown name
   */
  static Grid named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The cells, in order, without duplicates. */
  List<Cell> cells() {
    Set<Cell> cells = new LinkedHashSet<>();
    switch (this) {
      case FULL -> full(cells);
      case CREDENTIALS -> credentials(cells);
      case CONTROL_UI -> controlUi(cells);
      case PROXY -> proxy(cells);
    }
    return List.copyOf(cells);
  }

  private static void full(Set<Cell> cells) {
    credentials(cells);
    for (List<String> client : CLIENTS) {
      for (Proof proof : List.of(Proof.NONE, Proof.V3)) {
        Cell base = base(client).withProof(proof);
        for (Origin origin : List.of(Origin.ALLOWED, Origin.FOREIGN, Origin.LOOPBACK)) {
          cells.add(base.withOrigin(origin));
        }
        for (Locality locality : List.of(Locality.FOREIGN_HOST, Locality.FORWARDED)) {
          for (Credential credential : List.of(Credential.RIGHT, Credential.MISSING)) {
            cells.add(browserOrigin(base.withLocality(locality).withCredential(credential)));
          }
        }
      }
    }
    for (List<String> client : List.of(CLIENTS.get(0), CLIENTS.get(1), CLIENTS.get(3))) {
      for (Proof proof :
          List.of(
              Proof.V2,
              Proof.BAD_SIGNATURE,
              Proof.STALE,
              Proof.WRONG_NONCE,
              Proof.NO_NONCE,
              Proof.ID_MISMATCH)) {
        cells.add(browserOrigin(base(client).withProof(proof)));
      }
    }
    cells.add(node().withProof(Proof.V2));
    cells.add(node().withProof(Proof.BAD_SIGNATURE));
    for (Cell paired : pairable()) {
      for (Pairing pairing : Pairing.values()) {
        if (pairing == Pairing.UNPAIRED
            || (pairing == Pairing.FEWER_SCOPES && paired.role().equals("node"))) {
          continue;
        }
        for (Credential credential : List.of(Credential.RIGHT, Credential.DEVICE_TOKEN)) {
          for (Locality locality : List.of(Locality.DIRECT, Locality.FOREIGN_HOST)) {
            Cell cell = paired.withPairing(pairing).withCredential(credential);
            if (pairing == Pairing.FEWER_SCOPES) {
              cell = cell.withScopes(List.of("operator.read", "operator.write"));
            }
            cells.add(cell.withLocality(locality));
          }
        }
      }
      cells.add(paired.withPairing(Pairing.PAIRED).withCredential(Credential.WRONG_DEVICE_TOKEN));
      cells.add(paired.withPairing(Pairing.PAIRED).withCredential(Credential.MISSING));
    }
    for (List<String> client : List.of(CLIENTS.get(0), CLIENTS.get(1), CLIENTS.get(3))) {
      for (Schema schema :
          List.of(Schema.NO_VERSION, Schema.NO_PLATFORM, Schema.EMPTY_FAMILY, Schema.FAMILY)) {
        for (Proof proof : List.of(Proof.NONE, Proof.V3)) {
          cells.add(browserOrigin(base(client).withSchema(schema).withProof(proof)));
        }
      }
    }
    for (List<String> client :
        List.of(CLIENTS.get(0), CLIENTS.get(1), CLIENTS.get(3), CLIENTS.get(5))) {
      for (List<String> scopes :
          List.of(
              List.<String>of(),
              List.of("operator.admin"),
              List.of("operator.read", "operator.write"),
              List.of("operator.approvals"))) {
        for (Proof proof : List.of(Proof.NONE, Proof.V3)) {
          cells.add(browserOrigin(base(client).withScopes(scopes).withProof(proof)));
        }
      }
    }
    cells.add(base(CLIENTS.get(0)).withScopes(List.of()).withProof(Proof.V3));
  }

  private static void credentials(Set<Cell> cells) {
    List<Cell> bases = new ArrayList<>();
    for (List<String> client : CLIENTS) {
      bases.add(browserOrigin(base(client)));
    }
    bases.add(node());
    bases.add(
        new Cell(
            "cli",
            "cli",
            "node",
            List.of(),
            Credential.RIGHT,
            Proof.NONE,
            Pairing.UNPAIRED,
            Locality.DIRECT,
            Origin.ABSENT,
            Schema.VALID));
    bases.add(
        new Cell(
            "cli",
            "cli",
            "admin",
            READ,
            Credential.RIGHT,
            Proof.NONE,
            Pairing.UNPAIRED,
            Locality.DIRECT,
            Origin.ABSENT,
            Schema.VALID));
    for (Cell base : bases) {
      for (Credential credential :
          List.of(Credential.RIGHT, Credential.WRONG, Credential.MISSING, Credential.WRONG_KIND)) {
        for (Proof proof : List.of(Proof.NONE, Proof.V3)) {
          cells.add(base.withCredential(credential).withProof(proof));
        }
      }
    }
  }

  private static void controlUi(Set<Cell> cells) {
    for (List<String> client :
        List.of(CLIENTS.get(1), CLIENTS.get(2), CLIENTS.get(5), CLIENTS.get(0))) {
      for (Credential credential :
          List.of(Credential.RIGHT, Credential.WRONG, Credential.MISSING)) {
        for (Proof proof : List.of(Proof.NONE, Proof.V3, Proof.BAD_SIGNATURE)) {
          for (Origin origin : List.of(Origin.ALLOWED, Origin.ABSENT)) {
            for (Locality locality : List.of(Locality.DIRECT, Locality.FOREIGN_HOST)) {
              cells.add(
                  base(client)
                      .withCredential(credential)
                      .withProof(proof)
                      .withOrigin(origin)
                      .withLocality(locality));
            }
          }
        }
      }
    }
  }

  private static void proxy(Set<Cell> cells) {
    for (List<String> client : CLIENTS) {
      for (Locality locality : List.of(Locality.DIRECT, Locality.FORWARDED)) {
        for (Credential credential : List.of(Credential.RIGHT, Credential.MISSING)) {
          for (Proof proof : List.of(Proof.NONE, Proof.V3)) {
            cells.add(
                browserOrigin(
                    base(client)
                        .withLocality(locality)
                        .withCredential(credential)
                        .withProof(proof)));
          }
        }
      }
    }
    for (Cell paired : pairable()) {
      for (Pairing pairing : List.of(Pairing.PAIRED, Pairing.OTHER_ROLE, Pairing.OTHER_PLATFORM)) {
        for (Credential credential : List.of(Credential.RIGHT, Credential.DEVICE_TOKEN)) {
          cells.add(
              paired
                  .withPairing(pairing)
                  .withCredential(credential)
                  .withLocality(Locality.FORWARDED));
        }
      }
    }
  }

  /** The clients whose devices the pairing cells pair first. */
  private static List<Cell> pairable() {
    return List.of(
        base(CLIENTS.get(0)).withProof(Proof.V3),
        browserOrigin(base(CLIENTS.get(1))).withProof(Proof.V3),
        base(CLIENTS.get(3)).withProof(Proof.V3),
        node().withProof(Proof.V3),
        base(CLIENTS.get(5)).withProof(Proof.V3),
        base(CLIENTS.get(6)).withProof(Proof.V3));
  }

  /** The well-formed attempt of a client: operator with {@code operator.read}, or a node. */
  static Cell base(List<String> client) {
    boolean node = client.get(1).equals("node");
    return new Cell(
        client.get(0),
        client.get(1),
        node ? "node" : "operator",
        node ? List.of() : READ,
        Credential.RIGHT,
        Proof.NONE,
        Pairing.UNPAIRED,
        Locality.DIRECT,
        Origin.ABSENT,
        Schema.VALID);
  }

  private static Cell node() {
    return base(List.of("node-host", "node"));
  }

  /** A browser client sends the allowed Origin unless the cell says otherwise. */
  private static Cell browserOrigin(Cell cell) {
    return cell.clientMode().equals("webchat") && cell.origin() == Origin.ABSENT
        ? cell.withOrigin(Origin.ALLOWED)
        : cell;
  }
}
