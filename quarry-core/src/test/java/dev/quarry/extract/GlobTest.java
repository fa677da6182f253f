package dev.quarry.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
      "'**/openapi*.{yaml,yml,json}', backend/openapi.yaml, true",
      "'**/openapi*.{yaml,yml,json}', openapi.json, true",
      "'**/openapi*.{yaml,yml,json}', backend/openapi.txt, false",
      "backend/app/db/**, backend/app/db/pool.py, true",
      "backend/app/db/**, backend/app/dbx/pool.py, false",
      "*.md, docs/guide/intro.md, true",
      "src/*.ts, src/a/b.ts, false",
      "src/?.ts, src/a.ts, true",
      "**/vector*, backend/app/vectors.py, true",
  })
  void matchesPathsLikeGitignoreGlobs(String glob, String path, boolean expected) {
    assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
  }
}
