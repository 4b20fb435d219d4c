package de.stadtlabore.projects;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.domain.WireNameConverter;

/**
 * A project: idea → planned → active ⇄ paused → completed, or cancelled before it is completed;
 * a completed or cancelled project is archived when nobody works on it any more (no more changes).
 */
public enum ProjectStatus implements Lifecycle<ProjectStatus> {
    IDEA, PLANNED, ACTIVE, PAUSED, COMPLETED, CANCELLED, ARCHIVED;

    @Override
    public Set<ProjectStatus> next() {
        return switch (this) {
            case IDEA -> EnumSet.of(PLANNED, CANCELLED);
            case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(PAUSED, COMPLETED, CANCELLED);
            case PAUSED -> EnumSet.of(ACTIVE, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<ProjectStatus> {
        public Column() {
            super(ProjectStatus.class);
        }
    }
}
