package dev.quarry.train;

import java.nio.file.Path;

/**
 * A data file a trainer config reads.
 *
 * @param split {@code train} or {@code validation}
 * @param path the file, resolved against the config's folder
 * @param format what each line must be: {@code openai} ({@code messages}), {@code sharegpt}
 *     ({@code conversations}) or {@code alpaca} ({@code instruction}/{@code output})
 * @param declaredAs how the config names it, for messages
 */
public record DataFile(String split, Path path, String format, String declaredAs) {}
