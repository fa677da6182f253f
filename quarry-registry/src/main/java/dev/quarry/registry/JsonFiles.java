package dev.quarry.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.InputException;
import dev.quarry.io.Hashing;
import dev.quarry.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/** Reads the JSON files the registry records (manifests, eval reports) together with their SHA-256. */
final class JsonFiles {
  /** A parsed file and the hash of its bytes. */
  record Hashed(JsonNode json, String sha256) {}

  private JsonFiles() {}

  static Hashed read(Path file, String what, String fix) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, "no such " + what, fix);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read " + what + ": " + e.getMessage(), "check the permissions");
    }
    try {
      JsonNode n = Json.mapper().readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new InputException(file.toString(), 0, what + " is not a JSON object", fix);
      }
      return new Hashed(n, HexFormat.of().formatHex(Hashing.digest().digest(bytes)));
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          what + " is not valid JSON: " + e.getOriginalMessage(), fix);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read " + what + ": " + e.getMessage(), fix);
    }
  }
}
