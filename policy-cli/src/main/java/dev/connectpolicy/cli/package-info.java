/**
 * The command-line tool {@code connect-policy} ({@code java -jar connect-policy.jar}), on picocli.
 * Not exported; {@link dev.connectpolicy.cli.Main} is the entry point.
 */
@NullMarked
package dev.connectpolicy.cli;

import org.jspecify.annotations.NullMarked;
