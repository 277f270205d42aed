package dev.connectpolicy.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The gateway's connection log, collected for a test. */
final class LogLines implements ConnectionLog {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void line(String line) {
    lines.add(line);
  }

  /**
   * Waits until the log holds {@code count} lines, and returns them.
   *
   * @param count how many lines are expected
   * @return the lines
   * @throws InterruptedException if interrupted
   */
  List<String> await(int count) throws InterruptedException {
    long end = System.nanoTime() + TestClient.WAIT.toNanos();
    while (lines.size() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(lines).as("the connection log").hasSizeGreaterThanOrEqualTo(count);
    return List.copyOf(lines);
  }

  /**
   * Waits for exactly one line, and returns it after a pause in which no second line may come.
   *
   * @return the line
   * @throws InterruptedException if interrupted
   */
  String single() throws InterruptedException {
    String line = await(1).get(0);
    Thread.sleep(100);
    assertThat(lines).as("the connection log").hasSize(1);
    return line;
  }

  /** The lines so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }
}
