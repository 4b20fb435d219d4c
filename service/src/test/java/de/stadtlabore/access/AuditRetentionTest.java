package de.stadtlabore.access;

import static de.stadtlabore.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.audit.AuditService;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Sql;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Audit entries name the person who acted until they are pseudonymised (90 days by default),
 * and are deleted after the audit log's retention period (730 days); the jobs doing both share
 * their work when replicas run them at once.
 */
@QuarkusTest
class AuditRetentionTest {

    @Inject
    AuditService audit;

    @Inject
    DataSource dataSource;

    long count(String sql) throws Exception {
        return Sql.count(dataSource, sql);
    }

    void update(String sql) throws Exception {
        Sql.update(dataSource, sql);
    }

    /** Creates a lab as the network admin; its audit entry's target id is the slug. */
    String labCreated() {
        String lab = Unique.slug("test-retention");
        as(Tokens.networkAdmin()).contentType("application/json").body(Fixtures.lab(lab, "menden", "x"))
                .when().post("/labs").then().statusCode(201);
        return lab;
    }

    @Test
    void entriesNameThePersonThenOnlyTheirPseudonymsThenAreGone() throws Exception {
        String recent = labCreated();
        String old = labCreated();
        String ancient = labCreated();
        as(Tokens.networkAdmin()).queryParam("target", "lab:" + recent).when().get("/audit-events").then()
                .statusCode(200).body("items[0].actor.name", org.hamcrest.Matchers.startsWith("Nora"))
                .body("items[0].actor.email", equalTo("admin@netzwerk.example.org"));
        update("update audit_event set occurred_at = now() - interval '91 days' where target_id = '" + old + "'");
        update("update audit_event set occurred_at = now() - interval '731 days' where target_id = '" + ancient + "'");

        // Two replicas' jobs at the same moment: each entry is handled once, none fails.
        List<Callable<int[]>> rounds = List.of(() -> new int[] { audit.pseudonymiseOld(), audit.deleteExpired() },
                () -> new int[] { audit.pseudonymiseOld(), audit.deleteExpired() });
        List<int[]> done = Race.run(rounds, 2);
        assertThat(done.get(0)[1] + done.get(1)[1]).as("deleted").isGreaterThanOrEqualTo(1);

        String of = "select count(*) from audit_event where target_type = 'lab' and target_id = ";
        assertThat(count(of + "'" + recent + "' and actor_name is not null and actor_email is not null")).isOne();
        assertThat(count(of + "'" + old + "' and actor_name is null and actor_email is null"
                + " and pseudonymised_at is not null and actor_subject is not null and actor_issuer is not null"))
                .isOne();
        assertThat(count(of + "'" + ancient + "'")).isZero();
        assertThat(count("select count(*) from audit_event where occurred_at < now() - interval '730 days'")).isZero();
        assertThat(count("select count(*) from audit_event where occurred_at < now() - interval '90 days'"
                + " and (actor_name is not null or actor_email is not null)")).isZero();
        as(Tokens.networkAdmin()).queryParam("target", "lab:" + old).when().get("/audit-events").then()
                .statusCode(200).body("items[0].actor.name", equalTo(null))
                .body("items[0].actor.subject", org.hamcrest.Matchers.notNullValue());
    }
}
