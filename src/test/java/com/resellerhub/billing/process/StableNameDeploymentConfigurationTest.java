package com.resellerhub.billing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

/**
 * The same BPMN file gets the same deployment resource name whether the application runs from the jar or from
 * {@code target/classes} ({@code spring-boot:run}), so duplicate filtering does not create new versions.
 */
class StableNameDeploymentConfigurationTest {

  @Test
  void jarAndDirectoryGiveTheSameName() throws Exception {
    var fromDirectory = new UrlResource(new URL("file:/home/u/billing/target/classes/processes/postpay-approval.bpmn"));
    var fromJar = new UrlResource(new URL(
        "jar:file:/opt/app/billing.jar!/BOOT-INF/classes!/processes/postpay-approval.bpmn"));

    assertThat(StableNameDeploymentConfiguration.stableName(fromDirectory)).isEqualTo("processes/postpay-approval.bpmn");
    assertThat(StableNameDeploymentConfiguration.stableName(fromJar)).isEqualTo("processes/postpay-approval.bpmn");
  }

  @Test
  void formsKeepTheirFolderToo() throws Exception {
    var form = new UrlResource(new URL("file:/x/target/classes/forms/review-postpay-permission.form"));
    assertThat(StableNameDeploymentConfiguration.stableName(form)).isEqualTo("forms/review-postpay-permission.form");
  }
}
