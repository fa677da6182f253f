package dev.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ConfigException;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  @Test
  void emptyConfigGivesTheEightDefaultCategories() {
    QuarryConfig c = ConfigLoader.parse("quarry.yaml", "");
    assertThat(c.categoryNames()).containsExactlyElementsOf(QuarryConfig.DEFAULT_CATEGORIES);
    assertThat(c.split()).isEqualTo(SplitSettings.defaults());
    assertThat(c.train().epochs()).isEqualTo(4);
    assertThat(c.train().learningRate()).isEqualTo(2e-4);
  }

  @Test
  void unknownTopLevelKeyNamesTheKeyItsLineAndTheNearestValidKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("quarry.yaml", "project: x\ncategorie:\n  sdk: {}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("quarry.yaml:2: unknown key \"categorie\" (did you mean \"categories\"?)");
  }

  @Test
  void unknownNestedKeyNamesTheFullPathAndLine() {
    String yaml = "categories:\n  database:\n    paths: [\"db/**\"]\n    targt: 40\n";
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessage("q.yaml:4: unknown key \"categories.database.targt\" (did you mean \"target\"?)");
  }

  @Test
  void unknownExtractorNamesTheNearestExtractor() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "extractors:\n  openap: {specs: [a.yaml]}\n"))
        .hasMessage("q.yaml:2: unknown key \"extractors.openap\" (did you mean \"openapi\"?)");
  }

  @Test
  void wildlyWrongKeyListsTheValidKeys() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "split:\n  zzzzzzzz: 1\n"))
        .hasMessage("q.yaml:2: unknown key \"split.zzzzzzzz\" (valid keys here: validation, test, seed)");
  }

  @Test
  void wrongValueTypeNamesTheValueAndTheExpectedForm() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "train:\n  epochs: four\n"))
        .hasMessage("q.yaml:2: \"train.epochs\" has the bad value \"four\" (expected a whole number >= 0)");
  }

  @Test
  void invalidYamlNamesTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "project: x\ncategories: [\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("q.yaml:").hasMessageContaining("invalid YAML");
  }

  @Test
  void exponentLearningRateWrittenAsYamlStringIsANumber() {
    assertThat(ConfigLoader.parse("q.yaml", "train: {learning_rate: 2e-4}\n").train().learningRate()).isEqualTo(2e-4);
  }

  @Test
  void configuredCategoriesComeFirstAndDefaultsStayAvailable() {
    QuarryConfig c = ConfigLoader.parse("q.yaml", "categories:\n  database: {paths: [\"db/**\"], target: 40}\n  infra: {}\n");
    assertThat(c.categoryNames()).startsWith("database", "infra").contains("api-client", "standards").hasSize(9);
    assertThat(c.category("database").orElseThrow().target()).isEqualTo(40);
  }

  @Test
  void splitSharesMustLeaveATrainingSplit() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "split: {validation: 0.6, test: 0.5}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sum to less than 1");
  }

  @Test
  void anInvalidValueIsReportedAtTheLineOfItsKey() {
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "project: x\nsplit: {validation: 0.6, test: 0.5}\n"))
        .hasMessageStartingWith("q.yaml:2: split shares validation 0.6 + test 0.5 are invalid");
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "project: x\nsplit:\n  seed: 1\n  test: 1.5\n"))
        .hasMessageStartingWith("q.yaml:4: split shares");
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "dedup:\n  threshold: 0.9\n  mode: fuzzy\n"))
        .hasMessage("q.yaml:3: dedup.mode \"fuzzy\" is not valid (use none, exact or near)");
    assertThatThrownBy(() -> ConfigLoader.parse("q.yaml", "project: x\n\ndedup: {threshold: 2}\n"))
        .hasMessageStartingWith("q.yaml:3: dedup.threshold 2.0 is out of range");
  }

  @Test
  void configHashChangesWithContentNotWithKeyOrder() {
    String a = ConfigLoader.parse("q", "project: x\nsplit: {seed: 1}\n").hash();
    String b = ConfigLoader.parse("q", "split: {seed: 1}\nproject: x\n").hash();
    String c = ConfigLoader.parse("q", "split: {seed: 2}\nproject: x\n").hash();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }
}
