package dev.quarry.extract.history;

import dev.quarry.extract.code.Templates;
import dev.quarry.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the conversations of the history kinds from prepared changes, with the phrasings of the template
 * files under {@code /dev/quarry/extract/history/} (overridable per name in quarry.yaml). Everything said comes
 * from the commit: its message, its diff, the code before it and the test it changed; nothing is invented.
 */
final class HistoryExamples {
  /** Longest request text taken from a commit message, in characters. */
  static final int MAX_REQUEST = 1500;
  private final Templates templates;

  HistoryExamples(Templates templates) {
    this.templates = templates;
  }

  /**
   * An edit: the goal and the code before → what changes and why, and the diff; when the commit also changed a
   * test, a second turn asks for it and is answered with that test.
   */
  List<Message> edit(Change c) {
    List<Message> out = new ArrayList<>();
    out.add(Message.user(ask(c, "edit-ask")));
    out.add(Message.assistant(answer(c, false)));
    if (!c.tests().isEmpty()) {
      out.add(Message.user(templates.get("test-ask").fill(c.commit().sha(), values(c))));
      out.add(Message.assistant(testPart(c)));
    }
    return out;
  }

  /**
   * A fix: the failing behaviour and the code → the cause and the fix; when the commit also changed a test,
   * a second turn asks for the regression test and is answered with it.
   */
  List<Message> fix(Change c) {
    Map<String, String> v = values(c);
    String cause = c.message().body().isEmpty() ? templates.get("cause").fill(c.commit().sha(), v) : body(c);
    v.put("cause", cause);
    List<Message> out = new ArrayList<>();
    out.add(Message.user(ask(c, "fix-ask")));
    out.add(Message.assistant(templates.get("fix-answer").fill(c.commit().sha(), v)));
    if (!c.tests().isEmpty()) {
      out.add(Message.user(templates.get("fix-test-ask").fill(c.commit().sha(), v)));
      out.add(Message.assistant(testPart(c)));
    }
    return out;
  }

  /** A follow-up conversation: the first change as an edit, then the later commit's request and its answer. */
  List<Message> followUp(FollowUp f) {
    List<Message> out = new ArrayList<>(f.first().isFix() ? fix(f.first()) : edit(f.first()));
    Map<String, String> v = values(f.next());
    v.put("path", f.path());
    String next = f.next().message().subject();
    v.put("request", next.endsWith(".") ? next : next + ".");
    out.add(Message.user(templates.get("followup-ask").fill(f.next().commit().sha(), v)));
    out.add(Message.assistant(answer(f.next(), true)));
    return out;
  }

  /** A review: the first change's diff → the comment and the suggested change of the later commit. */
  List<Message> review(FollowUp f) {
    Change.Part reviewed = f.first().code(f.path());
    Change.Part fixed = f.next().code(f.path());
    Map<String, String> v = new TreeMap<>();
    v.put("subject", f.first().message().subject());
    v.put("path", f.path());
    v.put("diff", reviewed.diff().render());
    String key = f.first().commit().sha() + f.next().commit().sha();
    String ask = templates.get("review-ask").fill(key, v);
    v.put("comment", f.next().message().request().length() > MAX_REQUEST
        ? f.next().message().subject() : f.next().message().request());
    v.put("where", f.lines()[0] == f.lines()[1] ? "line " + f.lines()[0] : "lines " + f.lines()[0] + "-" + f.lines()[1]);
    v.put("diff", fixed.diff().render());
    return List.of(Message.user(ask), Message.assistant(templates.get("review-answer").fill(key, v)));
  }

  private String ask(Change c, String template) {
    Map<String, String> v = values(c);
    boolean anyShown = c.code().stream().anyMatch(p -> p.shown() != null);
    if (!anyShown) {
      return templates.get("edit-ask-new").fill(c.commit().sha(), v);
    }
    return templates.get(template).fill(c.commit().sha(), v);
  }

  private String answer(Change c, boolean withTest) {
    Map<String, String> v = values(c);
    v.put("why", c.message().body().isEmpty() ? templates.get("why").fill(c.commit().sha(), v) : body(c));
    v.put("test", withTest && !c.tests().isEmpty() ? "\n\n" + testPart(c) : "");
    return templates.get("edit-answer").fill(c.commit().sha(), v);
  }

  private String testPart(Change c) {
    Change.Part t = c.tests().get(0);
    Map<String, String> v = new TreeMap<>();
    v.put("test_path", t.path());
    v.put("language", t.language());
    if (t.shown() != null) {
      v.put("test", t.shown());
      return templates.get("test-part").fill(c.commit().sha(), v);
    }
    v.put("test_diff", t.diff().render());
    return templates.get("test-part-diff").fill(c.commit().sha(), v);
  }

  private Map<String, String> values(Change c) {
    Map<String, String> v = new TreeMap<>();
    // The body, when there is one, explains the change: it goes into the answer, the subject is the request.
    String subject = c.message().subject();
    v.put("request", subject.endsWith(".") ? subject : subject + ".");
    v.put("summary", summary(c.message().subject()));
    v.put("paths", quoted(c.code().stream().map(Change.Part::path).toList()));
    v.put("path", c.primary().path());
    v.put("changed", changed(c));
    StringBuilder context = new StringBuilder();
    StringBuilder diff = new StringBuilder();
    StringBuilder change = new StringBuilder();
    for (Change.Part p : c.code()) {
      Map<String, String> ch = new TreeMap<>();
      ch.put("path", p.path());
      ch.put("language", p.language());
      ch.put("diff", p.diff().render());
      ch.put("code", p.created() == null ? "" : p.created());
      change.append(change.length() == 0 ? "" : "\n\n")
          .append(templates.get(p.created() == null ? "change-diff" : "change-new").fill(c.commit().sha(), ch));
      if (p.shown() != null) {
        Map<String, String> b = new TreeMap<>();
        b.put("path", p.path());
        b.put("lines", p.lines()[0] == p.lines()[1] ? Integer.toString(p.lines()[0]) : p.lines()[0] + "-" + p.lines()[1]);
        b.put("language", p.language());
        b.put("code", p.shown());
        context.append(context.length() == 0 ? "" : "\n\n").append(templates.get("context-block").fill("", b));
      }
      diff.append(diff.length() == 0 ? "" : "\n").append(p.diff().render());
    }
    v.put("context", context.toString());
    v.put("diff", diff.toString());
    v.put("change", change.toString());
    return v;
  }

  private static String body(Change c) {
    String b = c.message().body();
    return b.length() > MAX_REQUEST ? b.substring(0, b.lastIndexOf(' ', MAX_REQUEST) + 1).strip() + " …" : b;
  }

  private static String changed(Change c) {
    List<String> names = new ArrayList<>();
    c.code().forEach(p -> p.definitions().stream().filter(n -> !names.contains(n)).forEach(names::add));
    return names.isEmpty() ? "the module-level code" : quoted(names.subList(0, Math.min(4, names.size())));
  }

  private static String summary(String subject) {
    String s = subject.endsWith(".") ? subject.substring(0, subject.length() - 1) : subject;
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}. */
  static String quoted(List<String> items) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : i == items.size() - 1 ? " and " : ", ").append('`').append(items.get(i)).append('`');
    }
    return sb.toString();
  }
}
