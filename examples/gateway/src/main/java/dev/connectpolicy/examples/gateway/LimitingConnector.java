package dev.connectpolicy.examples.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's connector with {@link PreauthLimits} checked on the acceptor thread, right after the
 * accept system call and before Jetty builds anything for the connection (no endpoint, no buffer,
 * no HTTP parser): a connection over the limits is held unread for a second, then reset. An
 * admitted connection's permit travels with its endpoint ({@link PermitEndPoint}), which gives it
 * back when the connection closes; {@link HandshakeEndpoint} gives it back earlier, when the client
 * authenticates.
 */
final class LimitingConnector extends ServerConnector {

  /** How long a refused connection is held unread before its reset. */
  static final Duration HOLD_REFUSED = Duration.ofSeconds(1);

  /**
   * The most refused connections held at once; past them, a refused connection is reset at once.
   */
  static final int MAX_HELD = 1024;

  private static final Duration SWEEP = Duration.ofMillis(100);

  private final PreauthLimits limits;

  /** Refused connections waiting for their reset, oldest first. Guarded by itself. */
  private final ArrayDeque<Held> held = new ArrayDeque<>();

  private boolean sweeping;

  /** Permits between the accept and the endpoint's creation on a selector thread. */
  private final Map<SocketChannel, PreauthLimits.Permit> pending = new ConcurrentHashMap<>();

  LimitingConnector(Server server, PreauthLimits limits, ConnectionFactory... factories) {
    super(server, factories);
    this.limits = limits;
  }

  @Override
  public void accept(int acceptorId) throws IOException {
    ServerSocketChannel server = (ServerSocketChannel) getTransport();
    if (server == null || !server.isOpen()) {
      return;
    }
    SocketChannel channel = server.accept();
    if (channel == null) {
      return;
    }
    PreauthLimits.Permit permit = null;
    try {
      SocketAddress remote = channel.getRemoteAddress();
      if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
        permit = limits.acquire(inet.getAddress());
      }
      if (permit == null) {
        hold(channel);
        return;
      }
      pending.put(channel, permit);
      channel.configureBlocking(false);
      configure(channel.socket());
      getSelectorManager().accept(channel);
    } catch (IOException | RuntimeException failed) {
      if (permit != null && pending.remove(channel) != null) {
        permit.release(false);
      }
      reset(channel);
      throw failed;
    }
  }

  /**
   * A refused connection is held unread for {@link #HOLD_REFUSED} before its reset, while fewer
   * than {@link #MAX_HELD} are: a client that reconnects as soon as it is refused then waits that
   * long each time instead of making the gateway accept as fast as it can connect; the connection
   * costs a socket and no reading, parsing or buffering meanwhile (the channel is never registered
   * with a selector). Past {@link #MAX_HELD}, it is reset at once.
   */
  private void hold(SocketChannel channel) {
    long now = System.nanoTime();
    synchronized (held) {
      if (held.size() < MAX_HELD) {
        held.addLast(new Held(channel, now + HOLD_REFUSED.toNanos()));
        if (!sweeping) {
          sweeping = true;
          getScheduler().schedule(this::sweep, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
        return;
      }
    }
    reset(channel);
  }

  /** Resets the held connections whose time is up; all of them once the connector stops. */
  private void sweep() {
    long now = System.nanoTime();
    List<SocketChannel> due = new ArrayList<>();
    synchronized (held) {
      boolean stopping = !isRunning();
      while (!held.isEmpty() && (stopping || held.peekFirst().until - now <= 0)) {
        due.add(held.pollFirst().channel);
      }
      sweeping = !held.isEmpty();
      if (sweeping) {
        getScheduler().schedule(this::sweep, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    due.forEach(LimitingConnector::reset);
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    List<SocketChannel> all = new ArrayList<>();
    synchronized (held) {
      held.forEach(entry -> all.add(entry.channel));
      held.clear();
    }
    all.forEach(LimitingConnector::reset);
  }

  private record Held(SocketChannel channel, long until) {}

  /** Closes with a reset: no FIN handshake, no TIME_WAIT on the gateway's side. */
  private static void reset(SocketChannel channel) {
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException ignored) {
      // closed all the same below
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to do with a refused connection
    }
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key) {
    PreauthLimits.Permit permit = pending.remove(channel);
    PermitEndPoint endpoint =
        new PermitEndPoint(
            channel, selector, key, this, permit == null ? PreauthLimits.Permit.NONE : permit);
    endpoint.setIdleTimeout(getIdleTimeout());
    return endpoint;
  }

  /** The endpoint of a connection the limits let in, holding its permit until it closes. */
  static final class PermitEndPoint extends SocketChannelEndPoint {
    final PreauthLimits.Permit permit;

    PermitEndPoint(
        SocketChannel channel,
        ManagedSelector selector,
        SelectionKey key,
        ServerConnector connector,
        PreauthLimits.Permit permit) {
      super(channel, selector, key, connector.getScheduler());
      this.permit = permit;
    }

    @Override
    public void onClose(Throwable cause) {
      try {
        super.onClose(cause);
      } finally {
        permit.release(false);
      }
    }
  }
}
