package com.resellerhub.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEC-4: the expression corpus, found wherever it hides in a request to the engine. */
class ExpressionScanTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"assigneeExpression\":\"${x}\"}|assigneeExpression",
      "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}|orQueries[0].assigneeExpression",
      "{\"orQueries\":[{\"name\":\"a\"},{\"candidateGroupInExpression\":\"${x}\"}]}"
          + "|orQueries[1].candidateGroupInExpression",
      "{\"orQueries\":[{\"orQueries\":[{\"dueBeforeExpression\":\"${x}\"}]}]}"
          + "|orQueries[0].orQueries[0].dueBeforeExpression",
      "{\"query\":{\"followUpAfterExpression\":\"#{x}\"}}|query.followUpAfterExpression",
      "{\"ASSIGNEEEXPRESSION\":\"plain\"}|ASSIGNEEEXPRESSION",
      "[{\"processInstanceBusinessKeyExpression\":\"${x}\"}]|[0].processInstanceBusinessKeyExpression"})
  void SEC4_anExpressionFieldIsFoundAtAnyDepth(String body, String path) throws Exception {
    assertThat(ExpressionScan.inBody(json.readTree(body), false)).contains(path);
  }

  @Test
  void SEC4_plainQueriesPass() throws Exception {
    assertThat(ExpressionScan.inBody(json.readTree(
        "{\"assignee\":\"${x}\",\"orQueries\":[{\"name\":\"Review\"}],\"sorting\":[{\"sortBy\":\"created\"}]}"),
        false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${now()}",
      "${dateTime().plusDays(2).toDate()}", "${ dateTime().minusHours(1) }"})
  void SEC4_anAdminsFilterMayUseTasklistsSafeExpressions(String expression) throws Exception {
    String body = json.writeValueAsString(java.util.Map.of("query", java.util.Map.of("assigneeExpression",
        expression)));
    assertThat(ExpressionScan.inBody(json.readTree(body), true)).isEmpty();
    assertThat(ExpressionScan.inBody(json.readTree(body), false)).contains("query.assigneeExpression");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${''.getClass().forName('java.lang.Runtime')}", "${currentUser().getClass()}",
      "${now()} ${x}", "${dateTime().plusDays(1).getClass()}", "#{currentUser()}", "currentUser()"})
  void SEC4_anythingElseIsRefusedEvenInAnAdminsFilter(String expression) throws Exception {
    String body = json.writeValueAsString(java.util.Map.of("query", java.util.Map.of("assigneeExpression",
        expression)));
    assertThat(ExpressionScan.inBody(json.readTree(body), true)).contains("query.assigneeExpression");
  }

  @Test
  void SEC4_queryParametersAskingForExpressionsAreFound_encodedOrNot() {
    assertThat(ExpressionScan.inQueryString("assigneeExpression=%24%7Bx%7D")).contains("assigneeExpression");
    assertThat(ExpressionScan.inQueryString("a=1&assignee%45xpression=x")).contains("assigneeExpression");
    assertThat(ExpressionScan.inQueryString("assignee=%24%7Bx%7D&processDefinitionKey=p")).isEmpty();
    assertThat(ExpressionScan.inQueryString(null)).isEmpty();
  }
}
