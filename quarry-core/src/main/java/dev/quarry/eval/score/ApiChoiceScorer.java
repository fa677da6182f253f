package dev.quarry.eval.score;

import dev.quarry.eval.EvalItem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code api-choice}: whether the answer chose the platform surface a goal-first item expects — the share of the
 * item's expected names (hook, SDK method or MCP tool, and the operation) the answer names as whole words. Not
 * applicable to items without expected names.
 */
public final class ApiChoiceScorer implements Scorer {
  @Override
  public String id() {
    return "api-choice";
  }

  @Override
  public String explanation() {
    return "Share of the names a goal-first item expects (the hook, SDK method or MCP tool for that caller, and "
        + "the operation) that the answer uses. Not applicable to items that name none.";
  }

  @Override
  public Score score(String answer, String reference) {
    return Score.notApplicable(id(), "the item expects no platform name");
  }

  @Override
  public Score score(String answer, EvalItem item) {
    if (item.expected().isEmpty()) {
      return score(answer, item.reference());
    }
    List<String> missing = new ArrayList<>();
    for (String name : item.expected()) {
      if (!Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(answer).find()) {
        missing.add(name);
      }
    }
    double value = 1.0 - (double) missing.size() / item.expected().size();
    return Score.of(id(), value, missing.isEmpty() ? "names " + String.join(", ", item.expected())
        : "does not name " + String.join(", ", missing), missing.stream().map(m -> "missing " + m).toList());
  }
}
