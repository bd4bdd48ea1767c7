package com.resellerhub.billing.order.process;

import static com.resellerhub.billing.order.process.PostpayApproval.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PP-3 and PP-5 in the Camunda Form {@code forms/review-postpay-permission.form}: it is readable by the form-js of
 * Camunda 7.24's Tasklist (schema version 16 at most), shows exactly the facts the starter stores, keeps them
 * read-only, and asks for a reason only (and then always) when the manager declines.
 */
class ReviewPostpayPermissionFormTest {

  /** The form-js bundled with Camunda 7.24's Tasklist exports schema version 16. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  private static JsonNode form;
  private static Map<String, JsonNode> fields;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = ReviewPostpayPermissionFormTest.class.getClassLoader()
        .getResourceAsStream(PostpayApproval.FORM_RESOURCE)) {
      form = new ObjectMapper().readTree(in);
    }
    fields = new HashMap<>();
    form.get("components").forEach(c -> {
      if (c.has("key")) {
        fields.put(c.get("key").asText(), c);
      }
    });
  }

  @Test
  void itIsTheFormTheProcessReferencesInAVersionTasklistReads() {
    assertThat(form.get("id").asText()).isEqualTo(PostpayApproval.FORM_ID);
    assertThat(form.get("schemaVersion").asInt()).isBetween(1, TASKLIST_SCHEMA_VERSION);
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(StreamSupport.stream(form.get("components").spliterator(), false).map(c -> c.get("id").asText()))
        .doesNotHaveDuplicates();
  }

  @Test
  void PP3_itShowsTheFactsTheStarterStores_readOnly() {
    Map<String, Object> stored = new ReviewFacts("A", "T", "O", "M", BigDecimal.ONE, "EUR", 1, "P", BigDecimal.ONE,
        "P1M", false).variables();

    assertThat(stored.keySet()).allSatisfy(key -> {
      assertThat(fields).as("a field for " + key).containsKey(key);
      assertThat(fields.get(key).path("readonly").asBoolean()).as(key + " is read-only").isTrue();
      assertThat(fields.get(key).path("label").asText()).as(key + " has a label").isNotBlank();
    });
    assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(
        concat(stored.keySet(), APPROVED, DECLINE_REASON));
  }

  @Test
  void PP5_theDecisionIsRequiredAndTheReasonIsRequiredWhenDeclining() {
    JsonNode decision = fields.get(APPROVED);
    assertThat(decision.get("type").asText()).isEqualTo("radio");
    assertThat(decision.at("/validate/required").asBoolean()).isTrue();
    assertThat(decision.get("values")).extracting(v -> v.get("value").asText()).containsExactly("true", "false");

    JsonNode reason = fields.get(DECLINE_REASON);
    assertThat(reason.get("type").asText()).isEqualTo("textarea");
    assertThat(reason.at("/validate/required").asBoolean()).isTrue();
    assertThat(reason.at("/conditional/hide").asText())
        .as("hidden, hence neither validated nor submitted, unless Decline is chosen")
        .isEqualTo("=approved != \"false\"");
  }

  private static java.util.List<String> concat(java.util.Set<String> keys, String... more) {
    java.util.List<String> all = new java.util.ArrayList<>(keys);
    all.addAll(java.util.List.of(more));
    return all;
  }
}
