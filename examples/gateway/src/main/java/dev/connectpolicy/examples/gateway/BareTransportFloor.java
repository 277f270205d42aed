package dev.connectpolicy.examples.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark only, never a gateway: the least a JVM can spend on one connection of the load
 * benchmark, to put a number on the transport's share of the gateway's CPU per admission. One
 * thread, one selector, non-blocking sockets, no library; it answers the upgrade request, sends a
 * challenge, answers the first text frame with the constant {@code hello-ok} of {@code
 * --benchmark-floor} and the close with a close, asks no policy and checks nothing it need not (no
 * Origin, no limits, no deadline, no fragments: a fragmented or oversized message closes the
 * connection). It listens on 127.0.0.1 only and prints the example gateway's listening line.
 *
 * <pre>
 * java -cp example-gateway.jar dev.connectpolicy.examples.gateway.BareTransportFloor --port 0
 * </pre>
 */
public final class BareTransportFloor {

  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_INPUT = 64 * 1024;
  private static final int TEXT = 1;
  private static final int CLOSE = 8;
  private static final byte[] HELLO_OK =
      serverFrame(TEXT, Frames.floorHelloOk("bare-floor").getBytes(StandardCharsets.UTF_8));

  private BareTransportFloor() {}

  /**
   * Serves until the process is stopped.
   *
   * @param args {@code --port N} (0, the default, for a free port)
   * @throws IOException if the socket cannot be opened
   */
  public static void main(String[] args) throws IOException {
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: BareTransportFloor [--port N]; unknown argument " + args[i]);
        System.exit(2);
      }
    }
    try (Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      PrintStream out = System.out;
      out.println(
          "bare transport floor listening on ws://127.0.0.1:"
              + ((InetSocketAddress) server.getLocalAddress()).getPort()
              + "/");
      out.flush();
      serve(selector, server);
    }
  }

  private static void serve(Selector selector, ServerSocketChannel server) throws IOException {
    while (true) {
      selector.select();
      for (SelectionKey key : selector.selectedKeys()) {
        if (!key.isValid()) {
          continue;
        }
        if (key.isAcceptable()) {
          accept(selector, server);
          continue;
        }
        Connection connection = (Connection) key.attachment();
        try {
          if (key.isWritable()) {
            connection.flush(key);
          }
          if (key.isValid() && key.isReadable()) {
            connection.read(key);
          }
        } catch (IOException | RuntimeException failed) {
          connection.drop(key);
        }
      }
      selector.selectedKeys().clear();
    }
  }

  private static void accept(Selector selector, ServerSocketChannel server) {
    try {
      for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
      }
    } catch (IOException refused) {
      // out of file descriptors, or the client gone: the next select tries again
    }
  }

  /** One connection: its input so far, what is still to be written, and whether it has upgraded. */
  private static final class Connection {

    private final SocketChannel channel;
    private ByteBuffer input = ByteBuffer.allocate(4096);
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private boolean upgraded;
    private boolean closeAfterWrite;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void read(SelectionKey key) throws IOException {
      if (!input.hasRemaining()) {
        if (input.capacity() >= MAX_INPUT) {
          drop(key);
          return;
        }
        ByteBuffer larger = ByteBuffer.allocate(input.capacity() * 2);
        input.flip();
        input = larger.put(input);
      }
      if (channel.read(input) < 0) {
        drop(key);
        return;
      }
      input.flip();
      boolean more = true;
      while (more && key.isValid()) {
        more = upgraded ? frame(key) : upgrade();
      }
      input.compact();
      flush(key);
    }

    /** Answers the upgrade request once its head is in; false while it is not. */
    private boolean upgrade() {
      int end = headEnd();
      if (end < 0) {
        return false;
      }
      int from = input.position();
      String head = new String(input.array(), from, end - from, StandardCharsets.ISO_8859_1);
      input.position(end);
      String key = header(head, "sec-websocket-key");
      if (key == null) {
        closeAfterWrite = true;
        output.add(ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
        return false;
      }
      output.add(
          ascii(
              "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept(key)
                  + "\r\n\r\n"));
      String challenge = Frames.challenge(UUID.randomUUID().toString(), System.currentTimeMillis());
      output.add(ByteBuffer.wrap(serverFrame(TEXT, challenge.getBytes(StandardCharsets.UTF_8))));
      upgraded = true;
      return true;
    }

    /** Where the request's head ends (after its blank line), or -1 while it has not arrived. */
    private int headEnd() {
      byte[] bytes = input.array();
      for (int i = input.position() + 3; i < input.limit(); i++) {
        if (bytes[i] == '\n'
            && bytes[i - 1] == '\r'
            && bytes[i - 2] == '\n'
            && bytes[i - 3] == '\r') {
          return i + 1;
        }
      }
      return -1;
    }

    /** Answers one complete client frame; false while the next one has not arrived whole. */
    private boolean frame(SelectionKey key) {
      int start = input.position();
      int available = input.remaining();
      if (available < 2) {
        return false;
      }
      byte[] bytes = input.array();
      int first = bytes[start] & 0xFF;
      int second = bytes[start + 1] & 0xFF;
      int header = 2;
      long length = second & 0x7F;
      if (length == 126) {
        if (available < 4) {
          return false;
        }
        length = ((bytes[start + 2] & 0xFF) << 8) | (bytes[start + 3] & 0xFF);
        header = 4;
      } else if (length == 127) {
        length = MAX_INPUT; // a frame this long is more than this floor holds
      }
      if ((second & 0x80) == 0 || (first & 0x80) == 0 || length >= MAX_INPUT) {
        closeAfterWrite = true; // unmasked, fragmented or too long: not the load client's frames
        return false;
      }
      int total = header + 4 + (int) length;
      if (available < total) {
        return false;
      }
      input.position(start + total);
      switch (first & 0x0F) {
        case TEXT -> output.add(ByteBuffer.wrap(HELLO_OK));
        case CLOSE -> {
          output.add(ByteBuffer.wrap(serverFrame(CLOSE, new byte[] {0x03, (byte) 0xE8})));
          closeAfterWrite = true;
          return false;
        }
        default -> {
          // pings, pongs and binary frames: nothing to answer
        }
      }
      return key.isValid();
    }

    void flush(SelectionKey key) throws IOException {
      while (!output.isEmpty()) {
        ByteBuffer next = output.peek();
        channel.write(next);
        if (next.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        output.poll();
      }
      if (closeAfterWrite) {
        drop(key);
      } else if (key.isValid()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void drop(SelectionKey key) {
      key.cancel();
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static @Nullable String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-1", impossible);
    }
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A server frame: final, unmasked, its payload under 64 KiB. */
  private static byte[] serverFrame(int opcode, byte[] payload) {
    if (payload.length > 0xFFFF) {
      throw new IllegalArgumentException("a floor frame is under 64 KiB: " + payload.length);
    }
    int header = payload.length < 126 ? 2 : 4;
    byte[] frame = new byte[header + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    if (header == 2) {
      frame[1] = (byte) payload.length;
    } else {
      frame[1] = 126;
      frame[2] = (byte) (payload.length >>> 8);
      frame[3] = (byte) payload.length;
    }
    System.arraycopy(payload, 0, frame, header, payload.length);
    return frame;
  }
}
