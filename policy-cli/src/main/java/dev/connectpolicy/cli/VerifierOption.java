package dev.connectpolicy.cli;

import dev.connectpolicy.engine.evidence.Ed25519Verifier;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --verifier bouncycastle|jdk} option of the commands that verify device signatures:
 * which library checks the Ed25519 signature of a device proof. Both give the same answer for every
 * input; the project's RFC 8032 checks run before either.
 */
final class VerifierOption {

  /** The option's values, in the order the help lists them; the first is the default. */
  static final List<String> NAMES = List.of("bouncycastle", "jdk");

  @Option(
      names = "--verifier",
      paramLabel = "NAME",
      defaultValue = "bouncycastle",
      converter = Names.class,
      completionCandidates = Names.class,
      description =
          "the library that verifies device signatures: bouncycastle (the default,"
              + " BouncyCastle's RFC 8032 Ed25519) or jdk (the JDK's own provider);"
              + " both answer alike")
  Ed25519Verifier verifier = Ed25519Verifier.defaultVerifier();

  /** The value's name, as the option takes it. */
  static String name(Ed25519Verifier verifier) {
    return switch (verifier) {
      case BOUNCY_CASTLE -> "bouncycastle";
      case JDK -> "jdk";
    };
  }

  /** Reads {@code bouncycastle} or {@code jdk}, case-insensitively. */
  static final class Names implements ITypeConverter<Ed25519Verifier>, Iterable<String> {

    @Override
    public Ed25519Verifier convert(String value) {
      for (Ed25519Verifier verifier : Ed25519Verifier.values()) {
        if (name(verifier).equals(value.toLowerCase(Locale.ROOT))) {
          return verifier;
        }
      }
      throw new TypeConversionException(
          "unknown verifier `" + value + "`: one of " + String.join(", ", NAMES));
    }

    @Override
    public Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}
