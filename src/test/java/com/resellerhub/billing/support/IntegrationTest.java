package com.resellerhub.billing.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end test of the whole application on a real MySQL-compatible database (its own throwaway one), served
 * on a random port and called over HTTP. Profiles: {@code mysql}, and {@code demo} for the demo users and the
 * adjustable clock. Mail goes to an in-process SMTP server ({@link TestMailServer}). All integration tests share this one configuration, so one application context (one process
 * engine) serves them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The daily billing-day timer is deployed but paused (billing.billing-day.daily-timer=false): tests move the clock across
// days, and a run would pay other tests' payments; SettlementIT starts its runs itself.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "billing.billing-day.daily-timer=false", "billing.billing-day.poll-interval=PT1S",
    "camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R2/PT1S", "billing.demo.mail-catcher=false"})
@ActiveProfiles({"mysql", "demo"})
// Metrics are exported as in production (Spring Boot's tests leave them off otherwise): /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = {MySqlTestDatabase.class, TestMailServer.class})
public @interface IntegrationTest {}
