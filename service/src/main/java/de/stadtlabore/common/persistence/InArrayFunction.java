package de.stadtlabore.common.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The HQL function {@code in_array(column, ?1)}: whether the column's value is an element of an
 * array parameter, rendered as PostgreSQL's {@code column = any(?)}. Unlike {@code in ?1} with a
 * list, one parameter stands for any number of values, so that Hibernate translates the query
 * once and caches it; unlike {@code array_contains} ({@code ? @> array[column]}), PostgreSQL
 * answers it from the column's index.
 */
public class InArrayFunction implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern("in_array", "(?1 = any(?2))",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
    }
}
