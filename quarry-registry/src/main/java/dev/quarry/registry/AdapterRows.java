package dev.quarry.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.io.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps an {@link Adapter} to a row of the {@code adapters} table and back; nested values are JSON text. */
final class AdapterRows {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AdapterRows() {}

  static void bind(PreparedStatement ps, Adapter a) throws SQLException {
    int i = 1;
    ps.setString(i++, a.name());
    ps.setString(i++, a.path());
    ps.setString(i++, a.config().baseModel());
    ps.setString(i++, a.config().peftType());
    ps.setInt(i++, a.config().rank());
    ps.setDouble(i++, a.config().alpha());
    ArrayNode targets = F.arrayNode();
    a.config().targetModules().forEach(targets::add);
    ps.setString(i++, targets.toString());
    ps.setString(i++, a.config().sha256());
    ArrayNode weights = F.arrayNode();
    a.weights().forEach(w -> weights.addObject().put("name", w.name()).put("bytes", w.bytes()).put("sha256", w.sha256()));
    ps.setString(i++, weights.toString());
    ps.setString(i++, a.weightsSha256());
    ps.setString(i++, a.lineage().manifestPath());
    ps.setString(i++, a.lineage().manifestSha256());
    ps.setString(i++, a.lineage().toolVersion());
    ps.setString(i++, a.lineage().configHash());
    ObjectNode files = F.objectNode();
    a.lineage().files().forEach(files::put);
    ps.setString(i++, files.toString());
    ps.setString(i++, a.eval() == null ? null : evalJson(a.eval()).toString());
    ps.setString(i++, a.stage().wire());
    ps.setString(i, a.registeredAt());
  }

  static Adapter read(ResultSet rs) throws SQLException {
    List<String> targets = new ArrayList<>();
    json(rs.getString("target_modules")).forEach(t -> targets.add(t.asText()));
    AdapterConfig config = new AdapterConfig(rs.getString("base_model"), rs.getInt("rank"), rs.getDouble("alpha"),
        targets, rs.getString("peft_type"), rs.getString("config_sha256"));
    List<WeightFile> weights = new ArrayList<>();
    for (JsonNode w : json(rs.getString("weights"))) {
      weights.add(new WeightFile(w.path("name").asText(), w.path("bytes").asLong(), w.path("sha256").asText()));
    }
    Lineage lineage = new Lineage(rs.getString("manifest_path"), rs.getString("manifest_sha256"),
        rs.getString("tool_version"), rs.getString("config_hash"), strings(json(rs.getString("dataset_files"))));
    String eval = rs.getString("eval");
    return new Adapter(rs.getString("name"), rs.getString("adapter_dir"), config, weights, rs.getString("weights_sha256"),
        lineage, eval == null ? null : evalFrom(json(eval)), Stage.parse(rs.getString("stage")),
        rs.getString("registered_at"));
  }

  static ObjectNode evalJson(EvalSummary e) {
    ObjectNode o = F.objectNode().put("report_sha256", e.reportSha256()).put("model", e.model())
        .put("baseline", e.baseline()).put("score", e.score());
    if (e.baselineScoreIfAny().isPresent()) {
      o.put("baseline_score", e.baselineScore());
    }
    o.put("items", e.items()).put("failures", e.failures());
    ObjectNode cats = o.putObject("categories");
    e.categories().forEach(cats::put);
    return o;
  }

  private static EvalSummary evalFrom(JsonNode n) {
    Map<String, Double> cats = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("categories").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      cats.put(e.getKey(), e.getValue().asDouble());
    }
    return new EvalSummary(n.path("report_sha256").asText(), n.path("model").asText(), n.path("baseline").asText(),
        n.path("score").asDouble(), n.has("baseline_score") ? n.path("baseline_score").asDouble() : Double.NaN,
        n.path("items").asInt(), n.path("failures").asInt(), cats);
  }

  private static Map<String, String> strings(JsonNode o) {
    Map<String, String> m = new TreeMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  private static JsonNode json(String text) throws SQLException {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored JSON column is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
