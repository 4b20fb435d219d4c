package de.stadtlabore.projects;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Sessions;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Projects: partners across municipalities, lifecycle, milestones, tasks and their assignees. */
@QuarkusTest
class ProjectsTest {

    static final String OPEN_DATA = "8d000000-0000-4000-8000-000000000001";
    static final String COMMUNICATION = "8d000000-0000-4000-8000-000000000002";

    static String project(String lead, String links) {
        return """
                {"leadLab": "%s", "title": "%s", "summary": "Gemeinsam erproben.",
                 "topics": ["Mobilität"], "startsOn": "2027-01-01", "endsOn": "2027-12-31", "visibility": "public",
                 "links": [%s]}
                """.formatted(lead, Unique.name("Test Reallabor Mobilität"), links);
    }

    @Test
    void thePublicSeesPublicProjectsWithoutTheirTasks() {
        api().when().get("/projects").then().statusCode(200)
                .body("items.id", hasItem(OPEN_DATA)).body("items.id", not(hasItem(COMMUNICATION)));
        api().when().get("/projects/" + OPEN_DATA).then().statusCode(200)
                .body("tasks", nullValue())
                .body("milestones", hasSize(2))
                .body("events.id", hasItem("5f000000-0000-4000-8000-000000000004"))
                .body("partners.status", org.hamcrest.Matchers.containsInAnyOrder("accepted", "accepted", "invited"));
        api().when().get("/projects/" + COMMUNICATION).then().statusCode(404);
        as(Tokens.staff("iserlohn")).when().get("/projects/" + OPEN_DATA).then().statusCode(200)
                .body("tasks.title", hasItem("Lizenzfragen klären"));
        api().queryParam("q", "Open-Data-Portal").when().get("/projects").then().body("items.id", contains(OPEN_DATA));
        api().queryParam("lab", "zukunftswerkstadt-menden").when().get("/projects").then().body("items.id", hasItem(OPEN_DATA));
        api().queryParam("status", "idea").when().get("/projects").then().body("items.id", not(hasItem(OPEN_DATA)));
    }

    @Test
    void theLeadRunsTheLifecyclePartnersWorkOnTasks() {
        String lead = Tokens.staff("arnsberg");
        String id = as(lead).contentType("application/json")
                .body(project("freiraum-arnsberg", "{\"label\": \"Whiteboard\", \"url\": \"https://wb.example.org/x\"}"))
                .when().post("/projects").then().statusCode(201).body("status", equalTo("idea")).extract().path("id");
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body("{\"status\": \"completed\"}").when().post("/projects/" + id + "/status").then().statusCode(409);
        for (String status : new String[] { "planned", "active", "paused", "active" }) {
            as(lead).contentType("application/json").body("{\"status\": \"" + status + "\"}")
                    .when().post("/projects/" + id + "/status").then().statusCode(200).body("status", equalTo(status));
        }
        // Soest works on tasks only once it accepted the partnership.
        String soest = Tokens.staff("soest");
        String task = "{\"lab\": \"stadtlabor-soest\", \"title\": \"Fahrradzählung\", \"status\": \"todo\"}";
        wrongRequest().header("Authorization", "Bearer " + soest).contentType("application/json").body(task)
                .when().post("/projects/" + id + "/tasks").then().statusCode(403);
        as(lead).contentType("application/json").body("{\"lab\": \"stadtlabor-soest\"}")
                .when().post("/projects/" + id + "/partners").then().statusCode(200);
        as(soest).contentType("application/json").body("{\"status\": \"accepted\"}")
                .when().put("/projects/" + id + "/partners/stadtlabor-soest").then().statusCode(200);
        as(soest).when().get("/me").then().statusCode(200);
        String taskId = as(soest).contentType("application/json").body(task)
                .when().post("/projects/" + id + "/tasks").then().statusCode(201).extract().path("id");
        String soestStaff = as(soest).when().get("/projects/" + id + "/team").then().statusCode(200)
                .extract().path("find { it.name == 'Sophie Sommer - Team' }.id");
        as(soest).contentType("application/json")
                .body("{\"lab\": \"stadtlabor-soest\", \"title\": \"Fahrradzählung\", \"status\": \"doing\", \"assignee\": \""
                        + soestStaff + "\", \"position\": 2}")
                .when().put("/projects/" + id + "/tasks/" + taskId).then().statusCode(200)
                .body("assignee.name", equalTo("Sophie Sommer - Team")).body("status", equalTo("doing"));
        as(soest).contentType("application/json").body("{\"title\": \"Zählstellen festgelegt\", \"dueOn\": \"2027-03-01\"}")
                .when().post("/projects/" + id + "/milestones").then().statusCode(201);
        // Partners work on tasks but do not edit the project itself.
        wrongRequest().header("Authorization", "Bearer " + soest).contentType("application/json")
                .body("{\"status\": \"paused\"}").when().post("/projects/" + id + "/status").then().statusCode(403);
    }

