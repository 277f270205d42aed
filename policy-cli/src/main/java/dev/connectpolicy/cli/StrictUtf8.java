package dev.connectpolicy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.connectpolicy.api.InvalidContextException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes a line as UTF-8, strictly: an undecodable byte (a malformed or overlong sequence, an
 * encoded surrogate, a truncated sequence) is an {@link InvalidContextException} naming the JSON
 * field it sits in where the bytes before it say so, never a replacement character. Two different
 * byte strings never decode to the same text.
 */
final class StrictUtf8 {

  private static final JsonFactory JSON = new JsonFactory();

  private StrictUtf8() {}

  static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      String field = fieldAt(bytes, offset);
      throw new InvalidContextException(
          field,
          (field.isEmpty() ? "input" : "field `" + field + "`")
              + " is not valid UTF-8 (byte offset "
              + offset
              + ")");
    }
    return out.flip().toString();
  }

  /**
   * The dotted path of the field whose value holds the byte at {@code offset}, from the JSON before
   * it (valid UTF-8, since decoding stopped there); empty when it is not inside a field's value.
   */
  static String fieldAt(byte[] bytes, int offset) {
    Deque<String> path = new ArrayDeque<>();
    try (JsonParser parser = JSON.createParser(bytes, 0, offset)) {
      JsonToken last = null;
      try {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          last = token;
        }
      } catch (IOException endOfPrefix) {
        // the prefix ends inside a token: where the undecodable byte is
      }
      JsonStreamContext context = parser.getParsingContext();
      boolean inValue =
          last == JsonToken.FIELD_NAME || context.inArray() || last == JsonToken.START_ARRAY;
      if (!inValue && context.inObject()) {
        context = context.getParent();
      }
      for (; context != null && !context.inRoot(); context = context.getParent()) {
        if (context.inObject() && context.getCurrentName() != null) {
          path.addFirst(context.getCurrentName());
        }
      }
    } catch (IOException unreadable) {
      return "";
    }
    return String.join(".", path);
  }
}
