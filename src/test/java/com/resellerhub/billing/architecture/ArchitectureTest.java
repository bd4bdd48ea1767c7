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
 * Rules the compiler does not check: money is never floating point; process/ holds Camunda glue only; the feature
 * packages form no cycle.
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
  void featurePackagesDoNotDependOnCamundaGlue() {
    noClasses().that().resideOutsideOfPackages("..process..", "..demo..")
        .should().dependOnClassesThat().resideInAPackage("com.resellerhub.billing.process..")
        .because("process/ holds delegates, starters and correlators that call the features, not the reverse")
        .allowEmptyShould(true)
        .check(MAIN);
  }
}
