package dev.connectpolicy.engine.evidence.internal;

import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Base64 decoding as the device proof needs it: the URL-safe alphabet first (the wire form), the
 * standard alphabet as a fallback (OpenClaw's verifier falls back to standard base64), padding
 * optional in both. Mixed alphabets, white space and stray characters are refused.
 */
public final class Base64Text {

  private Base64Text() {}

  /**
   * Decodes base64url, else standard base64.
   *
   * @param text the encoded bytes
   * @return the bytes, or null if {@code text} is neither
   */
  public static byte @Nullable [] decode(String text) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException notUrlSafe) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
  }

  /**
   * Encodes base64url without padding, the wire form of keys and signatures.
   *
   * @param bytes the bytes
   * @return the text
   */
  public static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
