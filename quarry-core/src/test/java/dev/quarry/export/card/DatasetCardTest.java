package dev.quarry.export.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.quarry.io.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCardTest {
  private static final Path REPORTS = Path.of("src/test/resources/export/report/basic");

  private static CardInputs inputs(ObjectNode validation, ObjectNode distribution) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("train", 1200L);
    counts.put("validation", 150L);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("train", "parquet/data/train-00000-of-00001.parquet");
    files.put("validation", "parquet/data/validation-00000-of-00001.parquet");
    return new CardInputs("acme-platform", "apache-2.0", "1.2.3", "abc123", "acme-platform", "9c1e00", counts, files,
        List.of("openai", "parquet"), validation, distribution);
  }

  @Test
  void frontMatterIsAHuggingFaceCardHeader() throws Exception {
    String md = DatasetCard.render(inputs(null, null));
    assertThat(md).startsWith("---\n");
    String yaml = md.substring(4, md.indexOf("\n---\n", 4));
    JsonNode y = new YAMLMapper().readTree(yaml);
    assertThat(y.get("license").asText()).isEqualTo("apache-2.0");
    assertThat(y.get("task_categories").get(0).asText()).isEqualTo("text-generation");
    assertThat(y.get("size_categories").get(0).asText()).isEqualTo("1K<n<10K");
    JsonNode files = y.get("configs").get(0).get("data_files");
    assertThat(files.get(0).get("split").asText()).isEqualTo("train");
    assertThat(files.get(1).get("path").asText()).isEqualTo("parquet/data/validation-00000-of-00001.parquet");
    assertThat(y.get("dataset_info").get("splits").get(1).get("num_examples").asLong()).isEqualTo(150);
  }

  @Test
  void bodyStatesSourcesCategoriesValidationGapsAndBuild() throws Exception {
    ObjectNode v = (ObjectNode) Json.mapper().readTree(REPORTS.resolve("validation.json").toFile());
    ObjectNode d = (ObjectNode) Json.mapper().readTree(REPORTS.resolve("distribution.json").toFile());
    String md = DatasetCard.render(inputs(v, d));
    assertThat(md).contains("Repository: `acme-platform` at commit `9c1e00`.")
        .contains("| openapi | 1 |")
        .contains("| api-client | 1 | 40 |")
        .contains("Records checked: 8, accepted: 4, rejected: 4.")
        .contains("| secrets | 2 |")
        .contains("- api-client: 1 of 40, 39 missing")
        .doesNotContain("- testing:")
        .contains("Built by Quarry 1.2.3 (`quarry build`) with configuration hash `abc123`");
  }

  // huggingface_hub 0.36 DatasetCardData / the Hub's card validator: license "other" needs license_name (a
  // lower-case slug) and license_link (a URL or a file of the dataset repository), both strings.
  @Test
  void licenseOtherComesWithALicenseNameAndLink() throws Exception {
    CardInputs in = inputs(null, null);
    String md = DatasetCard.render(new CardInputs("Acme Platform", "other", "1.2.3", "abc", "acme", null,
        in.splitCounts(), in.dataFiles(), in.formats(), null, null));
    JsonNode y = new YAMLMapper().readTree(md.substring(4, md.indexOf("\n---\n", 4)));
    assertThat(y.get("license").asText()).isEqualTo("other");
    assertThat(y.get("license_name").isTextual()).isTrue();
    assertThat(y.get("license_name").asText()).isEqualTo("acme-platform-license").matches("[a-z0-9-]+");
    assertThat(y.get("license_link").asText()).isEqualTo("LICENSE");
    assertThat(new YAMLMapper().readTree(DatasetCard.render(inputs(null, null)).split("\n---\n")[0].substring(4))
        .has("license_name")).isFalse();
  }

  @Test
  void htmlInProjectAndCategoryNamesIsEscaped() throws Exception {
    ObjectNode d = (ObjectNode) Json.mapper().readTree(REPORTS.resolve("distribution.json").toFile());
    ObjectNode cats = d.with("categories");
    cats.set("<img src=x onerror=alert(1)>", cats.get(cats.fieldNames().next()));
    CardInputs in = inputs(null, d);
    String md = DatasetCard.render(new CardInputs("<script>alert(1)</script>", "mit", "1.2.3", "abc",
        "<b>repo</b>", null, in.splitCounts(), in.dataFiles(), in.formats(), null, d));
    String body = md.substring(md.indexOf("\n---\n", 4));
    assertThat(body).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>repo</b>` at")
        .contains("# &lt;script&gt;alert(1)&lt;/script&gt; code fine-tuning dataset")
        .contains("| &lt;img src=x onerror=alert(1)&gt; |");
  }

  @Test
  void missingReportsRenderAsNa() {
    String md = DatasetCard.render(inputs(null, null));
    assertThat(md).contains("Records checked: n/a, accepted: n/a, rejected: n/a.")
        .contains("n/a (no distribution report).");
  }

  @Test
  void sizeCategoriesFollowTheHubsBuckets() {
    assertThat(DatasetCard.sizeCategory(0)).isEqualTo("n<1K");
    assertThat(DatasetCard.sizeCategory(999)).isEqualTo("n<1K");
    assertThat(DatasetCard.sizeCategory(1000)).isEqualTo("1K<n<10K");
    assertThat(DatasetCard.sizeCategory(250_000)).isEqualTo("100K<n<1M");
  }
}
