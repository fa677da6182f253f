package dev.quarry.extract.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTasksTest {
  @Test
  void assertionsReadAsGuarantees() {
    assertThat(UsageTasks.guarantee("assert response.status_code == 403"))
        .isEqualTo("`response.status_code` equals `403`");
    assertThat(UsageTasks.guarantee("expect(result.current.hits).toHaveLength(2);"))
        .isEqualTo("`result.current.hits` has length 2");
    assertThat(UsageTasks.guarantee("await expect(run()).rejects.toThrow(\"boom\");")).isEmpty();
    assertThat(UsageTasks.guarantee("with pytest.raises(ValueError):")).isEqualTo("the call raises `ValueError`");
    assertThat(UsageTasks.guarantee("assert [c[\"id\"] for c in listed] == [cid]"))
        .isEqualTo("`[c[\"id\"] for c in listed] == [cid]` holds");
  }

  @Test
  void testNamesAndFilesBecomePlainWords() {
    assertThat(UsageTasks.behaviour("test_read_only_key_cannot_write")).isEqualTo("read only key cannot write");
    assertThat(UsageTasks.behaviour("stops polling after unmount")).isEqualTo("stops polling after unmount");
    assertThat(UsageTasks.subject("sdk/src/hooks/__tests__/useVectorSearch.test.ts"))
        .isEqualTo("the vector search hook");
    assertThat(UsageTasks.subject("backend/tests/test_similarity.py")).isEqualTo("the similarity code");
    assertThat(UsageTasks.subject("backend/tests/test_api.py")).isEqualTo("the API");
  }
}
