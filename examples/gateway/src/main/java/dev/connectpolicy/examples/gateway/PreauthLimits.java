package dev.connectpolicy.examples.gateway;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The limits on unauthenticated connections, checked when a TCP connection is accepted, before the
 * gateway reads a byte of it or builds anything for it: at most {@code total} connections in the
 * pre-auth phase (from the accept to {@code hello-ok}) at once; at most {@code perAddress} of them
 * from one peer address; and a budget of connections per address that end without authenticating,
 * refilled at {@code ratePerSecond} up to {@code burst}. Each accepted connection takes one unit of
 * its address's budget; one that authenticates gives it back, so a client that always authenticates
 * never runs out, while an address whose connections never do (a flood of unfinished messages,
 * silent sockets, slowloris) is refused at the accept once its budget is spent, until it refills.
 *
 * <p>A refused connection is reset (RST) at once and costs the gateway the accept system call and
 * the close: no endpoint, no HTTP parsing, no WebSocket session, no log line of its own (the
 * refusals are summed up by {@link #drainRefusals()}, which the gateway logs every few seconds).
 * Per-address state is kept only for addresses with a connection in the pre-auth phase or a budget
 * not yet refilled, so its size is bounded by what those limits let in.
 */
final class PreauthLimits {

  /** Default of {@link #total}: connections in the pre-auth phase at once, all addresses. */
  static final int DEFAULT_TOTAL = 1024;

  /** Default of {@link #perAddress}: connections in the pre-auth phase at once, one address. */
  static final int DEFAULT_PER_ADDRESS = 32;

  /** Default budget of one address: connections that may end unauthenticated in a burst. */
  static final int DEFAULT_BURST = 64;

  /** Default refill of an address's budget, per second. */
  static final int DEFAULT_RATE_PER_SECOND = 16;

  /** Refusals remembered per address between two summaries; others are counted in the total. */
  private static final int MAX_REFUSED_ADDRESSES = 1024;

  private final int total;
  private final int perAddress;
  private final int burst;
  private final int ratePerSecond;
  private final AtomicLong inPhase = new AtomicLong();
  private final Map<InetAddress, Budget> budgets = new ConcurrentHashMap<>();
  private final Map<InetAddress, AtomicLong> refusedBy = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /**
   * Creates the limits.
   *
   * @param total connections in the pre-auth phase at once, at least 1
   * @param perAddress connections in the pre-auth phase at once from one address, at least 1
   * @param burst the budget of one address, at least 1
   * @param ratePerSecond the budget's refill per second, at least 1
   */
  PreauthLimits(int total, int perAddress, int burst, int ratePerSecond) {
    if (total < 1 || perAddress < 1 || burst < 1 || ratePerSecond < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "pre-auth limits must be at least 1, got total %d, per address %d, burst %d,"
                  + " rate %d/s",
              total,
              perAddress,
              burst,
              ratePerSecond));
    }
    this.total = total;
    this.perAddress = perAddress;
    this.burst = burst;
    this.ratePerSecond = ratePerSecond;
  }

  static PreauthLimits defaults() {
    return new PreauthLimits(
        DEFAULT_TOTAL, DEFAULT_PER_ADDRESS, DEFAULT_BURST, DEFAULT_RATE_PER_SECOND);
  }

  /** A connection's place in the pre-auth phase, given back once. */
  interface Permit {
    /** A permit that holds nothing: for connections the limits did not see. */
    Permit NONE = authenticated -> {};

    /**
     * Leaves the pre-auth phase: the connection authenticated, or it closed.
     *
     * @param authenticated whether it authenticated, which gives its unit of budget back
     */
    void release(boolean authenticated);
  }

  /** One address's connections in the phase and its budget. Guarded by itself. */
  private static final class Budget {
    int inPhase;
    double tokens;
    long refilledAt;

    Budget(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  /**
   * Lets a newly accepted connection into the pre-auth phase, or refuses it.
   *
   * @param address the peer's address
   * @return its permit, or null to refuse it
   */
  @Nullable Permit acquire(InetAddress address) {
    if (inPhase.incrementAndGet() > total) {
      inPhase.decrementAndGet();
      refuse(address);
      return null;
    }
    long now = System.nanoTime();
    while (true) {
      Budget budget = budgets.computeIfAbsent(address, any -> new Budget(burst, now));
      synchronized (budget) {
        if (budgets.get(address) != budget) {
          continue; // removed meanwhile: take the new one
        }
        refill(budget, now);
        if (budget.inPhase >= perAddress || budget.tokens < 1) {
          inPhase.decrementAndGet();
          refuse(address);
          return null;
        }
        budget.inPhase++;
        budget.tokens--;
      }
      return new Held(address, budget);
    }
  }

  private void refill(Budget budget, long now) {
    budget.tokens =
        Math.min(burst, budget.tokens + (now - budget.refilledAt) * 1e-9 * ratePerSecond);
    budget.refilledAt = now;
  }

  private void refuse(InetAddress address) {
    refused.incrementAndGet();
    AtomicLong count = refusedBy.get(address);
    if (count == null && refusedBy.size() < MAX_REFUSED_ADDRESSES) {
      count = refusedBy.computeIfAbsent(address, any -> new AtomicLong());
    }
    if (count != null) {
      count.incrementAndGet();
    }
  }

  /** A permit held: released once, whichever of the authentication and the close comes first. */
  private final class Held implements Permit {
    private final AtomicBoolean released = new AtomicBoolean();
    private final InetAddress address;
    private final Budget budget;

    Held(InetAddress address, Budget budget) {
      this.address = address;
      this.budget = budget;
    }

    @Override
    public void release(boolean authenticated) {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      inPhase.decrementAndGet();
      synchronized (budget) {
        budget.inPhase--;
        long now = System.nanoTime();
        refill(budget, now);
        if (authenticated) {
          budget.tokens = Math.min(burst, budget.tokens + 1);
        }
        if (budget.inPhase == 0 && budget.tokens >= burst) {
          budgets.remove(address, budget); // nothing to remember
        }
      }
    }
  }

  /** Connections in the pre-auth phase now. */
  long inPhase() {
    return inPhase.get();
  }

  /** Addresses the limits hold state for now. */
  int addresses() {
    return budgets.size();
  }

  /**
   * The refusals since the last call, for the log, and forgets them.
   *
   * @return null if there were none, else such as {@code refused 1200 connections at the accept
   *     over the pre-auth limits: 127.0.0.2 x 600, 127.0.0.3 x 600}
   */
  @Nullable String drainRefusals() {
    long count = refused.getAndSet(0);
    if (count == 0) {
      return null;
    }
    boolean more = refusedBy.size() > 5;
    List<String> top = new ArrayList<>();
    refusedBy.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .limit(5)
        .forEach(
            entry -> top.add(entry.getKey().getHostAddress() + " x " + entry.getValue().get()));
    refusedBy.clear();
    return "refused "
        + count
        + " connections at the accept over the pre-auth limits (at most "
        + total
        + " in the phase, "
        + perAddress
        + " per address, "
        + ratePerSecond
        + "/s per address unauthenticated after a burst of "
        + burst
        + "): "
        + String.join(", ", top)
        + (more ? ", ..." : "");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PreauthLimits[total %d, per address %d, burst %d, %d/s]",
        total,
        perAddress,
        burst,
        ratePerSecond);
  }
}
