package com.resellerhub.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.resellerhub.billing.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Plans through the operator and customer APIs on the MySQL-compatible database (issue 4). */
@IntegrationTest
class PlansIT {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;

  @Test
  void theDemoHasPlansOfBothBillingModels() {
    List<Map<String, Object>> plans = manager().exchange("/api/operator/plans", HttpMethod.GET, null, LIST).getBody();

    assertThat(plans).extracting(p -> p.get("code"))
        .contains("cloud-server-s", "backup-annual", "cloud-server-m", "business-telephony");
    assertThat(plans).extracting(p -> p.get("billingModel")).contains("PREPAY", "POSTPAY");
    Map<String, Object> postpaid = plans.stream().filter(p -> p.get("code").equals("cloud-server-m")).findFirst()
        .orElseThrow();
    assertThat(postpaid).containsEntry("price", 49.00).containsEntry("currency", "EUR").containsEntry("period", "P1M")
        .containsEntry("trialAvailable", true).containsEntry("trialDays", 30).containsEntry("active", true);
  }

  @Test
  void aManagerCreatesAPlanAndReadsItBack() {
    ResponseEntity<Map<String, Object>> created = manager().exchange("/api/operator/plans", HttpMethod.POST,
        json(plan("voip-annual", "POSTPAY", "P1Y", true)), OBJECT);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Object id = created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/operator/plans/" + id);
    Map<String, Object> read = manager().exchange("/api/operator/plans/" + id, HttpMethod.GET, null, OBJECT)
        .getBody();
    assertThat(read).containsEntry("code", "voip-annual").containsEntry("billingModel", "POSTPAY")
        .containsEntry("price", 120.5).containsEntry("period", "P1Y").containsEntry("trialAvailable", false);
  }

  @Test
  void customersSeeOnlyActivePlansAndCannotUseTheOperatorApi() {
    manager().exchange("/api/operator/plans", HttpMethod.POST, json(plan("retired-plan", "PREPAY", "P1M", false)),
        OBJECT);

    List<Map<String, Object>> visible = customer().exchange("/api/customer/plans", HttpMethod.GET, null, LIST)
        .getBody();
    assertThat(visible).extracting(p -> p.get("code")).contains("cloud-server-m").doesNotContain("retired-plan");
    assertThat(customer().exchange("/api/operator/plans", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void SEC3_aBadPlanIsAProblemNamingTheFieldAndNothingIsStored() {
    Map<String, Object> bad = plan("bad-period", "POSTPAY", "monthly", true);
    ResponseEntity<Map<String, Object>> response = manager().exchange("/api/operator/plans", HttpMethod.POST,
        json(bad), OBJECT);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", "period").containsEntry("rule", "iso-8601");
    assertThat(manager().exchange("/api/operator/plans", HttpMethod.GET, null, LIST).getBody())
        .extracting(p -> p.get("code")).doesNotContain("bad-period");

    Map<String, Object> unknownModel = plan("bad-model", "LATER", "P1M", true);
    assertThat(manager().exchange("/api/operator/plans", HttpMethod.POST, json(unknownModel), OBJECT).getBody())
        .containsEntry("field", "billingModel");
  }

  @Test
  void aDuplicateCodeIsAConflictAndAnUnknownPlanIsNotFound() {
    ResponseEntity<Map<String, Object>> duplicate = manager().exchange("/api/operator/plans", HttpMethod.POST,
        json(plan("cloud-server-s", "PREPAY", "P1M", true)), OBJECT);
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody()).containsEntry("field", "code").containsEntry("rule", "unique");

    assertThat(manager().exchange("/api/operator/plans/999999", HttpMethod.GET, null, OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private TestRestTemplate manager() {
    return http.withBasicAuth("manager", "manager");
  }

  private TestRestTemplate customer() {
    return http.withBasicAuth("customer", "customer");
  }

  private static Map<String, Object> plan(String code, String model, String period, boolean active) {
    Map<String, Object> plan = new HashMap<>();
    plan.put("code", code);
    plan.put("name", "Plan " + code);
    plan.put("billingModel", model);
    plan.put("price", 120.50);
    plan.put("period", period);
    plan.put("trialAvailable", false);
    plan.put("active", active);
    return plan;
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
