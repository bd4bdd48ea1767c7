package com.resellerhub.billing.process;

import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda engine settings that are code rather than properties. */
@Configuration(proxyBeanMethods = false)
public class ProcessEngineSetup {

  /** Replaces the starter's deployment configuration (it backs off when this bean exists). */
  @Bean
  public static CamundaDeploymentConfiguration camundaDeploymentConfiguration() {
    return new StableNameDeploymentConfiguration();
  }
}
