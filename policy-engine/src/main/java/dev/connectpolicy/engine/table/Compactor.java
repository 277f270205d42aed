package dev.connectpolicy.engine.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns labelled cells into a short ordered list of patterns, exactly: the first pattern that
 * matches a cell carries the cell's label, and a cell labelled {@link #OMIT} matches no pattern.
 *
 * <p>Labels are covered one after the other, in the order given (the order in which the policy's
 * rules decide). Once a label is covered its cells are decided, so later patterns may match them:
 * that is what keeps the list short, as a policy's later rules need not repeat the conditions of
 * earlier ones. Each pattern grows from one undecided cell into a maximal pattern that matches no
 * cell still waiting for another label and no omitted cell: first every column that can become "any
 * value" does, then each remaining column takes every value it can; of two growth orders the one
 * that decides more cells is kept.
 *
 * <p>Cell sets are bit sets; all work buffers are allocated once per compactor.
 */
final class Compactor {

  /** The label of a cell that no pattern may match. */
  static final int OMIT = -1;

  /** A pattern: for each column, a bit set of allowed value indices, or 0 for any value. */
  record Pattern(long[] masks, int label, long cells) {}

  private final byte[][] columns;
  private final int[] valueCounts;
  private final int cellCount;
  private final int words;
  private final int n;

  /** For each column and value, the cells holding it. */
  private final long[][][] valueCells;

  /** Work buffers: products of the columns after each position, and scratch sets. */
  private final long[][] after;

  private final long[] before;
  private final long[] slab;
  private final long[] column;

  /**
   * @param columns for each column, the value index of every cell
   * @param valueCounts for each column, how many values it has (at most 64)
   */
  Compactor(byte[][] columns, int[] valueCounts) {
    this.columns = columns;
    this.valueCounts = valueCounts;
    this.n = columns.length;
    this.cellCount = columns[0].length;
    this.words = (cellCount + 63) >>> 6;
    this.valueCells = new long[n][][];
    for (int c = 0; c < n; c++) {
      if (valueCounts[c] > 64) {
        throw new IllegalArgumentException("a table column may have at most 64 values");
      }
      valueCells[c] = new long[valueCounts[c]][words];
      for (int cell = 0; cell < cellCount; cell++) {
        valueCells[c][columns[c][cell]][cell >>> 6] |= 1L << cell;
      }
    }
    this.after = new long[n + 1][words];
    this.before = new long[words];
    this.slab = new long[words];
    this.column = new long[words];
  }

  /**
   * For each column and value index, the bit set of the cells holding that value; read-only, so it
   * may be read while no pattern is being grown.
   *
   * @return the sets, indexed by column, then value
   */
  long[][][] valueCells() {
    return valueCells;
  }

  /**
   * Covers the labels in the given order.
   *
   * @param labels the label of every cell, or {@link #OMIT}
   * @param order every label that occurs, in the order to cover them
   * @return the patterns, in first-match order
   */
  List<Pattern> compact(int[] labels, int[] order) {
    long[] undecided = new long[words];
    long[] omitted = new long[words];
    for (int cell = 0; cell < cellCount; cell++) {
      if (labels[cell] == OMIT) {
        omitted[cell >>> 6] |= 1L << cell;
      } else {
        undecided[cell >>> 6] |= 1L << cell;
      }
    }
    int[][] cellsByLabel = cellsByLabel(labels, order);
    List<Pattern> patterns = new ArrayList<>();
    long[] mine = new long[words];
    long[] blocking = new long[words];
    long[] matched = new long[words];
    for (int i = 0; i < order.length; i++) {
      Arrays.fill(mine, 0L);
      for (int cell : cellsByLabel[i]) {
        mine[cell >>> 6] |= 1L << cell;
      }
      for (int w = 0; w < words; w++) {
        blocking[w] = (undecided[w] & ~mine[w]) | omitted[w];
      }
      int seed = 0;
      while ((seed = firstCommon(mine, undecided, seed >>> 6)) >= 0) {
        long[] masks = null;
        long best = -1;
        for (boolean lastColumnsFirst : new boolean[] {true, false}) {
          long[] candidate = grow(seed, blocking, lastColumnsFirst);
          matching(candidate, matched);
          long covered = 0;
          for (int w = 0; w < words; w++) {
            covered += Long.bitCount(matched[w] & mine[w] & undecided[w]);
          }
          if (covered > best) {
            best = covered;
            masks = candidate;
          }
        }
        matching(masks, matched);
        long cells = 0;
        for (int w = 0; w < words; w++) {
          matched[w] &= undecided[w];
          cells += Long.bitCount(matched[w]);
          undecided[w] &= ~matched[w];
        }
        patterns.add(new Pattern(shrink(masks, matched), order[i], cells));
      }
    }
    return patterns;
  }

  /** The cells of each label of {@code order}, in one pass over the cells. */
  private int[][] cellsByLabel(int[] labels, int[] order) {
    int largest = -1;
    for (int label : order) {
      largest = Math.max(largest, label);
    }
    int[] position = new int[largest + 1];
    Arrays.fill(position, -1);
    for (int i = 0; i < order.length; i++) {
      position[order[i]] = i;
    }
    int[] counts = new int[order.length];
    for (int label : labels) {
      if (label != OMIT && label <= largest && position[label] >= 0) {
        counts[position[label]]++;
      }
    }
    int[][] cells = new int[order.length][];
    for (int i = 0; i < order.length; i++) {
      cells[i] = new int[counts[i]];
    }
    int[] filled = new int[order.length];
    for (int cell = 0; cell < cellCount; cell++) {
      int label = labels[cell];
      if (label != OMIT && label <= largest && position[label] >= 0) {
        int i = position[label];
        cells[i][filled[i]++] = cell;
      }
    }
    return cells;
  }

