package de.stadtlabore.common.persistence;

import java.util.List;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.function.array.AbstractArrayContainsFunction;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.sql.ast.SqlAstNodeRenderingMode;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * The HQL function {@code array_has(?1, column)}: whether an array parameter holds the column's
 * value, rendered as PostgreSQL's {@code column = any(?)}.
 * <ul>
 * <li>Unlike {@code column in ?1} with a list, one parameter stands for any number of values, so
 * that Hibernate translates the query once and keeps its SQL.</li>
 * <li>Unlike Hibernate's {@code array_contains} ({@code ? @> array[column]}), PostgreSQL answers it
 * from the column's index.</li>
 * <li>It takes {@code array_contains}' argument checks and type inference (the parameter is typed
 * as an array of the column's type), which a plain pattern function lacks: bound with a type
 * inferred from each value, a pattern function's SQL was built again for every execution.</li>
 * </ul>
 * Registered through {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 */
public class ArrayHasFunction extends AbstractArrayContainsFunction {

    public ArrayHasFunction(TypeConfiguration types) {
        super(false, types);
    }

    @Override
    public void render(SqlAppender sql, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
            SqlAstTranslator<?> walker) {
        sql.append('(');
        walker.render(arguments.get(1), SqlAstNodeRenderingMode.DEFAULT);
        sql.append(" = any(");
        walker.render(arguments.get(0), SqlAstNodeRenderingMode.DEFAULT);
        sql.append("))");
    }

    /** Registers {@code array_has} with Hibernate. */
    public static class Contributor implements FunctionContributor {

        @Override
        public void contributeFunctions(FunctionContributions functions) {
            functions.getFunctionRegistry().register("array_has", new ArrayHasFunction(functions.getTypeConfiguration()));
        }
    }
}