    /** Open work can be deleted, finished work stays; an archived project changes no more. */
    @Test
    void openTasksAndMilestonesAreDeletedFinishedOnesStayAndArchivedProjectsAreKeptAsTheyAre() {
        String lead = Tokens.staff("arnsberg");
        String id = as(lead).contentType("application/json").body(project("freiraum-arnsberg", ""))
                .when().post("/projects").then().statusCode(201).extract().path("id");
        String open = as(lead).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Entwurf\", \"status\": \"todo\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(201).extract().path("id");
        String done = as(lead).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Erledigt\", \"status\": \"done\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(201).extract().path("id");
        String planned = as(lead).contentType("application/json").body("{\"title\": \"Plan\", \"dueOn\": \"2027-03-01\"}")
                .when().post("/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");
        String reached = as(lead).contentType("application/json")
                .body("{\"title\": \"Start\", \"dueOn\": \"2027-01-15\", \"done\": true}")
                .when().post("/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");

        as(lead).when().delete("/projects/" + id + "/tasks/" + open).then().statusCode(204);
        as(lead).when().delete("/projects/" + id + "/tasks/" + open).then().statusCode(404);
        as(lead).when().delete("/projects/" + id + "/tasks/" + done).then().statusCode(409)
                .body("type", equalTo("urn:stadtlabore:problem:conflict"));
        as(lead).when().delete("/projects/" + id + "/milestones/" + planned).then().statusCode(204);
        as(lead).when().delete("/projects/" + id + "/milestones/" + reached).then().statusCode(409);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest"))
                .when().delete("/projects/" + id + "/tasks/" + done).then().statusCode(403);
        as(lead).when().get("/projects/" + id).then().statusCode(200)
                .body("tasks.id", contains(done)).body("milestones.id", contains(reached));
        as(Tokens.admin("arnsberg")).queryParam("target", "project:" + id).when().get("/audit-events").then()
                .statusCode(200).body("items.action", hasItem("project.task-delete"))
                .body("items.action", hasItem("project.milestone-delete"));

        // Archived only once it is over; then nothing changes.
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body("{\"status\": \"archived\"}").when().post("/projects/" + id + "/status").then().statusCode(409);
        as(lead).contentType("application/json").body("{\"status\": \"cancelled\"}")
                .when().post("/projects/" + id + "/status").then().statusCode(200);
        as(lead).contentType("application/json").body("{\"status\": \"archived\"}")
                .when().post("/projects/" + id + "/status").then().statusCode(200).body("status", equalTo("archived"));
        as(lead).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Nachzügler\", \"status\": \"todo\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(409);
        as(lead).when().delete("/projects/" + id + "/milestones/" + reached).then().statusCode(409);
        api().queryParam("status", "archived").queryParam("size", "100").when().get("/projects").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void eventsBelongToProjectsOfTheirLeadLab() {
        String event = """
                {"leadLab": "%s", "title": "%s", "category": "workshop", "format": "online",
                 "onlineUrl": "https://meet.example.org/daten", "visibility": "public",
                 "start": "2027-02-03T18:00:00", "end": "2027-02-03T20:00:00", "project": "%s"}
                """;
        String id = as(Tokens.staff("menden")).contentType("application/json")
                .body(event.formatted("zukunftswerkstadt-menden", Unique.name("Test Datenwerkstatt"), OPEN_DATA)).when().post("/events")
                .then().statusCode(201).body("project", equalTo(OPEN_DATA)).extract().path("id");
        api().when().get("/projects/" + OPEN_DATA).then().body("events.id", hasItem(id));
        // Iserlohn was invited but has not accepted: not its project (yet).
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("iserlohn")).contentType("application/json")
                .body(event.formatted("waldstadtlabor-iserlohn", Unique.name("Test Datenwerkstatt"), OPEN_DATA)).when().post("/events")
                .then().statusCode(400).body("errors.field", contains("project"));
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * Lost update: a client's {@code PUT} carries the ETag of what it saw; when another client
     * changes a milestone while that {@code PUT} is on its way, the {@code PUT} must not win.
     * The other client is played by a database session that holds the project, as every write to
     * a project does, and changes a milestone before it lets go.
     */
    @Test
    void aPutBasedOnAStaleViewIsRefusedWhenAMilestoneChangedMeanwhile() throws Exception {
        String lead = Tokens.staff("arnsberg");
        String id = as(lead).contentType("application/json").body(project("freiraum-arnsberg", ""))
                .when().post("/projects").then().statusCode(201).extract().path("id");
        String milestone = as(lead).contentType("application/json").body("{\"title\": \"Auftakt\"}")
                .when().post("/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");
        String etag = as(lead).when().get("/projects/" + id).then().statusCode(200).extract().header("ETag");

        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var other = dataSource.getConnection(); var watcher = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select id from project where id = ?::uuid for update")) {
                lock.setString(1, id);
                lock.executeQuery();
            }
            var stalePut = pool.submit(() -> wrongRequest().header("Authorization", "Bearer " + lead)
                    .header("If-Match", etag).contentType("application/json")
                    .body(project("freiraum-arnsberg", "").replace("Gemeinsam erproben.", "Veraltet."))
                    .when().put("/projects/" + id).then().extract().statusCode());
            Sessions.awaitRequestWaitingForALock(watcher);
            try (var change = other.prepareStatement("update milestone set done = true where id = ?::uuid")) {
                change.setString(1, milestone);
                change.executeUpdate();
            }
            other.commit();
            org.assertj.core.api.Assertions.assertThat(stalePut.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(412);
        } finally {
            pool.shutdownNow();
        }
        as(lead).when().get("/projects/" + id).then().body("summary", equalTo("Gemeinsam erproben."))
                .body("milestones.done", contains(true));
    }

    @Test
    void badInputIsRefused() {
        String lead = Tokens.staff("arnsberg");
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body(project("freiraum-arnsberg", "{\"label\": \"Trick\", \"url\": \"javascript:alert(1)\"}"))
                .when().post("/projects").then().statusCode(400).body("errors.field", contains("links[0].url"));
        String id = as(lead).contentType("application/json").body(project("freiraum-arnsberg", ""))
                .when().post("/projects").then().statusCode(201).extract().path("id");
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body("{\"lab\": \"waldstadtlabor-iserlohn\", \"title\": \"Nicht unser Partner\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(400).body("errors.field", contains("lab"));
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Wer?\", \"assignee\": \"7c000000-0000-4000-8000-000000000002\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(400).body("errors.field", contains("assignee"));
        wrongRequest().header("Authorization", "Bearer " + lead).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Wer?\", \"assignee\": \"00000000-0000-4000-8000-000000000000\"}")
                .when().post("/projects/" + id + "/tasks").then().statusCode(400).body("errors.field", contains("assignee"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body(project("freiraum-arnsberg", "")).when().post("/projects").then().statusCode(403);
    }
}