  /** The first cell in both sets, looking from word {@code from} on (earlier words are empty). */
  private int firstCommon(long[] a, long[] b, int from) {
    for (int w = from; w < words; w++) {
      long both = a[w] & b[w];
      if (both != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(both);
      }
    }
    return -1;
  }

  /** Grows the single-cell pattern of {@code seed} as far as no blocking cell is matched. */
  private long[] grow(int seed, long[] blocking, boolean lastColumnsFirst) {
    long[] masks = new long[n];
    for (int c = 0; c < n; c++) {
      masks[c] = 1L << columns[c][seed];
    }
    boolean[] settled = new boolean[n];
    sweep(masks, blocking, lastColumnsFirst, true, settled);
    sweep(masks, blocking, false, false, settled);
    return masks;
  }

  /**
   * Visits the columns in one direction; each unsettled column becomes "any value" if nothing
   * blocks that ({@code anyOnly}), or takes every unblocked value. The cells matching all columns
   * but the visited one are a running product on one side times a precomputed product on the other,
   * so a sweep costs a few passes over the cells, not one per pair of columns.
   */
  private void sweep(
      long[] masks, long[] blocking, boolean backwards, boolean anyOnly, boolean[] settled) {
    fillOnes(after[n]);
    for (int i = n - 1; i >= 0; i--) {
      int c = backwards ? n - 1 - i : i;
      cellsOf(c, masks[c], column);
      and(after[i + 1], column, after[i]);
    }
    fillOnes(before);
    for (int i = 0; i < n; i++) {
      int c = backwards ? n - 1 - i : i;
      if (!settled[c]) {
        and(before, after[i + 1], slab);
        long blocked = blockedValues(slab, c, blocking);
        if (!anyOnly) {
          masks[c] = full(c) & ~blocked;
        } else if (blocked == 0) {
          masks[c] = full(c);
          settled[c] = true;
        }
      }
      cellsOf(c, masks[c], column);
      and(before, column, before);
    }
  }

  private void fillOnes(long[] set) {
    Arrays.fill(set, -1L);
    if ((cellCount & 63) != 0) {
      set[words - 1] = (1L << (cellCount & 63)) - 1;
    }
  }

  private void and(long[] a, long[] b, long[] into) {
    for (int w = 0; w < words; w++) {
      into[w] = a[w] & b[w];
    }
  }

  /** Writes into {@code into} the cells whose value in column {@code c} is in {@code mask}. */
  private void cellsOf(int c, long mask, long[] into) {
    if (mask == 0 || mask == full(c)) {
      fillOnes(into);
      return;
    }
    long remaining = mask & (mask - 1);
    System.arraycopy(valueCells[c][Long.numberOfTrailingZeros(mask)], 0, into, 0, words);
    while (remaining != 0) {
      long[] holding = valueCells[c][Long.numberOfTrailingZeros(remaining)];
      for (int w = 0; w < words; w++) {
        into[w] |= holding[w];
      }
      remaining &= remaining - 1;
    }
  }

  /** The values of column {@code c} that some blocking cell among {@code slab} holds. */
  private long blockedValues(long[] slab, int c, long[] blocking) {
    long blocked = 0;
    long all = full(c);
    byte[] values = columns[c];
    for (int w = 0; w < words && blocked != all; w++) {
      long bits = slab[w] & blocking[w];
      while (bits != 0) {
        int cell = (w << 6) + Long.numberOfTrailingZeros(bits);
        blocked |= 1L << values[cell];
        bits &= bits - 1;
      }
    }
    return blocked;
  }

  /** Writes into {@code into} the cells matching {@code masks}. */
  private void matching(long[] masks, long[] into) {
    fillOnes(into);
    for (int c = 0; c < n; c++) {
      if (masks[c] != 0 && masks[c] != full(c)) {
        cellsOf(c, masks[c], column);
        and(into, column, into);
      }
    }
  }

  private long count(long[] set) {
    long total = 0;
    for (long word : set) {
      total += Long.bitCount(word);
    }
    return total;
  }

  private long full(int c) {
    return valueCounts[c] == 64 ? -1L : (1L << valueCounts[c]) - 1;
  }

  /**
   * Narrows every column to the values of the cells the pattern decides, so each row names only the
   * values it is about, then writes as 0 ("any") every column that matches no more cells of the
   * space when it allows every value. The cells narrowing drops were decided by earlier patterns,
   * so the list decides every cell as before.
   */
  private long[] shrink(long[] masks, long[] decided) {
    long[] normal = masks.clone();
    for (int c = 0; c < n; c++) {
      long present = 0;
      byte[] values = columns[c];
      for (int w = 0; w < words && present != normal[c]; w++) {
        long bits = decided[w];
        while (bits != 0) {
          present |= 1L << values[(w << 6) + Long.numberOfTrailingZeros(bits)];
          bits &= bits - 1;
        }
      }
      normal[c] &= present;
    }
    matching(normal, slab);
    long matched = count(slab);
    fillOnes(after[n]);
    for (int c = n - 1; c >= 0; c--) {
      cellsOf(c, normal[c], column);
      and(after[c + 1], column, after[c]);
    }
    fillOnes(before);
    for (int c = 0; c < n; c++) {
      and(before, after[c + 1], slab);
      if (normal[c] != full(c) && count(slab) == matched) {
        normal[c] = full(c);
      }
      cellsOf(c, normal[c], column);
      and(before, column, before);
      if (normal[c] == full(c)) {
        normal[c] = 0;
      }
    }
    return normal;
  }
}
