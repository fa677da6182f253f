package dev.quarry.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.config.SynthSettings;
import dev.quarry.eval.client.ChatOutcome;
import dev.quarry.eval.client.ChatRequest;
import dev.quarry.extract.code.Template;
import dev.quarry.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The optional model judge ({@code synth.judge: true}): asks the model to score each candidate that passed every
 * other check from 1 to 5 ({@code judge.txt}), at temperature 0; the score and rationale go to
 * {@code meta.synth.judge}. A score below {@code min_judge_score} rejects ({@code judge-score}), as does an answer
 * that is not a score ({@code judge-failed}). Judge requests count against {@code max_requests}: the planner
 * keeps half of the cap for them.
 */
final class Judge {
  private final Template template;
  private final SynthSettings settings;
  private final String project;

  Judge(Template template, SynthSettings settings, String project) {
    this.template = template;
    this.settings = settings;
    this.project = project;
  }

  static ChatRequest request(Template t, SynthSettings s, String project, String category, String instruction,
      String response) {
    Map<String, String> v = new TreeMap<>();
    v.put("project", project);
    v.put("category", category);
    v.put("instruction", instruction);
    v.put("response", response);
    return new ChatRequest(s.model(), List.of(Message.system(t.fillAt(0, v)), Message.user(t.fillAt(1, v))), 0,
        256);
  }

  /** Judges every passed verdict, replacing it with the judged record or a rejection; returns requests made. */
  long run(List<SynthTask> tasks, Checks.Verdict[] verdicts, ModelAnswer[] answers, ModelAsker asker) {
    List<Integer> which = new ArrayList<>();
    List<ChatRequest> requests = new ArrayList<>();
    long budget = settings.maxRequests() <= 0 ? Long.MAX_VALUE : settings.maxRequests() - (long) tasks.size();
    for (int i = 0; i < tasks.size(); i++) {
      if (verdicts[i].passed() && requests.size() >= budget) {
        verdicts[i] = Checks.Verdict.fail("judge-failed", "not judged: max_requests " + settings.maxRequests()
            + " reached");
      } else if (verdicts[i].passed()) {
        which.add(i);
        requests.add(request(template, settings, project, tasks.get(i).category(), answers[i].instruction(),
            answers[i].response()));
      }
    }
    ChatOutcome[] outcomes = asker.ask("synth: judging", requests);
    for (int k = 0; k < which.size(); k++) {
      int i = which.get(k);
      Optional<JsonNode> n = outcomes[k] instanceof ChatOutcome.Answered a ? ModelAnswer.object(a.content())
          : Optional.empty();
      JsonNode score = n.map(j -> j.path("score")).orElse(null);
      if (score == null || !score.isNumber()) {
        verdicts[i] = Checks.Verdict.fail("judge-failed", outcomes[k] instanceof ChatOutcome.Failed f ? f.reason()
            : "the judge's answer holds no numeric score");
        continue;
      }
      String rationale = n.get().path("rationale").asText("");
      if (score.asDouble() < settings.minJudgeScore()) {
        verdicts[i] = Checks.Verdict.fail("judge-score", "scored " + score.asText() + ": " + ModelAnswer.oneLine(rationale));
        continue;
      }
      ObjectNode meta = verdicts[i].example().metaCopy();
      ((ObjectNode) meta.path("synth")).putObject("judge").put("score", score.asDouble()).put("rationale", rationale);
      verdicts[i] = Checks.Verdict.pass(verdicts[i].example().withMeta(meta));
    }
    return requests.size();
  }
}
