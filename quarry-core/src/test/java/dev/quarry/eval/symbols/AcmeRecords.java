package dev.quarry.eval.symbols;

import dev.quarry.io.JsonlReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test fixture of records extracted from the Acme demo platform (its SDK hooks, client and two routes). */
public final class AcmeRecords {
  private AcmeRecords() {}

  /** The fixture file. */
  public static Path file() {
    try {
      return Path.of(AcmeRecords.class.getResource("/eval/acme/extracted.jsonl").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The index built from the fixture. */
  public static SymbolIndex index() {
    try (Stream<dev.quarry.model.Example> s = JsonlReader.examples(file())) {
      return SymbolIndex.build(s);
    }
  }
}
