/** The command-line tool ({@code java -jar connect-policy.jar}). Not exported. */
@NullMarked
package dev.connectpolicy.engine.cli;

import org.jspecify.annotations.NullMarked;
