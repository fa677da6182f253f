package dev.quarry.extract.code;

/**
 * A top-level definition of a file, as another file's example needs it (e.g. the code under test).
 *
 * @param name the name
 * @param kind {@code function}, {@code class}, {@code hook} …
 * @param path the file it is in
 * @param line its first line, 1-based
 * @param signature its signature (for a class, the header and its public method signatures)
 * @param summary the first paragraph of its documentation, or ""
 */
public record Definition(String name, String kind, String path, int line, String signature, String summary) {}
