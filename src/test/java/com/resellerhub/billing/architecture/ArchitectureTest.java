package com.resellerhub.billing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules the compiler does not check: money is never floating point; the feature packages form no cycle; Camunda's
 * delegate types appear only in process glue, and the shared engine plumbing knows no feature; SQL is written only in
 * a feature's package-private {@code *Rows} and {@code *Queries} classes (which tables each may name:
 * {@link SqlOwnershipTest}).
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

  // ---------------------------------------------------------------------------------------------------------------
  // SQL lives in *Rows and *Queries classes (and the platform's helpers)

  private static final Set<String> SQL_TYPES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
      "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
      "org.springframework.jdbc.core.simple.JdbcClient", "com.resellerhub.billing.platform.Jdbc");

  private static final DescribedPredicate<JavaClass> SQL_API = DescribedPredicate.describe(
      "JdbcTemplate, NamedParameterJdbcTemplate, JdbcClient, java.sql or platform.Jdbc",
      c -> SQL_TYPES.contains(c.getName()) || c.getPackageName().equals("java.sql"));

  /** A class whose SQL is allowed: a {@code *Rows} or {@code *Queries} class (or one nested in it), or the platform's. */
  private static final DescribedPredicate<JavaClass> SQL_OWNER = DescribedPredicate.describe(
      "a *Rows or *Queries class or com.resellerhub.billing.platform..", c -> {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
          top = top.getEnclosingClass().get();
        }
        String name = top.getSimpleName();
        return name.endsWith("Rows") || name.endsWith("Queries")
            || c.getPackageName().startsWith("com.resellerhub.billing.platform");
      });

  private static final ArchCondition<JavaClass> CALL_NO_NATIVE_QUERY =
      new ArchCondition<>("not call EntityManager.createNativeQuery") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
          for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
            if (call.getTarget().getName().equals("createNativeQuery")) {
              events.add(SimpleConditionEvent.violated(item, call.getDescription()));
            }
          }
        }
      };

  @Test
  void onlyRowsAndQueriesClassesSpeakSql() {
    noClasses().that(DescribedPredicate.not(SQL_OWNER))
        .should().dependOnClassesThat(SQL_API)
        .because("a feature's SQL lives in its package-private *Rows/*Queries classes, behind its service; other"
            + " classes call services (or JPA repositories), never SQL")
        .check(MAIN);
    classes().that(DescribedPredicate.not(SQL_OWNER)).should(CALL_NO_NATIVE_QUERY)
        .because("a native query is SQL too: it belongs in a *Rows or *Queries class")
        .check(MAIN);
  }

  @Test
  void rowsAndQueriesClassesArePackagePrivate() {
    classes().that().haveSimpleNameEndingWith("Rows").or().haveSimpleNameEndingWith("Queries")
        .should().notBePublic()
        .because("another feature asks the owning feature's service, never its SQL")
        .check(MAIN);
  }
}
