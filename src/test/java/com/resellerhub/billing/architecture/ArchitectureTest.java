package com.resellerhub.billing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules the compiler does not check: money is never floating point; the feature packages form no cycle; Camunda's
 * delegate types appear only in process glue, and the shared engine plumbing knows no feature.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.resellerhub.billing");

  private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

  private static final DescribedPredicate<JavaClass> FLOATING_TYPE =
      DescribedPredicate.describe("double or float", c -> FLOATING.contains(c.getName()));

  @Test
  void moneyIsNeverDoubleOrFloat_noFieldIsFloatingPoint() {
    fields().should().notHaveRawType(FLOATING_TYPE)
        .because("money is BigDecimal in DECIMAL(19,4); nothing in this domain needs floating point")
        .check(MAIN);
  }

  @Test
  void moneyIsNeverDoubleOrFloat_noMethodTakesOrReturnsFloatingPoint() {
    methods().should(new com.tngtech.archunit.lang.ArchCondition<JavaMethod>("not take or return double/float") {
      @Override
      public void check(JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
        boolean floating = FLOATING.contains(method.getRawReturnType().getName())
            || method.getRawParameterTypes().stream().anyMatch(p -> FLOATING.contains(p.getName()));
        if (floating) {
          events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
              method.getFullName() + " uses floating point"));
        }
      }
    }).check(MAIN);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("com.resellerhub.billing.(*)..").should().beFreeOfCycles()
        .because("each feature calls the services of those below it; a cycle (account -> ledger -> account) means"
            + " two features can only change together")
        .check(MAIN);
  }

  @Test
  void camundaDelegateTypesOnlyInProcessGlue() {
    noClasses().that().resideOutsideOfPackages("com.resellerhub.billing.process..",
            "com.resellerhub.billing.*.process..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .because("delegates, listeners and starters sit in the process subpackage of the feature that owns the"
            + " process (order.process, promise.process, billingday.process); services know no engine")
        .check(MAIN);
  }

  @Test
  void sharedEnginePlumbingKnowsNoFeature() {
    noClasses().that().resideInAPackage("com.resellerhub.billing.process..")
        .should().dependOnClassesThat().resideInAnyPackage("com.resellerhub.billing.account..",
            "com.resellerhub.billing.order..", "com.resellerhub.billing.payment..", "com.resellerhub.billing.promise..",
            "com.resellerhub.billing.billingday..", "com.resellerhub.billing.ledger..",
            "com.resellerhub.billing.subscription..", "com.resellerhub.billing.catalog..")
        .because("process/ is the engine-wide plumbing every process shares; a process's own glue lives with its"
            + " feature")
        .check(MAIN);
  }
}
