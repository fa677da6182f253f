package dev.quarry.extract.hooks;

import java.util.List;

/**
 * An exported hook or composable.
 *
 * @param name its name ({@code useToggle})
 * @param framework {@code react}, {@code vue} or {@code svelte}
 * @param defaultExport whether it is the module's default export
 * @param signature its signature as written
 * @param typeParameters its type parameters as written ({@code <T extends X>}), or ""
 * @param params its parameters
 * @param shape {@code array}, {@code object}, {@code value} or {@code none}: what its last return statement
 *     returns
 * @param returned the names of the returned elements or keys, in order (empty for {@code value})
 * @param summary the first paragraph of its doc comment, or ""
 */
record Hook(String name, String framework, boolean defaultExport, String signature, String typeParameters,
    List<Param> params,
    String shape, List<String> returned, String summary) {
  /**
   * A parameter.
   *
   * @param name the name (for a destructured parameter, {@code options})
   * @param type its type annotation without the colon, or ""
   * @param optional whether it may be left out (question mark or default value)
   */
  record Param(String name, String type, boolean optional) {}

  Hook {
    params = List.copyOf(params);
    returned = List.copyOf(returned);
  }
}
