package dev.connectpolicy.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectpolicy.api.ConnectPolicy;
import dev.connectpolicy.engine.ConnectPolicies;
import dev.connectpolicy.engine.evidence.Admission;
import dev.connectpolicy.engine.evidence.ConnectRequest;
import dev.connectpolicy.engine.evidence.GatewayAuth;
import dev.connectpolicy.engine.evidence.GatewayConfig;
import dev.connectpolicy.engine.evidence.PairedDevice;
import dev.connectpolicy.engine.evidence.RequestJson;
import dev.connectpolicy.engine.evidence.SocketInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A load benchmark for any gateway that speaks OpenClaw's connect handshake, bounded in count and
 * time, on loopback only: many clients, each with a paired device that signs OpenClaw's v3 payload
 * over the nonce of its challenge, connect one after another; it reports admissions per second, the
 * handshake latency (from the TCP connect to {@code hello-ok}, p50 and p99) and, given the
 * gateway's process id, the gateway's CPU time per admission. With {@code --flood N}, a second
 * phase runs the same clients while N other connections each send an unfinished message of {@code
 * --flood-kib} KiB before their connect request, again and again.
 *
 * <pre>
 * java -cp example-gateway.jar dev.connectpolicy.examples.gateway.GatewayLoad devices --count 64 --dir DIR
 * java -cp example-gateway.jar dev.connectpolicy.examples.gateway.GatewayLoad run --url ws://127.0.0.1:18789/ \
 *     --dir DIR --pid PID [--connections 16] [--warmup-seconds 10] [--seconds 20] \
 *     [--flood 400 --flood-kib 1000 --flood-pause-ms 1000 --flood-addresses 4] [--gc-log FILE] \
 *     [--warmup-max-seconds 180] [--label NAME]
 * java -cp example-gateway.jar dev.connectpolicy.examples.gateway.GatewayLoad admit [--seconds 20]
 * </pre>
 *
 * <p>The shared token is read from the environment variable {@value Gateway#TOKEN_VARIABLE}, never
 * from the command line. {@code devices} writes throw-away keys for a benchmark: {@code
 * devices.txt} (the private keys) and {@code pairings.jsonl} (the records for {@code
 * example-gateway.jar --pairings}). {@code admit} times {@link Admission#admit} and the gateway's
 * whole answer to a connect request in this process, without a network, for the ratio.
 */
public final class GatewayLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CLIENT_ID = "node-host";
  private static final String PLATFORM = "linux";

  private GatewayLoad() {}

  /**
   * Runs a command.
   *
   * @param args {@code devices ...}, {@code run ...} or {@code admit ...}
   * @throws Exception if the benchmark fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage(System.err);
      System.exit(2);
      return;
    }
    Map<String, String> options = new TreeMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage(System.err);
        System.exit(2);
        return;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    switch (args[0]) {
      case "devices" -> devices(Path.of(required(options, "dir")), number(options, "count", 64));
      case "run" -> run(options);
      case "admit" -> admitBaseline(number(options, "seconds", 20));
      default -> {
        usage(System.err);
        System.exit(2);
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: GatewayLoad devices --count N --dir DIR\n"
            + "       GatewayLoad run --url ws://127.0.0.1:PORT/ --dir DIR [--pid PID]"
            + " [--connections C] [--warmup-seconds W] [--seconds S] [--flood N] [--flood-kib K]"
            + " [--flood-pause-ms P] [--flood-addresses A]"
            + " [--gc-log FILE] [--label NAME] [--warmup-max-seconds M]\n"
            + "       GatewayLoad admit [--seconds S]\n"
            + "The shared token is read from "
            + Gateway.TOKEN_VARIABLE
            + ".");
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("option `--" + name + "` is required");
    }
    return value;
  }

  private static int number(Map<String, String> options, String name, int fallback) {
    String value = options.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private static String token() {
    String token = System.getenv(Gateway.TOKEN_VARIABLE);
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException(Gateway.TOKEN_VARIABLE + " is not set");
    }
    return token;
  }

  // --- devices ----------------------------------------------------------------------------------

  private static void devices(Path dir, int count) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    List<String> saved = new ArrayList<>();
    List<String> pairings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Device device = Device.generate();
      saved.add(device.save());
      ObjectNode record = JSON.createObjectNode();
      record.put("deviceId", device.id());
      record.put("publicKey", device.publicKey());
      record.putArray("roles").add("node");
      record.putArray("scopes");
      record.put("platform", PLATFORM);
      pairings.add(record.toString());
    }
    Files.write(dir.resolve("devices.txt"), saved, StandardCharsets.US_ASCII);
    Files.write(dir.resolve("pairings.jsonl"), pairings, StandardCharsets.UTF_8);
    System.out.println("wrote " + count + " devices to " + dir);
  }

  private static List<Device> loadDevices(Path dir) throws IOException, GeneralSecurityException {
    List<Device> devices = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("devices.txt"), StandardCharsets.US_ASCII)) {
      if (!line.isBlank()) {
        devices.add(Device.load(line));
      }
    }
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("no devices in " + dir.resolve("devices.txt"));
    }
    return devices;
  }

  /** The connect request of a paired node, as OpenClaw's node host sends it. */
  static String connectFrame(Device device, String nonce, String token, long signedAt)
      throws GeneralSecurityException {
    ObjectNode frame = JSON.createObjectNode();
    frame.put("type", "req");
    frame.put("id", "c1");
    frame.put("method", "connect");
    ObjectNode params = frame.putObject("params");
    // 3 to 4, as OpenClaw's clients offer: its 2026.9 gateways speak 4, this example 3
    params.put("minProtocol", Frames.PROTOCOL);
    params.put("maxProtocol", Frames.PROTOCOL + 1);
    ObjectNode client = params.putObject("client");
    client.put("id", CLIENT_ID);
    client.put("displayName", "load client");
    client.put("version", "2026.9.6");
    client.put("platform", PLATFORM);
    client.put("mode", "node");
    params.put("role", "node");
    params.putArray("scopes");
    params.putArray("caps");
    params.putArray("commands");
    params.putObject("auth").put("token", token);
    params.put("locale", "en-US");
    params.put("userAgent", "connect-policy-gateway-load");
    params.set(
        "device",
        device.proof(CLIENT_ID, "node", "node", List.of(), signedAt, token, nonce, PLATFORM, ""));
    return frame.toString();
  }

  // --- run --------------------------------------------------------------------------------------

  /** What one phase measured. */
  private static final class Tally {
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Map<String, LongAdder> floodCloses = new ConcurrentHashMap<>();
    final LongAdder floodConnections = new LongAdder();
    volatile boolean measuring;
    volatile boolean stopped;

    void fail(String why) {
      if (measuring) {
        failures.computeIfAbsent(why, any -> new LongAdder()).increment();
      }
    }
  }

  private static void run(Map<String, String> options) throws Exception {
    URI uri = URI.create(required(options, "url"));
    if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("[::1]")) {
      throw new IllegalArgumentException("the load client only connects to 127.0.0.1 or [::1]");
    }
    List<Device> devices = loadDevices(Path.of(required(options, "dir")));
    String token = token();
    Optional<ProcessHandle> gateway =
        options.containsKey("pid")
            ? ProcessHandle.of(Long.parseLong(options.get("pid")))
            : Optional.empty();
    int connections = number(options, "connections", 16);
    Duration warmup = Duration.ofSeconds(number(options, "warmup-seconds", 10));
    // 0: the warm-up is warmup-seconds; more: then on until the gateway's JIT is quiet, at most
    // this long in all
    Duration warmupMax = Duration.ofSeconds(number(options, "warmup-max-seconds", 0));
    Duration window = Duration.ofSeconds(number(options, "seconds", 20));
    int flood = number(options, "flood", 0);
    int floodKib = number(options, "flood-kib", 1000);
    int floodPause = number(options, "flood-pause-ms", 1000);
    int floodAddresses = number(options, "flood-addresses", 4);
    Path gcLog = options.containsKey("gc-log") ? Path.of(options.get("gc-log")) : null;

    System.out.printf(
        Locale.ROOT,
        "gateway %s, %d devices, %d concurrent clients, warm-up %d s, window %d s%n",
        uri,
        devices.size(),
        connections,
        warmup.toSeconds(),
        window.toSeconds());
    List<String> rows = new ArrayList<>();
    Result unloaded =
        phase(
            options.getOrDefault("label", "unloaded"),
            uri,
            devices,
            token,
            gateway,
            connections,
            warmup,
            warmupMax,
            window,
            0,
            0,
            0,
            0,
            gcLog);
    rows.add(unloaded.row());
    Result flooded = null;
    if (flood > 0) {
      flooded =
          phase(
              "flood "
                  + flood
                  + " x "
                  + floodKib
                  + " KiB, pause "
                  + floodPause
                  + " ms, "
                  + (floodAddresses == 0
                      ? "from 127.0.0.1"
                      : "from " + floodAddresses + " addresses"),
              uri,
              devices,
              token,
              gateway,
              connections,
              Duration.ofSeconds(Math.max(3, warmup.toSeconds() / 2)),
              Duration.ZERO,
              window,
              flood,
              floodKib,
              floodPause,
              floodAddresses,
              gcLog);
      rows.add(flooded.row());
    }
    System.out.println();
    System.out.println(Result.HEADER);
    rows.forEach(System.out::println);
    System.out.println();
    if (unloaded.cpuSplit() != null) {
      System.out.println(unloaded.name() + ": " + unloaded.cpuSplit());
    }
    if (flooded != null && flooded.cpuSplit() != null) {
      System.out.println(flooded.name() + ": " + flooded.cpuSplit());
    }
    if (flooded != null && unloaded.rate() > 0) {
      System.out.printf(
          Locale.ROOT,
          "%nadmissions under the flood: %.0f%% of the unloaded rate%n",
          100 * flooded.rate() / unloaded.rate());
      System.out.println("flood connections: " + flooded.floodConnections);
      System.out.println("flood closes: " + flooded.floodCloses);
    }
  }

  /** One phase's figures. */
  private record Result(
      String name,
      long admissions,
      double seconds,
      List<Long> latencies,
      Map<String, Long> failures,
      @Nullable Double gatewayCpuSeconds,
      double clientCpuSeconds,
      @Nullable String peakHeap,
      long floodConnections,
      Map<String, Long> floodCloses,
      @Nullable String cpuSplit) {

    static final String HEADER =
        "| phase | admissions | admissions/s | p50 ms | p99 ms | gateway CPU ms/admission"
            + " | client CPU ms/admission | gateway heap peak | failures |\n"
            + "|---|---|---|---|---|---|---|---|---|";

    double rate() {
      return admissions / seconds;
    }

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.1f | %.2f | %.2f | %s | %.3f | %s | %s |",
          name,
          admissions,
          rate(),
          percentile(0.50),
          percentile(0.99),
          gatewayCpuSeconds == null
              ? "n/a"
              : String.format(Locale.ROOT, "%.3f", 1000 * gatewayCpuSeconds / admissions),
          1000 * clientCpuSeconds / Math.max(1, admissions),
          peakHeap == null ? "n/a" : peakHeap,
          failures.isEmpty() ? "none" : failures.toString());
    }

    double percentile(double p) {
      if (latencies.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p * latencies.size()) - 1;
      return latencies.get(Math.max(0, index)) / 1e6;
    }
  }

  private static Result phase(
      String name,
      URI uri,
      List<Device> devices,
      String token,
      Optional<ProcessHandle> gateway,
      int connections,
      Duration warmup,
      Duration warmupMax,
      Duration window,
      int flood,
      int floodKib,
      int floodPause,
      int floodAddresses,
      @Nullable Path gcLog)
      throws Exception {
    System.out.println("phase " + name + " ...");
    Tally tally = new Tally();
    HttpClient clients = HttpClient.newHttpClient();
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < flood; i++) {
      String from = floodAddresses == 0 ? null : "127.0.0." + (2 + i % floodAddresses);
      threads.add(start("flood-" + i, () -> floodLoop(uri, from, floodKib, floodPause, tally)));
    }
    for (int i = 0; i < connections; i++) {
      threads.add(
          start(
              "client-" + i,
              () -> {
                while (!tally.stopped) {
                  Device device =
                      devices.get(Math.floorMod(next.getAndIncrement(), devices.size()));
                  admitOnce(clients, uri, device, token, tally);
                }
              }));
    }
    Thread.sleep(warmup.toMillis());
    warmUntilJitQuiet(gateway, warmup, warmupMax);
    long gcOffset = gcLog == null || !Files.exists(gcLog) ? 0 : Files.size(gcLog);
    Map<String, long[]> threads0 = threadTicks(gateway);
    Double cpu0 = cpuSeconds(gateway);
    double client0 = ownCpuSeconds();
    long start = System.nanoTime();
    tally.measuring = true;
    Thread.sleep(window.toMillis());
    tally.measuring = false;
    double seconds = (System.nanoTime() - start) / 1e9;
    Double cpu1 = cpuSeconds(gateway);
    double client1 = ownCpuSeconds();
    Map<String, long[]> threads1 = threadTicks(gateway);
    tally.stopped = true;
    for (Thread thread : threads) {
      thread.join(WAIT.toMillis() * 3);
    }
    List<Long> latencies = new ArrayList<>(tally.latencies);
    Collections.sort(latencies);
    return new Result(
        name,
        latencies.size(),
        seconds,
        latencies,
        counts(tally.failures),
        cpu0 == null || cpu1 == null ? null : cpu1 - cpu0,
        client1 - client0,
        gcLog == null ? null : peakHeap(gcLog, gcOffset),
        tally.floodConnections.sum(),
        counts(tally.floodCloses),
        cpuSplit(threads0, threads1, latencies.size()));
  }

  /**
   * Goes on warming up, past {@code warmup}, until the gateway's JIT compiler threads take under 5%
   * of its CPU time over five seconds, or {@code max} has passed since the phase began: at a few
   * hundred connections a second, the JIT compiles the connection path for a minute or more, and a
   * window that measures it measures the JIT. Does nothing where the gateway has no such threads (a
   * non-Java gateway, or no {@code /proc}).
   */
  private static void warmUntilJitQuiet(
      Optional<ProcessHandle> gateway, Duration warmup, Duration max) throws InterruptedException {
    if (max.compareTo(warmup) <= 0) {
      return;
    }
    long waited = warmup.toSeconds();
    double share = Double.NaN;
    while (waited < max.toSeconds()) {
      Map<String, long[]> before = threadTicks(gateway);
      Thread.sleep(5_000);
      waited += 5;
      long all = 0;
      long jit = 0;
      boolean hasJit = false;
      for (Map.Entry<String, long[]> thread :
          ticksBetween(before, threadTicks(gateway)).entrySet()) {
        long ticks = thread.getValue()[0] + thread.getValue()[1];
        all += ticks;
        if (kind(thread.getKey()).equals("JIT compilers")) {
          jit += ticks;
          hasJit = true;
        }
      }
      if (!hasJit) {
        return;
      }
      share = all == 0 ? 0 : (double) jit / all;
      if (share < 0.05) {
        break;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "warm-up %d s: the JIT compilers took %.0f%% of the gateway's CPU in its last 5 s%s%n",
        waited,
        100 * share,
        share < 0.05 ? "" : " (still compiling at the limit of the warm-up)");
  }

  /** The kind of a gateway thread, from the key of {@link #threadTicks}. */
  private static String kind(String key) {
    String name = key.substring(key.indexOf(' ') + 1);
    if (name.startsWith("qtp")) {
      return "Jetty pool";
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "JIT compilers";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "GC";
    }
    return "other";
  }

  /**
   * Each thread's user and system CPU time, in clock ticks, from {@code /proc/PID/task/TID/stat}
   * (Linux only), by thread id, with its name.
   *
   * @return {@code tid -> [user, system]}, the name as the key's part after a space; empty where
   *     there is no {@code /proc}
   */
  private static Map<String, long[]> threadTicks(Optional<ProcessHandle> process) {
    Map<String, long[]> ticks = new TreeMap<>();
    if (process.isEmpty()) {
      return ticks;
    }
    Path tasks = Path.of("/proc", String.valueOf(process.get().pid()), "task");
    if (!Files.isDirectory(tasks)) {
      return ticks;
    }
    try (var stream = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) stream::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          // fields from the state on: utime is the 12th, stime the 13th (proc(5))
          ticks.put(
              task.getFileName() + " " + stat.substring(open + 1, close),
              new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])});
        } catch (IOException | RuntimeException gone) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException unreadable) {
      ticks.clear();
    }
    return ticks;
  }

  /**
   * The gateway's CPU time per admission over the window, split into user and system time and by
   * kind of thread (Jetty's pool, the JIT compilers, the garbage collector, the rest), from the
   * threads' clock ticks (USER_HZ, 100 a second on Linux).
   */
  private static @Nullable String cpuSplit(
      Map<String, long[]> before, Map<String, long[]> after, int admissions) {
    if (after.isEmpty() || admissions == 0) {
      return null;
    }
    Map<String, long[]> kinds = new LinkedHashMap<>();
    for (String kind : List.of("Jetty pool", "JIT compilers", "GC", "other")) {
      kinds.put(kind, new long[2]);
    }
    long user = 0;
    long system = 0;
    for (Map.Entry<String, long[]> thread : ticksBetween(before, after).entrySet()) {
      long u = thread.getValue()[0];
      long s = thread.getValue()[1];
      String kind = kind(thread.getKey());
      kinds.get(kind)[0] += u;
      kinds.get(kind)[1] += s;
      user += u;
      system += s;
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "gateway CPU us/admission from its threads' ticks: user %.0f, system %.0f;",
                perAdmission(user, admissions),
                perAdmission(system, admissions)));
    kinds.forEach(
        (kind, ticks) ->
            line.append(
                String.format(
                    Locale.ROOT,
                    " %s %.0f (system %.0f)",
                    kind,
                    perAdmission(ticks[0] + ticks[1], admissions),
                    perAdmission(ticks[1], admissions))));
    return line.toString();
  }

  /**
   * Each thread's user and system clock ticks between two readings of {@link #threadTicks}; a
   * thread that started in between counts from zero.
   */
  private static Map<String, long[]> ticksBetween(
      Map<String, long[]> before, Map<String, long[]> after) {
    Map<String, long[]> between = new TreeMap<>();
    after.forEach(
        (thread, ticks) -> {
          long[] start = before.getOrDefault(thread, new long[2]);
          between.put(thread, new long[] {ticks[0] - start[0], ticks[1] - start[1]});
        });
    return between;
  }

  private static double perAdmission(long ticks, int admissions) {
    return ticks * 10_000.0 / admissions; // a tick is 10 ms: 10,000 us
  }

  private static Map<String, Long> counts(Map<String, LongAdder> adders) {
    Map<String, Long> counts = new TreeMap<>();
    adders.forEach((key, adder) -> counts.put(key, adder.sum()));
    return counts;
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static @Nullable Double cpuSeconds(Optional<ProcessHandle> process) {
    return process
        .flatMap(handle -> handle.info().totalCpuDuration())
        .map(cpu -> cpu.toNanos() / 1e9)
        .orElse(null);
  }

  private static double ownCpuSeconds() {
    Double own = cpuSeconds(Optional.of(ProcessHandle.current()));
    return own == null ? 0 : own;
  }

  /**
   * The largest heap before a collection and the largest after one (what was still reachable), over
   * the GC log's lines after an offset.
   */
  private static String peakHeap(Path gcLog, long offset) throws IOException {
    byte[] all = Files.readAllBytes(gcLog);
    String tail =
        new String(
            all,
            (int) Math.min(offset, all.length),
            (int) Math.max(0, all.length - offset),
            StandardCharsets.UTF_8);
    Pattern heap = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    long peak = 0;
    long live = 0;
    long committed = 0;
    int collections = 0;
    Matcher matcher = heap.matcher(tail);
    while (matcher.find()) {
      collections++;
      peak = Math.max(peak, kib(matcher.group(1), matcher.group(2)));
      live = Math.max(live, kib(matcher.group(3), matcher.group(4)));
      committed = Math.max(committed, kib(matcher.group(5), matcher.group(6)));
    }
    return collections == 0
        ? "no collection"
        : String.format(
            Locale.ROOT,
            "%d MiB, %d MiB after GC, of %d MiB (%d GCs)",
            peak / 1024,
            live / 1024,
            committed / 1024,
            collections);
  }

  private static long kib(String number, String unit) {
    long value = Long.parseLong(number);
    return switch (unit) {
      case "K" -> value;
      case "M" -> value * 1024;
      default -> value * 1024 * 1024;
    };
  }

  /** Receives a connection's text messages and its close. */
  private static final class Listener implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public @Nullable CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error.getClass().getSimpleName());
    }

    String next() throws InterruptedException {
      String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new IllegalStateException(
            closed.isDone() ? "closed " + closed.getNow("") : "no message within " + WAIT);
      }
      return message;
    }
  }

  /** One admission: connect, read the challenge, send the signed connect request, read hello-ok. */
  private static void admitOnce(
      HttpClient http, URI uri, Device device, String token, Tally tally) {
    Listener listener = new Listener();
    WebSocket socket = null;
    long started = System.nanoTime();
    try {
      socket =
          http.newWebSocketBuilder()
              .connectTimeout(WAIT)
              .buildAsync(uri, listener)
              .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode challenge = JSON.readTree(listener.next());
      String nonce = challenge.path("payload").path("nonce").asText();
      socket.sendText(connectFrame(device, nonce, token, System.currentTimeMillis()), true);
      JsonNode answer = JSON.readTree(listener.next());
      long elapsed = System.nanoTime() - started;
      if (answer.path("ok").asBoolean(false)
          && "hello-ok".equals(answer.path("payload").path("type").asText())) {
        if (tally.measuring) {
          tally.latencies.add(elapsed);
        }
      } else {
        tally.fail(answer.path("error").path("message").asText("not hello-ok"));
      }
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (Exception failed) {
      tally.fail(failed.getClass().getSimpleName() + ": " + failed.getMessage());
      if (socket != null) {
        socket.abort();
      }
    }
  }

  /**
   * Flood connections, one after another until the phase ends, on a plain socket: each sends its
   * upgrade request, reads the response and the challenge, sends the header of a text frame that is
   * not the last of its message and {@code kib} KiB of its payload, never the end, and then reads
   * what the gateway answers until it closes the connection. The payload is the same bytes every
   * time (masked with the zero key), so the flood costs this process next to nothing.
   */
  private static void floodLoop(
      URI uri, @Nullable String from, int kib, int pauseMillis, Tally tally) {
    byte[] payload = new byte[kib * 1024];
    java.util.Arrays.fill(payload, (byte) 'x');
    byte[] header = new byte[14];
    header[0] = 0x01; // a text frame, not the last of its message
    header[1] = (byte) (0x80 | 127); // masked, 64-bit length
    long length = payload.length + 1L; // one byte more than is ever sent
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (length >>> (56 - 8 * i));
    }
    byte[] upgrade =
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1:"
                + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    while (!tally.stopped) {
      try (java.net.Socket socket = new java.net.Socket()) {
        if (from != null) {
          socket.bind(new java.net.InetSocketAddress(from, 0));
        }
        socket.connect(
            new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis() * 2);
        tally.floodConnections.increment();
        java.io.OutputStream out = socket.getOutputStream();
        java.io.InputStream in = socket.getInputStream();
        out.write(upgrade);
        out.flush();
        String outcome;
        try {
          readUpgradeResponse(in);
        } catch (IOException reset) {
          tally
              .floodCloses
              .computeIfAbsent("reset before the upgrade", any -> new LongAdder())
              .increment();
          pause(pauseMillis);
          continue;
        }
        try {
          out.write(header);
          out.write(payload);
          out.flush();
          outcome = "held, not closed";
        } catch (IOException refused) {
          outcome = "dropped while sending"; // the gateway stopped reading: see what it sent
        }
        String close = closeFrame(in);
        tally
            .floodCloses
            .computeIfAbsent(
                close == null ? String.valueOf(outcome) : close, any -> new LongAdder())
            .increment();
      } catch (IOException failed) {
        tally
            .floodCloses
            .computeIfAbsent("client " + failed.getClass().getSimpleName(), any -> new LongAdder())
            .increment();
      }
      pause(pauseMillis);
    }
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads an HTTP response's head and the challenge frame; fails unless the status is 101. */
  private static void readUpgradeResponse(java.io.InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade");
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused");
    }
  }

  /**
   * Reads frames up to the gateway's close frame.
   *
   * @return its code and reason, or null if the connection ended without one
   */
  private static @Nullable String closeFrame(java.io.InputStream in) {
    try {
      while (true) {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
          return null;
        }
        int length = second & 0x7F;
        if (length == 126) {
          length = (in.read() << 8) | in.read();
        } else if (length == 127) {
          return null; // no frame of the handshake is that long
        }
        byte[] body = in.readNBytes(length);
        if ((first & 0x0F) == 0x8 && body.length >= 2) {
          int code = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
          return code + " " + new String(body, 2, body.length - 2, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException reset) {
      return null;
    }
  }

  // --- admit ------------------------------------------------------------------------------------

  /**
   * Times, in this process and on one thread, {@link Admission#admit} of the load client's connect
   * request and the gateway's whole answer to it ({@link Handshake#answer}: reading the frame,
   * admit, writing {@code hello-ok}), as CPU time per call after a warm-up.
   */
  private static void admitBaseline(int seconds) throws Exception {
    String token = "load-token";
    Device device = Device.generate();
    PairedDevice record =
        new PairedDevice(device.publicKey(), List.of("node"), List.of(), PLATFORM, null, null);
    GatewayConfig config = GatewayConfig.of(GatewayAuth.token(token));
    ConnectPolicy policy = ConnectPolicies.recommended();
    String nonce = "5b2f3c1e-7d4a-4f0e-9b8c-2a1d6e5f4c3b";
    String text = connectFrame(device, nonce, token, System.currentTimeMillis());
    String params = JSON.readTree(text).get("params").toString();
    Map<String, String> headers = Map.of("host", "127.0.0.1:18789");
    ConnectRequest request =
        new ConnectRequest(
            RequestJson.readConnectParams(params),
            SocketInfo.of("127.0.0.1", headers),
            nonce,
            System.currentTimeMillis(),
            config,
            record);
    Handshake handshake =
        new Handshake(
            policy,
            config,
            new PairingStore().pair(device.id(), record),
            Clock.systemUTC(),
            "load");
    Handshake.Socket socket = new Handshake.Socket("127.0.0.1", headers);
    if (!Admission.admit(policy, request).decision().isAccepted()
        || handshake.answer(text, socket, nonce, "c").close() != null) {
      throw new IllegalStateException("the baseline request is not admitted");
    }
    Duration half = Duration.ofSeconds(Math.max(1, seconds / 2));
    time("warm-up", half, () -> Admission.admit(policy, request));
    time("warm-up", half, () -> handshake.answer(text, socket, nonce, "c"));
    System.out.println("| in this process | CPU us/call | calls |");
    System.out.println("|---|---|---|");
    time("Admission.admit", half, () -> Admission.admit(policy, request));
    time(
        "Handshake.answer (frame, admit, hello-ok)",
        half,
        () -> handshake.answer(text, socket, nonce, "c"));
  }

  private static void time(String name, Duration duration, Runnable call) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + duration.toNanos();
    long cpu0 = threads.getCurrentThreadCpuTime();
    AtomicLong calls = new AtomicLong();
    while (System.nanoTime() < end) {
      call.run();
      calls.incrementAndGet();
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    if (!name.equals("warm-up")) {
      System.out.printf(
          Locale.ROOT, "| %s | %.1f | %d |%n", name, cpu / 1e3 / calls.get(), calls.get());
    }
  }
}
