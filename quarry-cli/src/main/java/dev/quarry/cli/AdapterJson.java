package dev.quarry.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.registry.Adapter;
import dev.quarry.registry.WeightFile;

/** The JSON form of a registered adapter for {@code registry list/show --json}. */
final class AdapterJson {
  private AdapterJson() {}

  static ObjectNode of(Adapter a) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", a.name()).put("stage", a.stage().wire()).put("path", a.path())
        .put("base_model", a.config().baseModel()).put("peft_type", a.config().peftType())
        .put("rank", a.config().rank()).put("alpha", a.config().alpha());
    ArrayNode t = o.putArray("target_modules");
    a.config().targetModules().forEach(t::add);
    o.put("config_sha256", a.config().sha256()).put("weights_sha256", a.weightsSha256());
    ArrayNode w = o.putArray("weights");
    for (WeightFile f : a.weights()) {
      w.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256());
    }
    ObjectNode l = o.putObject("lineage");
    l.put("manifest", a.lineage().manifestPath()).put("manifest_sha256", a.lineage().manifestSha256())
        .put("tool_version", a.lineage().toolVersion()).put("config_hash", a.lineage().configHash());
    ObjectNode files = l.putObject("files");
    a.lineage().files().forEach(files::put);
    if (a.eval() == null) {
      o.putNull("eval");
    } else {
      ObjectNode e = o.putObject("eval");
      e.put("report_sha256", a.eval().reportSha256()).put("model", a.eval().model()).put("baseline", a.eval().baseline())
          .put("score", a.eval().score()).put("items", a.eval().items()).put("failures", a.eval().failures());
      a.eval().baselineScoreIfAny().ifPresent(s -> e.put("baseline_score", s));
      ObjectNode c = e.putObject("categories");
      a.eval().categories().forEach(c::put);
    }
    o.put("registered_at", a.registeredAt());
    return o;
  }
}
