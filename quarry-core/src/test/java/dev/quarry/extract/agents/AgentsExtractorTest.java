package dev.quarry.extract.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.extract.code.ExtractorFixture;
import dev.quarry.model.Example;
import dev.quarry.model.LineRange;
import org.junit.jupiter.api.Test;

class AgentsExtractorTest {
  @Test
  void readsOnlyAgentFoldersAndNamesTheDelegationPattern() {
    var r = ExtractorFixture.run(new AgentsExtractor(), "agents/default");
    assertThat(r.symbols()).containsExactly("Orchestrator");
    Example o = r.bySymbol("Orchestrator");
    assertThat(o.source().path()).isEqualTo("app/agents/orchestrator.py");
    assertThat(o.source().lines()).isEqualTo(new LineRange(1, 11));
    assertThat(o.meta().get("agent_pattern").asText()).isEqualTo("orchestrator");
    assertThat(o.messages().get(2).content()).contains("`run`, `delegate`").contains("`Registry`");
    assertThat(o.category()).isEqualTo("agents");
  }

  @Test
  void aCollaboratorsNameIsNotTakenForTheAgentsPattern() {
    var r = ExtractorFixture.run(new AgentsExtractor(), "agents/uses-retry");
    Example a = r.bySymbol("ResearchAgent");
    assertThat(a.meta().get("agent_pattern").asText()).isEqualTo("agent component");
    assertThat(String.join("\n", a.messages().stream().map(m -> m.content()).toList()))
        .doesNotContain("retry policy");
  }

  @Test
  void agentConstructionsAnywhereBecomeDefinitionsWithTheirInstructionsAndTools() {
    var r = ExtractorFixture.run(new AgentsExtractor(), "agents/definitions");
    assertThat(r.symbols()).containsExactly("Triage Agent", "Refunds Agent", "weatherAgent", "createResearchAgent");
    Example triage = r.bySymbol("Triage Agent");
    assertThat(triage.source().lines()).isEqualTo(new LineRange(10, 14));
    assertThat(triage.messages().get(1).content()).contains("`Agent`")
        .contains("Its instructions: \"Route the customer to the right team.\"")
        .contains("It can use `transfer_to_refunds`, `escalate_to_human`.");
    assertThat(triage.meta().get("agent_pattern").asText()).isEqualTo("agent definition");
    Example web = r.bySymbol("weatherAgent");
    assertThat(web.messages().get(1).content()).contains("`ToolLoopAgent`").contains("`weather`, `convert`");
    assertThat(web.messages().get(2).content()).contains("export const weatherAgent = new ToolLoopAgent({");
  }

  @Test
  void aClassOverMaxLinesYieldsItsPublicMethodsInsideItsHeaderAndTheCoverageSaysSo() {
    var options = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("max_lines", 10);
    var settings = new dev.quarry.config.ExtractorSettings("agents", true, java.util.List.of(), java.util.List.of(),
        0, null, options);
    var r = ExtractorFixture.run(new AgentsExtractor(), "agents/long", settings);
    assertThat(r.symbols()).containsExactly("Runner.run");
    Example run = r.bySymbol("Runner.run");
    assertThat(run.source().lines()).isEqualTo(new LineRange(8, 15));
    assertThat(run.messages().get(2).content()).contains("class Runner:\n    ...\n\n    def run(self, agent, messages):");
    assertThat(r.coverage().skips()).anySatisfy(s -> {
      assertThat(s.symbol()).isEqualTo("Runner");
      assertThat(s.detail()).contains("split into 2 method examples");
    });
  }
}
