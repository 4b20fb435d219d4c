package de.stadtlabore.projects;

import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Sql;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person leaves: a lab admin removes them from the team directory. Their name and e-mail
 * address go; their tasks keep them, as former staff.
 */
@QuarkusTest
class StaffRemovalTest {

    @Inject
    DataSource dataSource;

    long count(String sql) throws Exception {
        return Sql.count(dataSource, sql);
    }

    @Test
    void aRemovedPersonLosesNameAndAddressAndTheirTasksShowFormerStaff() throws Exception {
        String subject = "leaver-" + UUID.randomUUID();
        String email = subject + "@arnsberg.example.org";
        String leaver = Tokens.mint("stadtlabore-arnsberg", "arnsberg-staff",
                Map.of("sub", subject, "name", "Lea Leaver", "email", email), "realm");
        String admin = Tokens.admin("arnsberg");
        // Working on a project puts the person in the directory.
        String project = as(leaver).contentType("application/json")
                .body(Map.of("leadLab", "freiraum-arnsberg", "title", Unique.name("Abschied"), "visibility", "public"))
                .when().post("/projects").then().statusCode(201).extract().path("id");
        String id = as(admin).when().get("/municipalities/arnsberg/staff").then().statusCode(200)
                .body("items.email", hasItem(email)).extract()
                .path("items.find { it.email == '" + email + "' }.id");
        String task = as(admin).contentType("application/json")
                .body(Map.of("lab", "freiraum-arnsberg", "title", "Übergabe", "assignee", id))
                .when().post("/projects/" + project + "/tasks").then().statusCode(201)
                .body("assignee.name", equalTo("Lea Leaver")).extract().path("id");

        as(admin).when().delete("/municipalities/arnsberg/staff/" + id).then().statusCode(204);
        as(admin).when().delete("/municipalities/arnsberg/staff/" + id).then().statusCode(204);

        assertThat(count("select count(*) from staff_member where id = '" + id
                + "' and name is null and email is null and removed_at is not null")).isOne();
        as(admin).when().get("/municipalities/arnsberg/staff").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(admin).when().get("/projects/" + project + "/team").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(admin).when().get("/projects/" + project).then().statusCode(200)
                .body("tasks.find { it.id == '" + task + "' }.assignee.former", equalTo(true))
                .body("tasks.find { it.id == '" + task + "' }.assignee.name", nullValue());
        // They keep the task they had, but get no new one.
        as(admin).contentType("application/json")
                .body(Map.of("lab", "freiraum-arnsberg", "title", "Übergabe", "assignee", id, "status", "done"))
                .when().put("/projects/" + project + "/tasks/" + task).then().statusCode(200);
        wrongRequest().header("Authorization", "Bearer " + admin).contentType("application/json")
                .body(Map.of("lab", "freiraum-arnsberg", "title", "Neu", "assignee", id))
                .when().post("/projects/" + project + "/tasks").then().statusCode(400)
                .body("errors.field", equalTo(List.of("assignee")));
        assertThat(count("select count(*) from audit_event where action = 'staff.remove' and target_id = '" + id
                + "'")).isOne();

        // Only a lab admin of the municipality removes; staff read the directory, others do not.
        as(Tokens.staff("arnsberg")).when().delete("/municipalities/arnsberg/staff/" + id).then().statusCode(403);
        as(Tokens.admin("soest")).when().delete("/municipalities/arnsberg/staff/" + id).then().statusCode(403);
        as(Tokens.admin("soest")).when().delete("/municipalities/soest/staff/" + id).then().statusCode(404);
        as(Tokens.staff("arnsberg")).when().get("/municipalities/arnsberg/staff").then().statusCode(200);
        as(Tokens.staff("soest")).when().get("/municipalities/arnsberg/staff").then().statusCode(403);

        // Someone who still signs in and works is staff: back in the directory.
        as(leaver).contentType("application/json")
                .body(Map.of("leadLab", "freiraum-arnsberg", "title", Unique.name("Zurück"), "visibility", "public"))
                .when().post("/projects").then().statusCode(201);
        as(admin).when().get("/municipalities/arnsberg/staff").then().statusCode(200).body("items.id", hasItem(id));
    }
}
