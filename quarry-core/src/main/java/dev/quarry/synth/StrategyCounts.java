package dev.quarry.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One strategy's counts: {@code requested == returned + rejected["request-failed"]}, and every returned sample is
 * kept, rejected with one reason, or {@code unneeded} (its instruction or category was already filled).
 *
 * @param requested generation requests
 * @param returned answers received (from the server or the cache)
 * @param rejected per reason code, sorted
 * @param unneeded valid samples not kept because their instruction or category was already filled
 * @param kept examples kept
 */
public record StrategyCounts(long requested, long returned, Map<String, Long> rejected, long unneeded, long kept) {
  /** Copies the map, sorted. */
  public StrategyCounts {
    rejected = Collections.unmodifiableMap(new TreeMap<>(rejected));
  }

  /** No counts. */
  public static StrategyCounts empty() {
    return new StrategyCounts(0, 0, Map.of(), 0, 0);
  }

  /** These counts plus {@code o}. */
  public StrategyCounts plus(StrategyCounts o) {
    Map<String, Long> r = new TreeMap<>(rejected);
    o.rejected.forEach((k, v) -> r.merge(k, v, Long::sum));
    return new StrategyCounts(requested + o.requested, returned + o.returned, r, unneeded + o.unneeded,
        kept + o.kept);
  }

  /** Rejections over all reasons. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code {requested, returned, rejected: {reason: n}, unneeded, kept}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("requested", requested).put("returned", returned);
    ObjectNode r = o.putObject("rejected");
    rejected.forEach(r::put);
    return o.put("unneeded", unneeded).put("kept", kept);
  }
}
