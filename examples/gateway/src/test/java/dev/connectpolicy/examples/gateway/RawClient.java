package dev.connectpolicy.examples.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client on a plain {@link Socket}, for what the JDK's WebSocket client will not send: an HTTP
 * request byte by byte, frames with any header, a message left unfinished. Every read is bounded by
 * {@link TestClient#WAIT}.
 */
final class RawClient implements AutoCloseable {

  /** A frame received: opcode and payload. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** An HTTP response: status, headers by lower-case name, body. */
  record Response(int status, Map<String, String> headers, String body) {}

  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static RawClient connect(int port) throws IOException {
    return connect(port, "127.0.0.1");
  }

  /** A client bound to a loopback address of its own, such as {@code 127.0.0.2}. */
  static RawClient connect(int port, String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(from, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TestClient.WAIT.toMillis());
    socket.setSoTimeout((int) TestClient.WAIT.toMillis());
    socket.setTcpNoDelay(true);
    return new RawClient(socket);
  }

  /** The upgrade request of a WebSocket client, with extra headers. */
  static String upgradeRequest(int port, Map<String, String> headers) {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    StringBuilder request =
        new StringBuilder("GET / HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13")
            .append("\r\nSec-WebSocket-Key: ")
            .append(Base64.getEncoder().encodeToString(key))
            .append("\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    return request.append("\r\n").toString();
  }

  void write(String ascii) throws IOException {
    out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Sends the upgrade request and reads the response's status line and headers. */
  Response upgrade(int port, Map<String, String> headers) throws IOException {
    write(upgradeRequest(port, headers));
    return readResponse();
  }

  /** Reads an HTTP response; the body as long as its Content-Length says, if it has one. */
  Response readResponse() throws IOException {
    String status = line();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).strip());
    }
    String body = "";
    String length = headers.get("content-length");
    if (length != null) {
      body = new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }
    return new Response(Integer.parseInt(status.split(" ")[1]), headers, body);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the middle of an HTTP response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** Sends a masked frame whose whole payload follows its header. */
  void frame(int opcode, boolean fin, byte[] payload) throws IOException {
    header(opcode, fin, payload.length);
    out.write(payload); // masked with the zero key the header carries
    out.flush();
  }

  /**
   * Sends a masked frame header declaring a payload length; the payload, if any, follows with
   * {@link #payload}.
   */
  void header(int opcode, boolean fin, long length) throws IOException {
    out.write((fin ? 0x80 : 0) | opcode);
    if (length < 126) {
      out.write(0x80 | (int) length);
    } else if (length <= 0xFFFF) {
      out.write(0x80 | 126);
      out.write((int) (length >> 8));
      out.write((int) length);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >> shift));
      }
    }
    out.write(new byte[4]); // the masking key 0: the payload is sent as it is
  }

  /** Sends payload bytes of a frame whose header is sent. */
  void payload(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends an unmasked frame, which a server must refuse (RFC 6455 section 5.1). */
  void unmaskedFrame(int opcode, byte[] payload) throws IOException {
    out.write(0x80 | opcode);
    out.write(payload.length);
    out.write(payload);
    out.flush();
  }

  /** Reads the next frame from the gateway. */
  Frame readFrame() throws IOException {
    int first = readByte();
    int second = readByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = ((long) readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte();
      }
    }
    return new Frame(first & 0x0F, in.readNBytes((int) length));
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("connection closed");
    }
    return b;
  }

  /** Reads frames up to the close frame, and returns its code and reason. */
  TestClient.Closed awaitClose() throws IOException {
    for (Frame frame = readFrame(); ; frame = readFrame()) {
      if (frame.opcode() == CLOSE) {
        byte[] payload = frame.payload();
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        return new TestClient.Closed(
            code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Whether the gateway closes the TCP connection within {@link TestClient#WAIT}, whatever it sends
   * first.
   */
  boolean isClosedByPeer() throws IOException {
    try {
      while (in.read() >= 0) {
        // drain what the gateway sends before closing
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
