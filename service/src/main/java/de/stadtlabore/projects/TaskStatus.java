package de.stadtlabore.projects;

import jakarta.persistence.Converter;

import de.stadtlabore.common.domain.WireName;
import de.stadtlabore.common.domain.WireNameConverter;

/** The column of a task on the project's board; tasks move freely between them. */
public enum TaskStatus implements WireName {
    TODO, DOING, DONE;

    @Converter(autoApply = true)
    public static class Column extends WireNameConverter<TaskStatus> {
        public Column() {
            super(TaskStatus.class);
        }
    }
}
