package dev.connectpolicy.examples.gateway;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway writes its one line per connection: how the connection was decided (or what
 * ended it before a decision), then how it closed. No line holds a token, a password, a signature
 * or a nonce.
 *
 * <pre>{@code
 * conn=5f0c... remote=127.0.0.1 accepted as node with scopes [], pairing paired, by pairing.paired; closed 1000
 * conn=- remote=127.0.0.1 closed: handshake timeout before the upgrade after 10000 ms
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionLog {

  /**
   * Writes one line.
   *
   * @param line the line, without a line break
   */
  void line(String line);

  /**
   * Writes the line of one connection.
   *
   * @param connId the connection's id, or {@code -} for a connection that never became a WebSocket
   * @param remoteAddress the peer's address
   * @param what how it was decided and closed
   */
  default void connection(String connId, String remoteAddress, String what) {
    line("conn=" + connId + " remote=" + remoteAddress + " " + what);
  }

  /**
   * The default: SLF4J, at level INFO, as the logger of {@link Gateway}.
   *
   * @return the log
   */
  static ConnectionLog slf4j() {
    Logger logger = LoggerFactory.getLogger(Gateway.class);
    return logger::info;
  }

  /**
   * Text a client chose (a close reason), made safe for one log line: control characters and
   * backslashes escaped.
   *
   * @param text the text
   * @return the text, escaped
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
