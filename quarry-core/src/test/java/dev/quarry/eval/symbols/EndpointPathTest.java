package dev.quarry.eval.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointPathTest {
  @Test
  void normalisesEveryParameterSpellingToTheSamePath() {
    assertThat(EndpointPath.find("GET /v1/collections/{collection_id}/vectors")).containsExactly("/v1/collections/{}/vectors");
    assertThat(EndpointPath.find("fetch(`/v1/collections/${id}/vectors?limit=3`)")).containsExactly("/v1/collections/{}/vectors");
    assertThat(EndpointPath.find("router.get('/v1/collections/:id/vectors/')")).containsExactly("/v1/collections/{}/vectors");
    assertThat(EndpointPath.find("curl http://localhost:8000/v1/collections/42/vectors")).containsExactly("/v1/collections/{}/vectors");
  }

  @Test
  void ignoresDivisionCommentsAndWordsWithSlashes() {
    assertThat(EndpointPath.find("x = a/b // half\nand/or")).isEmpty();
    assertThat(EndpointPath.find("<div><b>x</b></div><br/>")).isEmpty();
  }

  @Test
  void sameRouteMatchesARouterMountedUnderAPrefix() {
    assertThat(EndpointPath.sameRoute("/v1/chat/completions", "/chat/completions")).isTrue();
    assertThat(EndpointPath.sameRoute("/v1/chat/completions", "/v1/chat/complete")).isFalse();
    assertThat(EndpointPath.sameRoute("/v1/x/{}", "/{}")).isFalse();
    assertThat(EndpointPath.sameRoute("/v1/rag/query", "/query")).isTrue();
    assertThat(EndpointPath.sameRoute("/v1/rag/query", "/ery")).isFalse();
  }
}
