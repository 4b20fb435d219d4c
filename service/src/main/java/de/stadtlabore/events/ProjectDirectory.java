package de.stadtlabore.events;

import java.util.UUID;

import de.stadtlabore.labs.Lab;

/**
 * What events need to know of projects: an event may belong to a project of its lead lab. The
 * projects feature answers it, so that events do not depend on projects (projects list their
 * events through {@link EventService}).
 */
public interface ProjectDirectory {

    /** Whether the lab leads the project or is an accepted partner of it. */
    boolean isOrganisedBy(UUID project, Lab lab);
}
