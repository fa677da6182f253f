package dev.quarry.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quarry.model.Example;
import dev.quarry.model.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordStringsTest {
  private static Example record() {
    Example base = Records.answer("line one\nline two");
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.putObject("foo").putArray("bar").add(1).add("x").add("y");
    meta.put("n", 3);
    ObjectNode extraObj = JsonNodeFactory.instance.objectNode().put("k", "v");
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put("note", TextNode.valueOf("hello"));
    extra.put("obj", extraObj);
    return new Example(null, base.messages(), base.category(), base.language(),
        new Source("handcrafted", "acme", "docs/x.md", null, "Client.get", null), List.of("t0", "t1"), meta, extra);
  }

  @Test
  void listsEveryStringWithItsLocationInDocumentedOrder() {
    List<String> labels = RecordStrings.of(record()).stream()
        .map(f -> (f.key() ? "key:" : "") + f.location() + "=" + f.text()).toList();
    assertThat(labels).containsExactly("system=You are an expert engineer on the Acme platform.",
        "user=Write the client.", "assistant=line one\nline two", "category=api-client", "language=python",
        "source.extractor=handcrafted", "source.repo=acme", "source.path=docs/x.md", "source.symbol=Client.get",
        "tags[0]=t0", "tags[1]=t1", "key:meta.foo=foo", "key:meta.foo.bar=bar", "meta.foo.bar[1]=x", "meta.foo.bar[2]=y", "key:meta.n=n",
        "key:extra.note=note", "extra.note=hello", "key:extra.obj=obj", "key:extra.obj.k=k", "extra.obj.k=v");
  }

  @Test
  void locatesOffsetsByLineInMessagesAndMultiLineFields() {
    List<RecordStrings.Field> fields = RecordStrings.of(record());
    assertThat(fields.get(2).at(12)).isEqualTo("assistant:2");
    assertThat(fields.get(9).at(1)).isEqualTo("tags[0]");
    assertThat(new RecordStrings.Field(RecordStrings.Kind.META, false, "meta.a", "x\ny", -1).at(2))
        .isEqualTo("meta.a:2");
  }

  @Test
  void mapRewritesEveryFieldAndKeys() {
    Example e = record();
    Example m = RecordStrings.map(e, f -> f.kind() == RecordStrings.Kind.CATEGORY ? f.text() : f.text().replace("o", "0"));
    assertThat(m.category()).isEqualTo("api-client");
    assertThat(m.finalAnswer()).isEqualTo("line 0ne\nline tw0");
    assertThat(m.id()).isNotEqualTo(e.id());
    assertThat(m.source().symbol()).isEqualTo("Client.get");
    assertThat(m.tags()).containsExactly("t0", "t1");
    assertThat(m.meta().has("f00")).isTrue();
    assertThat(m.extra()).containsKeys("n0te", "0bj");
    assertThat(m.extra().get("0bj").path("k").asText()).isEqualTo("v");
  }

  @Test
  void mapReturnsSameInstanceWhenNothingChanges() {
    Example e = record();
    assertThat(RecordStrings.map(e, RecordStrings.Field::text)).isSameAs(e);
  }
}
