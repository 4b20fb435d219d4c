package de.stadtlabore.projects;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.Action;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.municipalities.MunicipalityService;

/**
 * A municipality's team directory: the people the service has seen in its tokens. A lab admin
 * removes a person who left: name and e-mail address go; their tasks stay, showing former staff.
 */
@ApplicationScoped
public class StaffService {

    @Inject
    StaffDirectory staff;

    @Inject
    MunicipalityService municipalities;

    @Inject
    AuditLog audit;

    @Transactional
    public List<ProjectDtos.DirectoryEntry> directory(String municipalitySlug) {
        UUID municipality = municipalities.actingOn(municipalitySlug, Action.STAFF_DIRECTORY_READ);
        return staff.present(municipality).stream()
                .map(s -> new ProjectDtos.DirectoryEntry(s.id, s.name, s.email, s.lastSeenAt)).toList();
    }

    /** Removes a person from the directory; removing again changes nothing. */
    @Transactional
    public void remove(String municipalitySlug, UUID id) {
        UUID municipality = municipalities.actingOn(municipalitySlug, Action.STAFF_REMOVE);
        StaffMember person = staff.hold(id);
        if (person == null || !person.municipalityId.equals(municipality)) {
            throw ApiException.notFound("detail.staff-not-found", id);
        }
        if (person.removedAt == null) {
            person.name = null;
            person.email = null;
            person.removedAt = Timestamps.now();
            audit.record("staff.remove", "staff", id.toString(), municipality);
        }
    }
}
