package de.stadtlabore.projects;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @GET
    @PermitAll
    public Page<ProjectDtos.ProjectView> list(@QueryParam("lab") String lab, @QueryParam("municipality") String municipality,
            @QueryParam("status") String status, @QueryParam("topic") String topic, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return projects.list(lab, municipality, status, topic, q, PageRequest.parse(page, size));
    }

    @POST
    @Idempotent
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid ProjectDtos.ProjectInput input) {
        ProjectDtos.ProjectView created = projects.create(input);
        return Response.created(URI.create("/projects/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ProjectDtos.ProjectView get(@PathParam("id") String id) {
        return projects.get(uuid(id));
    }

    @PUT
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.ProjectView update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProjectDtos.ProjectInput input) {
        return projects.update(uuid(id), ifMatch, input);
    }

    @POST
    @Idempotent
    @Path("{id}/status")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.ProjectView status(@PathParam("id") String id, @NotNull @Valid ProjectDtos.StatusChange change) {
        return projects.changeStatus(uuid(id), change.status());
    }

    @POST
    @Idempotent
    @Path("{id}/partners")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.ProjectView invite(@PathParam("id") String id, @NotNull @Valid ProjectDtos.PartnerInvitation invitation) {
        return projects.invite(uuid(id), invitation.lab());
    }

    @PUT
    @Path("{id}/partners/{lab}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.ProjectView answer(@PathParam("id") String id, @PathParam("lab") String lab,
            @NotNull @Valid ProjectDtos.PartnerAnswer answer) {
        return projects.answer(uuid(id), lab, answer.status());
    }

    @POST
    @Idempotent
    @Path("{id}/milestones")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMilestone(@PathParam("id") String id, @NotNull @Valid ProjectDtos.MilestoneInput input) {
        ProjectDtos.MilestoneView m = projects.addMilestone(uuid(id), input);
        return Response.created(URI.create("/projects/" + id + "/milestones/" + m.id())).entity(m).build();
    }

    @PUT
    @Path("{id}/milestones/{milestone}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.MilestoneView updateMilestone(@PathParam("id") String id, @PathParam("milestone") String milestone,
            @NotNull @Valid ProjectDtos.MilestoneInput input) {
        return projects.updateMilestone(uuid(id), Params.uuid("milestone", milestone), input);
    }

    @DELETE
    @Path("{id}/milestones/{milestone}")
    @Authenticated
    public void deleteMilestone(@PathParam("id") String id, @PathParam("milestone") String milestone) {
        projects.deleteMilestone(uuid(id), Params.uuid("milestone", milestone));
    }

    @POST
    @Idempotent
    @Path("{id}/tasks")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addTask(@PathParam("id") String id, @NotNull @Valid ProjectDtos.TaskInput input) {
        ProjectDtos.TaskView t = projects.addTask(uuid(id), input);
        return Response.created(URI.create("/projects/" + id + "/tasks/" + t.id())).entity(t).build();
    }

    @PUT
    @Path("{id}/tasks/{task}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectDtos.TaskView updateTask(@PathParam("id") String id, @PathParam("task") String task,
            @NotNull @Valid ProjectDtos.TaskInput input) {
        return projects.updateTask(uuid(id), Params.uuid("task", task), input);
    }

    @DELETE
    @Path("{id}/tasks/{task}")
    @Authenticated
    public void deleteTask(@PathParam("id") String id, @PathParam("task") String task) {
        projects.deleteTask(uuid(id), Params.uuid("task", task));
    }

    @GET
    @Path("{id}/team")
    @Authenticated
    public List<ProjectDtos.StaffView> team(@PathParam("id") String id) {
        return projects.team(uuid(id));
    }

    private static UUID uuid(String id) {
        return Params.uuid("id", id);
    }
}
