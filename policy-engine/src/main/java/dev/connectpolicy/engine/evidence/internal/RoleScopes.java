package dev.connectpolicy.engine.evidence.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenClaw's {@code roleScopesAllow} (reference section 2.7): whether approved scopes cover
 * requested ones. Every requested scope, trimmed, blanks ignored, must be covered:
 *
 * <ul>
 *   <li>for {@code operator}: an {@code operator.*} scope granted as such, or {@code
 *       operator.admin} granted, or {@code operator.write} granted and the scope one of {@code
 *       operator.read}, {@code operator.talk}, {@code operator.sessions.read}, {@code
 *       operator.sessions.write}, {@code operator.sessions.archive}, or {@code
 *       operator.sessions.read} requested and {@code operator.read} or {@code
 *       operator.sessions.write} granted;
 *   <li>for any other role: the scope starts with {@code role.} and is granted.
 * </ul>
 */
public final class RoleScopes {

  private static final String ADMIN = "operator.admin";
  private static final String READ = "operator.read";
  private static final String WRITE = "operator.write";
  private static final String SESSIONS_READ = "operator.sessions.read";
  private static final String SESSIONS_WRITE = "operator.sessions.write";

  private static final List<String> IMPLIED_BY_WRITE =
      List.of(READ, "operator.talk", SESSIONS_READ, SESSIONS_WRITE, "operator.sessions.archive");

  private RoleScopes() {}

  /**
   * Tells whether {@code allowed} covers every scope of {@code requested} for {@code role}.
   *
   * @param role the role (trimmed before use)
   * @param requested the requested scopes
   * @param allowed the approved scopes
   * @return true if every requested scope is covered
   */
  public static boolean allow(String role, List<String> requested, List<String> allowed) {
    String trimmedRole = JsText.trim(role);
    List<String> granted = new ArrayList<>(allowed.size());
    for (String scope : allowed) {
      granted.add(JsText.trim(scope));
    }
    for (String scope : requested) {
      String wanted = JsText.trim(scope);
      if (wanted.isEmpty()) {
        continue;
      }
      boolean covered =
          trimmedRole.equals("operator")
              ? operatorCovered(wanted, granted)
              : wanted.startsWith(trimmedRole + ".") && granted.contains(wanted);
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private static boolean operatorCovered(String wanted, List<String> granted) {
    if (!wanted.startsWith("operator.")) {
      return false;
    }
    return granted.contains(wanted)
        || granted.contains(ADMIN)
        || (IMPLIED_BY_WRITE.contains(wanted) && granted.contains(WRITE))
        || (wanted.equals(SESSIONS_READ)
            && (granted.contains(READ) || granted.contains(SESSIONS_WRITE)));
  }
}
