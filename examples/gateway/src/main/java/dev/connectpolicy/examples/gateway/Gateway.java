package dev.connectpolicy.examples.gateway;

import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.evidence.ControlUiSettings;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example gateway: a Jetty 12 WebSocket server on 127.0.0.1 that speaks OpenClaw's connect
 * handshake and decides each connection with {@link
 * dev.connectpolicy.engine.evidence.Admission#admit}.
 *
 * <pre>{@code
 * PairingStore pairings = new PairingStore().pair(deviceId, pairedDevice);
 * try (Gateway gateway =
 *     Gateway.builder(GatewayConfig.of(GatewayAuth.token(token)))
 *         .policy(ConnectPolicies.recommended())
 *         .pairingStore(pairings)
 *         .handshakeTimeout(Duration.ofSeconds(10))
 *         .start()) {
 *   URI uri = gateway.uri(); // ws://127.0.0.1:<ephemeral port>/
 * }
 * }</pre>
 *
 * <p>From the command line: {@code java -jar example-gateway.jar [--port N] [--profile NAME]
 * [--handshake-timeout-ms N] [--allowed-origin ORIGIN]... [--pairings FILE] [--max-preauth N]
 * [--max-preauth-per-address N] [--preauth-burst N] [--preauth-rate N]}; the shared token is read
 * from the environment variable {@value #TOKEN_VARIABLE}, never from the command line.
 */
public final class Gateway implements AutoCloseable {

  /** Where the gateway listens: loopback only. */
  public static final String HOST = "127.0.0.1";

  /** The port {@link #main} listens on by default: OpenClaw's. */
  public static final int DEFAULT_PORT = 18789;

  /**
   * How long a client has to send its {@code connect} request after the challenge: 10 seconds. The
   * reference does not record OpenClaw's value; ten seconds is long for a client that answers a
   * challenge it has just received, and short for one that holds a socket without speaking.
   */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The close reason sent with code 1008 (policy violation) to a client that sent no frame within
   * the handshake timeout.
   */
  public static final String HANDSHAKE_TIMEOUT_REASON = "handshake timeout";

  /** The environment variable {@link #main} reads the shared gateway token from. */
  public static final String TOKEN_VARIABLE = "CONNECT_POLICY_GATEWAY_TOKEN";

  /**
   * The largest message the gateway reads after the handshake; a longer one is closed with 1009
   * {@code message too big}. Before the handshake the limit is 64 KiB (O4).
   */
  static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

  /** Jetty closes a connection that stays silent this long (after the handshake). */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Server server;
  private final ServerConnector connector;

  private Gateway(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts configuring a gateway.
   *
   * @param config the gateway's configuration: authentication, trusted proxies, Control UI
   * @return a builder with the recommended policy, an empty pairing store, the default handshake
   *     timeout, the system clock and an ephemeral port
   */
  public static Builder builder(GatewayConfig config) {
    return new Builder(config);
  }

  /**
   * Returns the port the gateway listens on.
   *
   * @return the port on {@value #HOST}
   */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Returns the WebSocket address of the gateway.
   *
   * @return {@code ws://127.0.0.1:<port>/}
   */
  public URI uri() {
    return URI.create("ws://" + HOST + ":" + port() + "/");
  }

  /**
   * Stops the gateway: closes every connection and releases the port.
   *
   * @throws IllegalStateException if Jetty fails to stop
   */
  public void stop() {
    try {
      server.stop();
    } catch (Exception failed) {
      throw new IllegalStateException("cannot stop the gateway", failed);
    }
  }

  /** Stops the gateway, as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Configures and starts a {@link Gateway}. */
  public static final class Builder {

    private final GatewayConfig config;
    private ConnectPolicy policy = ConnectPolicies.recommended();
    private PairingStore pairings = new PairingStore();
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private ConnectionLog log = ConnectionLog.slf4j();
    private int port;
    private int maxPreauth = PreauthLimits.DEFAULT_TOTAL;
    private int maxPreauthPerAddress = PreauthLimits.DEFAULT_PER_ADDRESS;
    private int preauthBurst = PreauthLimits.DEFAULT_BURST;
    private int preauthRate = PreauthLimits.DEFAULT_RATE_PER_SECOND;
    private boolean benchmarkFloor;

    private Builder(GatewayConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Sets the policy that decides each connection.
     *
     * @param policy the policy, such as {@code ConnectPolicies.profile("openclaw-latest")}
     * @return this builder
     */
    public Builder policy(ConnectPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the pairing records the gateway looks devices up in.
     *
     * @param pairings the store, which the gateway reads on every connection
     * @return this builder
     */
    public Builder pairingStore(PairingStore pairings) {
      this.pairings = Objects.requireNonNull(pairings, "pairings");
      return this;
    }

    /**
     * Sets the handshake deadline: how long after the TCP accept a client has to complete its
     * upgrade request and send its connect request.
     *
     * @param handshakeTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is not positive
     */
    public Builder handshakeTimeout(Duration handshakeTimeout) {
      if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
        throw new IllegalArgumentException("handshake timeout must be positive");
      }
      this.handshakeTimeout = handshakeTimeout;
      return this;
    }

    /**
     * Sets the clock that the challenge and the device signature's age are measured with.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where the gateway writes its one line per connection.
     *
     * @param log the log; by default SLF4J at level INFO ({@link ConnectionLog#slf4j()})
     * @return this builder
     */
    public Builder connectionLog(ConnectionLog log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Sets the limits on unauthenticated connections, checked when a TCP connection is accepted,
     * before anything is read or built for it; a connection over them is reset at once. A
     * connection is unauthenticated from its accept until its {@code hello-ok}.
     *
     * @param total connections unauthenticated at once, from all addresses (default {@value
     *     PreauthLimits#DEFAULT_TOTAL})
     * @param perAddress connections unauthenticated at once from one peer address (default {@value
     *     PreauthLimits#DEFAULT_PER_ADDRESS})
     * @param burst how many connections of one address may end without authenticating in a burst
     *     (default {@value PreauthLimits#DEFAULT_BURST}); each accepted connection takes one, one
     *     that authenticates gives it back
     * @param ratePerSecond how fast that budget refills (default {@value
     *     PreauthLimits#DEFAULT_RATE_PER_SECOND} a second)
     * @return this builder
     * @throws IllegalArgumentException if a limit is below 1
     */
    public Builder preauthLimits(int total, int perAddress, int burst, int ratePerSecond) {
      new PreauthLimits(total, perAddress, burst, ratePerSecond); // checks them
      this.maxPreauth = total;
      this.maxPreauthPerAddress = perAddress;
      this.preauthBurst = burst;
      this.preauthRate = ratePerSecond;
      return this;
    }

    /**
     * Makes this gateway the load benchmark's transport floor, which <strong>admits
     * anyone</strong>: no policy is asked, every upgrade proceeds and every first message, whatever
     * it holds, is answered with the same {@code hello-ok}; its log line says {@value
     * Handshake#FLOOR_SUMMARY}. Everything else (the connector and its pre-auth limits, the
     * deadline, the frame reading, the log) is the gateway's, so what it costs a connection is what
     * the gateway costs without admission. For {@code bench/load-benchmark.sh} only; never the
     * default.
     *
     * @return this builder
     */
    Builder benchmarkFloor() {
      this.benchmarkFloor = true;
      return this;
    }

    /**
     * Sets the port on {@value #HOST}.
     *
     * @param port 0 to 65535; 0, the default, picks a free port
     * @return this builder
     * @throws IllegalArgumentException if the port is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Starts the gateway.
     *
     * @return the running gateway; {@link Gateway#close()} stops it
     * @throws IOException if the port cannot be bound, or Jetty fails to start
     */
    public Gateway start() throws IOException {
      Handshake handshake =
          new Handshake(policy, config, pairings, clock, version(), benchmarkFloor);
      HttpConfiguration http = new HttpConfiguration();
      http.setSendServerVersion(false);
      Server server = new Server();
      PreauthLimits limits =
          new PreauthLimits(maxPreauth, maxPreauthPerAddress, preauthBurst, preauthRate);
      ServerConnector connector =
          new LimitingConnector(server, limits, new HttpConnectionFactory(http));
      connector.setHost(HOST);
      connector.setPort(port);
      server.addConnector(connector);
      // Jetty's own error responses (a malformed request, a failure in Jetty) carry their status
      // only: Jetty's error page would show the exception's message, a JVM error's text included.
      server.setErrorHandler(
          (request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            response.write(true, null, callback);
            return true;
          });
      HttpPhase phase = new HttpPhase(handshake, server.getScheduler(), handshakeTimeout, log);
      connector.addEventListener(phase);
      server.setHandler(
          WebSocketUpgradeHandler.from(
              server,
              container -> {
                // Frames reach HandshakeEndpoint one by one, never aggregated by Jetty; a frame
                // longer than what has arrived is handed over in fragments as its bytes come.
                container.setAutoFragment(true);
                container.setMaxFrameSize(MAX_PAYLOAD_BYTES);
                container.setIdleTimeout(IDLE_TIMEOUT);
                container.addMapping("/", phase);
              }));
      server.addBean(new RefusalLog(limits, server.getScheduler(), log));
      try {
        server.start();
      } catch (IOException unbound) {
        stopQuietly(server);
        throw unbound;
      } catch (Exception failed) {
        stopQuietly(server);
        throw new IOException("cannot start the gateway", failed);
      }
      return new Gateway(server, connector);
    }
  }

  /** Every 10 seconds, one log line summing up the connections the pre-auth limits refused. */
  private static final class RefusalLog extends AbstractLifeCycle {
    private final PreauthLimits limits;
    private final Scheduler scheduler;
    private final ConnectionLog log;
    private volatile Scheduler.@Nullable Task task;

    RefusalLog(PreauthLimits limits, Scheduler scheduler, ConnectionLog log) {
      this.limits = limits;
      this.scheduler = scheduler;
      this.log = log;
    }

    private void summarise() {
      String refused = limits.drainRefusals();
      if (refused != null) {
        log.connection("-", "-", refused);
      }
    }

    private void tick() {
      summarise();
      if (isRunning()) {
        task = scheduler.schedule(this::tick, 10, TimeUnit.SECONDS);
      }
    }

    @Override
    protected void doStart() {
      task = scheduler.schedule(this::tick, 10, TimeUnit.SECONDS);
    }

    @Override
    protected void doStop() {
      Scheduler.Task running = task;
      if (running != null) {
        running.cancel();
      }
      summarise();
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // the start failure is what the caller needs to see
    }
  }

  /** The version written at build time, sent as {@code hello-ok.server.version}. */
  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = Gateway.class.getResourceAsStream("gateway.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException unreadable) {
      // fall through to the placeholder
    }
    return properties.getProperty("version", "unknown");
  }

  /**
   * Runs the gateway until the process is stopped.
   *
   * @param args {@code [--port N] [--profile NAME] [--handshake-timeout-ms N] [--allowed-origin
   *     ORIGIN]... [--pairings FILE]}
   * @throws Exception if the gateway cannot start
   */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException | NoSuchElementException usage) {
      System.err.println("example-gateway: " + usage.getMessage());
      Options.usage(System.err);
      System.exit(2);
      return;
    }
    if (options.help) {
      Options.usage(System.out);
      return;
    }
    String token = System.getenv(TOKEN_VARIABLE);
    GatewayAuth auth =
        token == null || token.isEmpty() ? GatewayAuth.none() : GatewayAuth.token(token);
    GatewayConfig config =
        new GatewayConfig(
            auth,
            List.of(),
            false,
            new ControlUiSettings(options.allowedOrigins, false, false, false));
    PairingStore pairings = new PairingStore();
    if (options.pairings != null) {
      pairings.load(options.pairings);
    }
    Builder builder = builder(config);
    if (options.benchmarkFloor) {
      builder.benchmarkFloor();
      LOG.warn(
          "BENCHMARK FLOOR (--benchmark-floor): no admission, every connection is answered with"
              + " a constant hello-ok; for the load benchmark only, never for real clients");
    }
    Gateway gateway =
        builder
            .policy(options.policy)
            .pairingStore(pairings)
            .handshakeTimeout(options.handshakeTimeout)
            .port(options.port)
            .preauthLimits(
                options.maxPreauth,
                options.maxPreauthPerAddress,
                options.preauthBurst,
                options.preauthRate)
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::stop, "gateway-stop"));
    LOG.info(
        "listening on {} with profile {}, auth mode {}, handshake timeout {} ms",
        gateway.uri(),
        options.profile,
        auth.mode().wire(),
        options.handshakeTimeout.toMillis());
    gateway.server.join();
  }

  /** The command line of {@link #main}. */
  private static final class Options {

    int port = DEFAULT_PORT;
    String profile = "recommended";
    ConnectPolicy policy = ConnectPolicies.recommended();
    Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    List<String> allowedOrigins = new ArrayList<>();
    @Nullable Path pairings;
    int maxPreauth = PreauthLimits.DEFAULT_TOTAL;
    int maxPreauthPerAddress = PreauthLimits.DEFAULT_PER_ADDRESS;
    int preauthBurst = PreauthLimits.DEFAULT_BURST;
    int preauthRate = PreauthLimits.DEFAULT_RATE_PER_SECOND;
    boolean benchmarkFloor;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (option.equals("--help") || option.equals("-h")) {
          options.help = true;
          continue;
        }
        if (option.equals("--benchmark-floor")) {
          options.benchmarkFloor = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option `" + option + "` needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--port" -> options.port = number(option, value, 0, 65_535);
          case "--profile" -> {
            options.policy = ConnectPolicies.profile(value);
            options.profile = value;
          }
          case "--handshake-timeout-ms" ->
              options.handshakeTimeout =
                  Duration.ofMillis(number(option, value, 1, Integer.MAX_VALUE));
          case "--allowed-origin" -> options.allowedOrigins.add(value);
          case "--pairings" -> options.pairings = Path.of(value);
          case "--max-preauth" -> options.maxPreauth = number(option, value, 1, 1 << 20);
          case "--max-preauth-per-address" ->
              options.maxPreauthPerAddress = number(option, value, 1, 1 << 20);
          case "--preauth-burst" -> options.preauthBurst = number(option, value, 1, 1 << 20);
          case "--preauth-rate" -> options.preauthRate = number(option, value, 1, 1 << 20);
          default -> throw new IllegalArgumentException("unknown option `" + option + "`");
        }
      }
      return options;
    }

    private static int number(String option, String value, int min, int max) {
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw new IllegalArgumentException(
          "option `" + option + "` must be a number from " + min + " to " + max);
    }

    static void usage(PrintStream out) {
      out.println(
          "usage: java -jar example-gateway.jar [--port N] [--profile NAME]"
              + " [--handshake-timeout-ms N] [--allowed-origin ORIGIN]... [--pairings FILE]"
              + " [--max-preauth N] [--max-preauth-per-address N] [--preauth-burst N]"
              + " [--preauth-rate N]");
      out.println(
          String.format(
              Locale.ROOT,
              "  listens on ws://%s:PORT/ (default %d); profile default recommended, one of %s;%n"
                  + "  handshake timeout default %d ms; the shared token is read from %s"
                  + " (unset: auth mode none);%n"
                  + "  --pairings: JSON lines of paired devices (deviceId, publicKey, roles, scopes,"
                  + " platform, deviceFamily, deviceToken);%n"
                  + "  unauthenticated connections, checked at the accept: at most %d at once"
                  + " (--max-preauth), %d per address (--max-preauth-per-address), and per"
                  + " address %d that end unauthenticated in a burst (--preauth-burst), then %d a"
                  + " second (--preauth-rate);%n"
                  + "  --benchmark-floor: the load benchmark's transport floor, which admits"
                  + " anyone (a constant hello-ok, no policy): never for real clients",
              HOST,
              DEFAULT_PORT,
              String.join(", ", ConnectPolicies.names()),
              DEFAULT_HANDSHAKE_TIMEOUT.toMillis(),
              TOKEN_VARIABLE,
              PreauthLimits.DEFAULT_TOTAL,
              PreauthLimits.DEFAULT_PER_ADDRESS,
              PreauthLimits.DEFAULT_BURST,
              PreauthLimits.DEFAULT_RATE_PER_SECOND));
    }
  }

  @Override
  public String toString() {
    return "Gateway[" + (server.isStarted() ? uri() : "stopped") + "]";
  }
}
