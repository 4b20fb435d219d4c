package de.stadtlabore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import de.stadtlabore.inventory.Item;
import de.stadtlabore.inventory.ItemRepository;
import de.stadtlabore.inventory.ItemService;
import de.stadtlabore.inventory.dto.ItemView;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.projects.ProjectDtos;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The shape of the code, kept by the build. Package by feature: {@code labs}, {@code inventory},
 * {@code events}, {@code projects}, {@code purchases}, {@code municipalities}, {@code access},
 * {@code audit}; {@code common} serves them all.
 */
class ArchitectureTest {

    private static final String ROOT = "de.stadtlabore";
    private static final Set<String> FEATURES = Set.of("access", "audit", "changes", "events", "idempotency", "reports", "inventory", "labs", "operations",
            "municipalities", "privacy", "projects", "purchases");

    /** The service's own classes: not the tests, not the dev services that dev mode and tests add. */
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT)
            .that(DescribedPredicate.describe("outside the dev services",
                    c -> !c.getPackageName().startsWith(ROOT + ".devservices")));

    /** Resources translate HTTP; what they hand out are views their services built. */
    @Test
    void resourcesTouchNeitherEntitiesNorRepositories() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Embeddable.class)
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .check(SERVICE);
    }

    /**
     * A feature uses another only through what that one publishes: its services (and the access
     * policy, the current caller and the audit log, which every feature uses), its interfaces
     * (what it needs others to answer), its records (views, inputs, references) and enums (values
     * and states), and the lab and municipality entities, which other features' entities refer
     * to. Never its repositories, other entities, resources, mappers or jobs.
     */
    @Test
    void featuresUseEachOtherOnlyThroughWhatTheyPublish() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use other features only through what they publish") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            String from = feature(origin);
                            String to = feature(target);
                            if (to != null && from != null && !to.equals(from) && !published(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(SERVICE);
    }

    /** {@code common} knows no feature: features build on it, not the other way round. */
    @Test
    void commonImportsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".common..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream().map(f -> ROOT + "." + f + "..")
                        .toArray(String[]::new))
                .check(SERVICE);
    }

    /** Development tooling (the dev-services module) is on the class path of dev mode and tests only. */
    @Test
    void productionCodeImportsNoDevelopmentTooling() {
        noClasses().should().dependOnClassesThat().resideInAPackage(ROOT + ".devservices..")
                .check(SERVICE);
    }

    /**
     * Guards the rule above against passing because it cannot tell published from internal
     * classes (the other rules fail by themselves when they match no classes at all).
     */
    @Test
    void tellsWhatAFeaturePublishesFromItsInternals() {
        assertThat(published(SERVICE.get(ItemService.class))).isTrue();
        assertThat(published(SERVICE.get(ItemView.class))).isTrue();
        assertThat(published(SERVICE.get(ProjectDtos.ProjectView.class))).isTrue();
        assertThat(published(SERVICE.get(Lab.class))).isTrue();
        assertThat(published(SERVICE.get(ItemRepository.class))).isFalse();
        assertThat(published(SERVICE.get(ItemRepository.Free.class))).isFalse();
        assertThat(published(SERVICE.get(Item.class))).isFalse();
        assertThat(published(SERVICE.get("de.stadtlabore.labs.LabMapper"))).isFalse();
        assertThat(feature(SERVICE.get(ItemRepository.class))).isEqualTo("inventory");
        assertThat(feature(SERVICE.get(de.stadtlabore.common.paging.Page.class))).isNull();
    }

    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String first = name.substring(ROOT.length() + 1).split("\\.")[0];
        return FEATURES.contains(first) ? first : null;
    }

    private static boolean published(JavaClass type) {
        Optional<JavaClass> outer = type.getEnclosingClass();
        if (outer.isPresent() && !outer.get().getSimpleName().endsWith("Dtos") && !outer.get().getSimpleName().equals("Refs")) {
            return published(outer.get()); // a part of a published type, or internal to an unpublished one
        }
        return type.isRecord() || type.isEnum() || type.isInterface() || type.getSimpleName().endsWith("Service")
                || Set.of("AccessPolicy", "CurrentCaller", "AuditLog", "Lab", "Municipality").contains(type.getSimpleName());
    }
}
