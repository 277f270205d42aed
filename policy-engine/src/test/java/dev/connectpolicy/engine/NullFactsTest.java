package dev.connectpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectpolicy.api.ConnectContext;
import dev.connectpolicy.api.Decision;
import dev.connectpolicy.api.FactSpace;
import dev.connectpolicy.api.InvalidContextException;
import dev.connectpolicy.api.Reject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * No single null fact turns a rejected cell into an acceptance: a context with a null fact cannot
 * be made at all, so neither the interpreter nor the compiled form ever sees one.
 */
class NullFactsTest {

  /** Every 101st cell: tens of thousands of constructions, in every region of the space. */
  private static final int STRIDE = 101;

  @Test
  void noSingleNullFactTurnsARejectedCellOfRecommendedIntoAnAcceptance() throws Exception {
    PolicyPipeline policy = ConnectPolicies.recommended();
    RecordComponent[] components = ConnectContext.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<ConnectContext> canonical = ConnectContext.class.getDeclaredConstructor(types);
    long rejected = 0;
    long refused = 0;
    Iterator<ConnectContext> cells = FactSpace.standard().iterator();
    for (long n = 0; cells.hasNext(); n++) {
      ConnectContext cell = cells.next();
      if (n % STRIDE != 0) {
        continue;
      }
      Decision decision = policy.evaluate(cell);
      if (!(decision instanceof Reject)) {
        continue;
      }
      rejected++;
      for (int i = 0; i < components.length; i++) {
        if (types[i].isPrimitive()) {
          continue;
        }
        Object[] arguments = new Object[components.length];
        for (int c = 0; c < components.length; c++) {
          arguments[c] = components[c].getAccessor().invoke(cell);
        }
        arguments[i] = null;
        String field = components[i].getName();
        try {
          construct(canonical, arguments);
          throw new AssertionError(cell + " with a null " + field + " was made");
        } catch (InvalidContextException invalid) {
          assertThat(invalid.field()).as("%s with a null %s", cell, field).isEqualTo(field);
        }
        refused++;
      }
    }
    assertThat(rejected).isGreaterThan(1_000);
    assertThat(refused).isGreaterThan(rejected * 10);
  }

  private static void construct(Constructor<ConnectContext> canonical, Object[] arguments)
      throws ReflectiveOperationException {
    try {
      canonical.newInstance(arguments);
    } catch (InvocationTargetException thrown) {
      if (thrown.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw thrown;
    }
  }
}
