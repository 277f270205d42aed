/**
 * Decision tables: a policy evaluated on every cell of a fact space, written in full or compacted
 * into rows, and diffs between two policies of one gateway family. Not part of the public API:
 * exported only to the command-line tool, whose {@code table} and {@code diff} commands are how a
 * user reads them; the engine's tests keep the golden tables of {@code docs/tables/} with it.
 */
@NullMarked
package dev.connectpolicy.engine.table;

import org.jspecify.annotations.NullMarked;
