package com.resellerhub.billing.platform;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Liquibase owns every table, the engine's included, and the engine's own schema update is off. The engine checks
 * its schema when it is built, so it must be built after Liquibase has run. Spring Boot makes every bean this
 * detector finds depend on the database initializers (Liquibase here), instead of leaving it to bean order.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EngineWaitsForLiquibase extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineConfigurationImpl.class, ProcessEngineFactoryBean.class, ProcessEngine.class);
  }
}
